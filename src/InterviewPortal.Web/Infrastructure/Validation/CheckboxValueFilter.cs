using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InterviewPortal.Web.Infrastructure.Validation;

/// <summary>
/// A checkbox field posted with something other than true/false (a browser never does; a hand-made request can)
/// stays in ModelState as that text, and re-rendering the form then throws inside ASP.NET's checkbox helper
/// (it converts the remembered text to bool): a 500 instead of the page with its message. The field keeps its
/// error; only its remembered value becomes "false", so the page renders and says what was wrong.
/// </summary>
public sealed class CheckboxValueFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        var state = context.ModelState;
        if (state.IsValid || context.HandlerInstance is null)
            return;
        var broken = state
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid } entry && !IsBooleanText(entry.AttemptedValue))
            .Select(e => e.Key)
            .Where(key => IsBoolean(context.HandlerInstance.GetType(), key))
            .ToList();
        foreach (var key in broken)
            state.SetModelValue(key, rawValue: "false", attemptedValue: "false");
    }

    // A checkbox posts "true,false" (the box and its hidden field) or "false".
    private static bool IsBooleanText(string? attempted) =>
        attempted is null || attempted.Split(',').All(part => bool.TryParse(part, out _));

    /// <summary>Whether the bound property the key names ("Input.RecordSessions") is a bool.</summary>
    private static bool IsBoolean(Type type, string key)
    {
        foreach (var name in key.Split('.'))
        {
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var property = type.GetProperty(bracket < 0 ? name : name[..bracket], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                return false;
            type = property.PropertyType;
            if (bracket >= 0)
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? type;
        }
        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
    }
}
