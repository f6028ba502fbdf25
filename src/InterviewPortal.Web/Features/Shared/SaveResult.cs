namespace InterviewPortal.Web.Features.Shared;

public enum SaveOutcome { Saved, NotFound, Invalid, Conflict }

/// <summary>What a save did: the id, or the field errors / the clash that refused it.</summary>
public sealed record SaveResult(SaveOutcome Outcome, int Id = 0, Dictionary<string, string[]>? Errors = null, string? Detail = null)
{
    public static SaveResult FieldError(string field, string message) => new(SaveOutcome.Invalid, Errors: new() { [field] = [message] });
    public static SaveResult Clash(string field, string message) => new(SaveOutcome.Conflict, Errors: new() { [field] = [message] }, Detail: message);
}

/// <summary>How pages and the API answer a refused save, the same way in every feature.</summary>
public static class SaveResultAnswers
{
    /// <summary>The problem details for a refused save: 404, 400 with field errors, or 409 naming the clash (with the field too).</summary>
    public static IResult ToProblem(this SaveResult result) => result.Outcome switch
    {
        SaveOutcome.NotFound => TypedResults.Problem(title: "Not found", detail: result.Detail, statusCode: StatusCodes.Status404NotFound),
        SaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors ?? [], title: "One or more fields are invalid."),
        _ => TypedResults.Problem(title: "Conflict", detail: result.Detail, statusCode: StatusCodes.Status409Conflict,
            extensions: result.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = result.Errors }),
    };

    /// <summary>Puts a refused save's field errors next to the page's fields (or at the top when there is no field).</summary>
    public static void AddTo(this SaveResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages)
                    modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
        }
        else
        {
            modelState.AddModelError(string.Empty, result.Detail ?? result.Outcome.ToString());
        }
    }
}
