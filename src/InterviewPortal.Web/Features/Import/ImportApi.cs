using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewPortal.Web.Features.Import;

public static class ImportApi
{
    private const int EnvelopeBytes = 64 * 1024;

    public static IServiceCollection AddImportHandlers(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration("Import");
        return services.AddScoped<ImportCandidatesHandler>().AddScoped<CandidateImport>();
    }

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        // The form is read by hand (no binder) so every bad upload gets its own problem. A cookie caller needs the
        // antiforgery token like every other write (Infrastructure/Security/CrossSiteWriteGuard); bearer callers do not.
        api.MapPost("/candidates/import", Import).WithTags("Candidates").RequireAuthorization(Policies.Planner)
            // No .Accepts(): routing would answer a non-multipart request 415 before authorization runs.
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .WithSummary("Import candidates from a .csv (UTF-8 or GB18030) or .xlsx file; all or nothing.");
        return api;
    }

    private static async Task<IResult> Import(HttpContext http, bool? dryRun, CandidateImport import, CancellationToken ct)
    {
        // Refuse an oversized upload before reading it (the multipart envelope adds a little to the file).
        if (http.Request.ContentLength > import.MaxFileBytes + EnvelopeBytes)
            return Problem(413, "The file is too large.", $"The file is larger than the {import.MaxFileBytes / 1024 / 1024} MB limit.");
        if (!http.Request.HasFormContentType)
            return Problem(415, "Unsupported media type.", "Send multipart/form-data with the file in the field \"file\".");
        // A body without a Content-Length (chunked) is cut off by the server at the same bound while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = import.MaxFileBytes + EnvelopeBytes;
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "The file is too large.", $"The file is larger than the {import.MaxFileBytes / 1024 / 1024} MB limit.");
        }
        catch (InvalidDataException e)
        {
            return Problem(400, "The upload could not be read.", e.Message);
        }

        var outcome = await import.RunAsync(form.Files.GetFile("file"), dryRun ?? false, ct);
        return outcome.ToResult(result => result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: "The import was rejected; nothing was written.", statusCode: 422,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }));
    }

    private static IResult Problem(int status, string title, string? detail) => TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
