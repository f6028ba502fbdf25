using InterviewPortal.Data.Staff;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.OpenApi;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InterviewPortal.Web.Features.Verifications;

public static class VerificationsApi
{
    /// <summary>The photo plus the multipart envelope (boundaries, headers); anything bigger is refused unread.</summary>
    public const long MaxUploadRequestBytes = PhotoSanitizer.MaxBytes + 256 * 1024;

    public static IServiceCollection AddVerifications(this IServiceCollection services) =>
        services.AddSingleton<PhotoSanitizer>().AddScoped<UploadIdPhotoHandler>().AddScoped<ReviewQueueHandler>()
            .AddScoped<DecideIdVerificationHandler>().AddScoped<PhotoRetentionJob>();

    public static RouteGroupBuilder MapVerificationsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/interviews/{id:int}/id-photo", Upload).WithTags("ID verification")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AuthSchemes.Portal).RequireRole(CandidateRole.Name, StaffRoles.Assistant))
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes))
            // No .Accepts(): routing would answer a non-multipart request 415 before authorization runs.
            .WithMetadata(new MultipartBody(["photo"], [])).Produces<IdPhotoAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        var group = api.MapGroup("/verifications").WithTags("ID verification");
        group.MapGet("/", List).RequireAuthorization(Policies.Reviewer);
        group.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Reviewer);
        group.MapGet("/{id:int}/photo", Photo).RequireAuthorization(Policies.Reviewer).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        group.MapPost("/{id:int}/approve", (int id, DecideIdVerificationHandler h, CancellationToken ct) => Decide(id, IdDecision.Approve, null, h, ct))
            .RequireAuthorization(Policies.Assistant).Produces<IdDecisionResult>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/reject", (int id, IdDecisionRequest request, DecideIdVerificationHandler h, CancellationToken ct) => Decide(id, IdDecision.Reject, request.Reason, h, ct))
            .RequireAuthorization(Policies.Assistant).Validate<IdDecisionRequest>().Produces<IdDecisionResult>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/retake", (int id, IdDecisionRequest request, DecideIdVerificationHandler h, CancellationToken ct) => Decide(id, IdDecision.Retake, request.Reason, h, ct))
            .RequireAuthorization(Policies.Assistant).Validate<IdDecisionRequest>().Produces<IdDecisionResult>().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> Upload(int id, HttpRequest request, UploadIdPhotoHandler handler, CancellationToken ct)
    {
        var (form, refusal, _) = await MultipartUpload.ReadAsync(request, MaxUploadRequestBytes, ct);
        if (refusal is not null)
            return refusal switch
            {
                UploadRefusal.TooLarge => Problem(413, Texts.Get("Verifications.ThePhotoIsLargerThan82")),
                UploadRefusal.NotMultipart => Problem(415, Texts.Get("Verifications.SendThePhotoAsMultipartForm")),
                _ => Problem(400, Texts.Get("Verifications.TheMultipartBodyCouldNotBe")),
            };
        var photo = form!.Files.GetFile("photo");
        if (photo is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["photo"] = [Texts.Get("Verifications.AttachTheIDPhotoJPEGOr")] });
        if (photo.Length > PhotoSanitizer.MaxBytes)
            return Problem(413, Texts.Get("Verifications.ThePhotoIsLargerThan82"));

        var bytes = new byte[photo.Length];
        await using (var stream = photo.OpenReadStream())
            await stream.ReadExactlyAsync(bytes, ct);
        return (await handler.HandleAsync(id, bytes, ct))
            .ToResult(accepted => TypedResults.Accepted($"/api/v1/verifications/{accepted.VerificationId}", accepted));
    }

    private static async Task<Results<Ok<Paged<VerificationQueueItem>>, ValidationProblem>> List(
        VerificationStatus? status, int? roomId, int? page, int? pageSize, ReviewQueueHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.ListAsync(status ?? VerificationStatus.Pending, roomId, paging, ct));
    }

    private static async Task<Results<Ok<VerificationRecord>, NotFound>> Get(int id, ReviewQueueHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();

    private static async Task<IResult> Photo(int id, HttpContext http, ReviewQueueHandler handler, CancellationToken ct)
    {
        var (photo, found) = await handler.ViewPhotoAsync(id, ct);
        if (!found)
            return TypedResults.NotFound();
        if (photo is null)
            return Problem(410, Texts.Get("Verifications.ThePhotoWasDeletedAfterThe"));
        // Personal data: never cached by the browser or a proxy, never sniffed into something else.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(photo.Content, photo.ContentType);
    }

    private static async Task<IResult> Decide(int id, IdDecision decision, string? reason,
        DecideIdVerificationHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, decision, reason, ct)).ToResult(TypedResults.Ok);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
