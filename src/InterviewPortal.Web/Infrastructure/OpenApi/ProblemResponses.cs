using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InterviewPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// The refusals every route shares, written into the document from what the endpoint really carries, so a
/// client generator sees them without each Map* call repeating them: 401/403 and the bearer requirement where
/// authorization is required, 429 where a rate limit applies, 400 (validation problem) where the client sends
/// a body or query, 404 where the route names a resource. Route-specific refusals (409, 413, 415, 422) stay
/// on the routes that answer them.
/// </summary>
public sealed class ProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        var needsSignIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (needsSignIn)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "Not signed in, or the token or session has ended.");
            Add(operation, context, StatusCodes.Status403Forbidden, "Signed in, but this role or scope may not do this.");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many attempts; the Retry-After header says when to try again.");
        var parameters = context.ApiDescription.ParameterDescriptions;
        if (operation.RequestBody is not null || parameters.Any(p => p.Source.Id is "Query" or "Body"))
            Add(operation, context, StatusCodes.Status400BadRequest, "A field is missing or invalid; `errors` names each field.", typeof(HttpValidationProblemDetails));
        if (context.ApiDescription.RelativePath?.Contains('{') == true)
            Add(operation, context, StatusCodes.Status404NotFound, "No such resource in your scope.");
        // A bare refusal (TypedResults.NotFound(), .ProducesProblem without a body) still reaches the client as a
        // problem detail: UseStatusCodePages writes one for every empty 4xx under /api.
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
            if (response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = ProblemContent(context, typeof(ProblemDetails));
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description, Type? body = null)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse { Description = description, Content = ProblemContent(context, body ?? typeof(ProblemDetails)) };
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OperationFilterContext context, Type body) =>
        new() { ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(body, context.SchemaRepository) } };
}
