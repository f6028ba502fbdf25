using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.OpenApi;

namespace InterviewPortal.Web.Features.Import;

public static class ImportApi
{
    private const int EnvelopeBytes = 64 * 1024;

    public static IServiceCollection AddImportHandlers(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration("Import");
        return services.AddScoped<ImportCandidatesHandler>().AddScoped<CandidateImport>().AddScoped<ImportTemplate>();
    }

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        // The form is read by hand (no binder) so every bad upload gets its own problem. A cookie caller needs the
        // antiforgery token like every other write (Infrastructure/Security/CrossSiteWriteGuard); bearer callers do not.
        api.MapPost("/candidates/import", Import).WithTags("Candidates").RequireAuthorization(Policies.Planner)
            // No .Accepts(): routing would answer a non-multipart request 415 before authorization runs.
            .WithMetadata(new MultipartBody(["file"], [])).Produces<ImportResult>()
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .WithSummary("Import candidates from a .csv (UTF-8 or GB18030) or .xlsx file; all or nothing.");
        return api;
    }

    private static async Task<IResult> Import(HttpContext http, bool? dryRun, CandidateImport import, CancellationToken ct)
    {
        // The multipart envelope adds a little to the file.
        var (form, refusal, reason) = await MultipartUpload.ReadAsync(http.Request, import.MaxFileBytes + EnvelopeBytes, ct);
        if (refusal is not null)
            return refusal switch
            {
                UploadRefusal.TooLarge => Problem(413, Texts.Get("Import.TheFileIsTooLarge"), Texts.Get("Import.TheFileIsLargerThanThe", import.MaxFileBytes / 1024 / 1024)),
                UploadRefusal.NotMultipart => Problem(415, Texts.Get("Me.UnsupportedMediaType"), Texts.Get("Import.SendMultipartFormDataWithThe")),
                _ => Problem(400, Texts.Get("Import.TheUploadCouldNotBeRead"), reason),
            };

        var outcome = await import.RunAsync(form!.Files.GetFile("file"), dryRun ?? false, ct);
        return outcome.ToResult(result => result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: Texts.Get("Import.TheImportWasRejectedNothingWas"), statusCode: 422,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }));
    }

    private static IResult Problem(int status, string title, string? detail) => TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
