namespace InterviewPortal.Web.Features.Interviews;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// What a planning use case answers for the expected cases: done, not found (or outside the caller's scope),
/// a field error, or a conflict with a readable reason. The API turns it into a status; a page into messages.
/// </summary>
public sealed record PlanningOutcome<T>(OutcomeKind Kind, T? Value = default, string? Detail = null, Dictionary<string, string[]>? Errors = null)
{
    public static PlanningOutcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static PlanningOutcome<T> NotFound(string detail) => new(OutcomeKind.NotFound, Detail: detail);
    public static PlanningOutcome<T> Conflict(string detail) => new(OutcomeKind.Conflict, Detail: detail);
    public static PlanningOutcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, Detail: message, Errors: new() { [field] = [message] });

    public PlanningOutcome<TOther> As<TOther>() => new(Kind, default, Detail, Errors);

    /// <summary>The API face: 200/201 through <paramref name="ok"/>, otherwise a problem with the matching status.</summary>
    public IResult ToResult(Func<T, IResult> ok) => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.NotFound => TypedResults.Problem(title: "Not found.", detail: Detail, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors ?? [], title: "One or more fields are invalid.", detail: Detail),
        _ => TypedResults.Problem(title: "Conflict.", detail: Detail, statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>The page face: field errors under the form's prefix, anything else as a form-level message.</summary>
    public void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        if (Kind == OutcomeKind.Ok)
            return;
        if (Errors is { Count: > 0 })
        {
            foreach (var (field, messages) in Errors)
                foreach (var message in messages)
                    modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            return;
        }
        modelState.AddModelError(string.Empty, Detail ?? Kind.ToString());
    }
}
