using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InterviewPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// Endpoint metadata naming the fields of a multipart upload read by hand (MultipartUpload). Such routes
/// cannot declare <c>.Accepts()</c>: routing would then answer a non-multipart request 415 before
/// authorization runs, telling a stranger the route exists. This describes the body to the document only.
/// </summary>
public sealed record MultipartBody(IReadOnlyList<string> Files, IReadOnlyList<string> Texts);

/// <summary>Writes a <see cref="MultipartBody"/> into the operation as a multipart/form-data request body.</summary>
public sealed class MultipartBodyDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MultipartBody>().FirstOrDefault() is not { } body)
            return;
        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
        foreach (var file in body.Files)
            schema.Properties[file] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        foreach (var text in body.Texts)
            schema.Properties[text] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Required = new HashSet<string>(body.Files.Concat(body.Texts));
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
        };
    }
}
