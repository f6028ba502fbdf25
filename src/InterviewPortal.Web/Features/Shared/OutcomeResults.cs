using InterviewPortal.Web.Infrastructure.Localization;


namespace InterviewPortal.Web.Features.Shared;

/// <summary>The API face of an <see cref="Outcome{T}"/>: the success through the endpoint's own result, every refusal as RFC 9457 problem details.</summary>
public static class OutcomeResults
{
    // One title per kind of problem, whichever feature refuses (RFC 9457: the title does not change between occurrences).
    public static string NotFoundTitle => Texts.Get("Inbox.NotFound");
    public static string ForbiddenTitle => Texts.Get("Pledges.Forbidden");
    public static string ConflictTitle => Texts.Get("Pledges.Conflict");
    public static string InvalidTitle => Texts.Get("Exports.OneOrMoreFieldsAreInvalid");
    public static string UnreadableTitle => Texts.Get("Shared.TheRequestCouldNotBeRead");
    public static string TooLargeTitle => Texts.Get("Shared.TheRequestIsTooLarge");
    public static string UnsupportedMediaTypeTitle => Texts.Get("Me.UnsupportedMediaType");
    public static string TooManyTitle => Texts.Get("CandidateAuth.TooManyRequests");

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> success) =>
        outcome.Succeeded ? success(outcome.Value!) : outcome.ToProblem();

    /// <summary>
    /// Field errors are a 400 validation problem; every other refusal is its status with the reason as the detail,
    /// and the fields it is about under "errors" when it names any (a taken code, a second open request, a file too large).
    /// </summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome)
    {
        if (outcome.Kind == OutcomeKind.Invalid)
            return TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>(), title: InvalidTitle);
        var (status, title) = outcome.Kind switch
        {
            OutcomeKind.NotFound => (StatusCodes.Status404NotFound, NotFoundTitle),
            OutcomeKind.Forbidden => (StatusCodes.Status403Forbidden, ForbiddenTitle),
            OutcomeKind.Conflict => (StatusCodes.Status409Conflict, ConflictTitle),
            OutcomeKind.Unreadable => (StatusCodes.Status400BadRequest, UnreadableTitle),
            OutcomeKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, TooLargeTitle),
            OutcomeKind.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaTypeTitle),
            OutcomeKind.TooMany => (StatusCodes.Status429TooManyRequests, TooManyTitle),
            _ => throw new InvalidOperationException("A success is not a problem."),
        };
        return TypedResults.Problem(title: title, detail: outcome.Detail, statusCode: status,
            extensions: outcome.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = outcome.Errors });
    }
}
