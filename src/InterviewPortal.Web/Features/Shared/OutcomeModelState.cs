using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InterviewPortal.Web.Features.Shared;

/// <summary>The page face of an <see cref="Outcome{T}"/>: each field error next to its field, any other refusal as a form-level message.</summary>
public static class OutcomeModelState
{
    /// <summary>
    /// Adds a refusal to <paramref name="modelState"/> and says whether there was one. A field error goes under
    /// "<paramref name="prefix"/>.Field" ("Field" with no prefix; the API's camelCase name in PascalCase, or <paramref name="fieldName"/>'s name
    /// for forms whose fields differ from the API's); a reason without a field under <paramref name="formKey"/>
    /// (the validation summary's "" unless the page shows each form's messages by its own key).
    /// </summary>
    public static bool AddTo<T>(this Outcome<T> outcome, ModelStateDictionary modelState, string prefix, string formKey = "", Func<string, string>? fieldName = null)
    {
        if (outcome.Succeeded)
            return false;
        if (outcome.Errors is not { Count: > 0 } errors)
        {
            modelState.AddModelError(formKey, outcome.Detail ?? outcome.Kind.ToString());
            return true;
        }
        fieldName ??= PascalCase;
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                modelState.AddModelError(prefix.Length == 0 ? fieldName(field) : $"{prefix}.{fieldName(field)}", message);
        return true;
    }

    private static string PascalCase(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
