using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using FluentValidation.Results;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Infrastructure.Validation;

public static class ValidationExtensions
{
    /// <summary>Runs the request's FluentValidation validator before the handler; a failure is a 400 problem with an errors object.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var request = ctx.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
                return TypedResults.Problem(title: Texts.Get("Validation.ARequestBodyIsRequired"), statusCode: StatusCodes.Status400BadRequest);
            var validator = ctx.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, ctx.HttpContext.RequestAborted);
            return result.IsValid ? await next(ctx) : result.ToProblem();
        }).ProducesValidationProblem();

    public static IResult ToProblem(this ValidationResult result) =>
        TypedResults.ValidationProblem(result.ToErrorDictionary(), title: Texts.Get("Exports.OneOrMoreFieldsAreInvalid"));

    /// <summary>Errors keyed by camelCase field name, as the API's problem details and the pages' field messages use them.</summary>
    public static Dictionary<string, string[]> ToErrorDictionary(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Copies the errors onto a Razor page's ModelState under the given prefix (e.g. "Input").</summary>
    public static void AddTo(this ValidationResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
    }

    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
