using System.Security.Claims;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.OpenApi;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPortal.Web.Features.Me;

public static class MeApi
{
    public static IServiceCollection AddMeHandlers(this IServiceCollection services)
    {
        services.AddOptions<MyRecordCacheOptions>().BindConfiguration("MyInterview");
        // The invalidator reaches EF as an interceptor: DatabaseSetup gives every registered IInterceptor to the contexts.
        services.AddSingleton<MyRecordCache>().AddSingleton<IInterceptor, MyRecordCache.Invalidator>();
        services.AddSingleton<MyPageCopy>();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(MyPageCopy.PolicyName, b => b.AddPolicy<MyPageCopy>(), excludeDefaultPolicy: true);
            // A rendered page is about 10 KB: this keeps a few thousand candidates' reloads; past it the oldest go.
            o.SizeLimit = 64 * 1024 * 1024;
        });
        return services.AddScoped<GetMyInterviewHandler>().AddScoped<CreateAssignmentReportHandler>().AddScoped<RequestPhoneChangeHandler>();
    }

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me").WithTags("Me").RequireAuthorization(Policies.Candidate);
        group.MapGet("/", Get).WithSummary("The signed-in candidate: assignment and the next interview.");
        group.MapGet("/assignment-reports", ListReports);
        group.MapPost("/assignment-reports", Report).Validate<AssignmentReportRequest>()
            .WithSummary("Tell the college secretary that the college or major is wrong.");
        group.MapGet("/phone-change-requests", ListPhoneChanges);
        // Multipart, read by hand; a candidate's cookie needs the antiforgery token (CrossSiteWriteGuard), a bearer token does not.
        group.MapPost("/phone-change-requests", RequestPhoneChange)
            .WithMetadata(new MultipartBody(["idCard", "admissionTicket"], ["newPhone", "reason"]))
            .Produces<PhoneChangeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ask the college to change the mobile number, with reason, ID card and admission ticket.");
        return api;
    }

    private static async Task<Results<Ok<MyRecord>, NotFound>> Get(ClaimsPrincipal user, GetMyInterviewHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(user.CandidateId(), ct) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();

    private static async Task<Ok<List<AssignmentReportView>>> ListReports(ClaimsPrincipal user, CreateAssignmentReportHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(user.CandidateId(), ct));

    private static async Task<Results<Created<AssignmentReportView>, NotFound>> Report(
        AssignmentReportRequest request, ClaimsPrincipal user, CreateAssignmentReportHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(user.CandidateId(), request, ct) is { } report
            ? TypedResults.Created($"/api/v1/me/assignment-reports/{report.Id}", report)
            : TypedResults.NotFound();

    private static async Task<Ok<List<PhoneChangeView>>> ListPhoneChanges(ClaimsPrincipal user, RequestPhoneChangeHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(user.CandidateId(), ct));

    // The form is read by hand, not bound: form parameters add accepts metadata, and routing then answers a
    // non-form request 415 before authorization runs (an anonymous caller must get 401, a staff caller 403).
    private static async Task<IResult> RequestPhoneChange(
        HttpRequest request, ClaimsPrincipal user, RequestPhoneChangeHandler handler, CancellationToken ct)
    {
        var (input, unread) = await PhoneChangeForm.ReadAsync(request, ct);
        if (unread is not null)
            return unread;
        return (await handler.HandleAsync(user.CandidateId(), input!, ct))
            .ToResult(created => TypedResults.Created($"/api/v1/me/phone-change-requests/{created.Id}", created));
    }
}
