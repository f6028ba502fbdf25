using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Inbox;

public static class InboxApi
{
    public static IServiceCollection AddInboxHandlers(this IServiceCollection services) =>
        services.AddScoped<InboxQueries>().AddScoped<AnswerRequestsHandler>();

    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inbox").WithTags("Inbox").RequireAuthorization(Policies.Planner);
        group.MapGet("/assignment-reports", async (RequestStatus? status, InboxQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.AssignmentReportsAsync(status, ct)));
        group.MapPost("/assignment-reports/{id:int}/answer", async (int id, AnswerInput input, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.AnswerReportAsync(id, input, ct))).Validate<AnswerInput>();
        group.MapGet("/phone-change-requests", async (RequestStatus? status, InboxQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.PhoneChangeRequestsAsync(status, ct)));
        group.MapPost("/phone-change-requests/{id:int}/approve", async (int id, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.ApprovePhoneChangeAsync(id, ct)));
        group.MapPost("/phone-change-requests/{id:int}/refuse", async (int id, RefuseInput input, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.RefusePhoneChangeAsync(id, input, ct))).Validate<RefuseInput>();
        return api;
    }

    private static IResult Answer(SaveResult result) => result.Outcome == SaveOutcome.Saved ? TypedResults.NoContent() : result.ToProblem();
}
