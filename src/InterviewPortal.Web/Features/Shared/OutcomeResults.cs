namespace InterviewPortal.Web.Features.Shared;

/// <summary>The API face of an <see cref="Outcome{T}"/>: the success through the endpoint's own result, every refusal as RFC 9457 problem details.</summary>
public static class OutcomeResults
{
    // One title per kind of problem, whichever feature refuses (RFC 9457: the title does not change between occurrences).
    public const string NotFoundTitle = "Not found";
    public const string ForbiddenTitle = "Forbidden";
    public const string ConflictTitle = "Conflict";
    public const string InvalidTitle = "One or more fields are invalid.";

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> success) =>
        outcome.Succeeded ? success(outcome.Value!) : outcome.ToProblem();

    /// <summary>404, 403 or 409 with the reason as the detail (a 409 about a field names it under "errors"), or 400 with the field errors.</summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => TypedResults.Problem(title: NotFoundTitle, detail: outcome.Detail, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Forbidden => TypedResults.Problem(title: ForbiddenTitle, detail: outcome.Detail, statusCode: StatusCodes.Status403Forbidden),
        OutcomeKind.Conflict => TypedResults.Problem(title: ConflictTitle, detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict,
            extensions: outcome.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>(), title: InvalidTitle),
        _ => throw new InvalidOperationException("A success is not a problem."),
    };
}
