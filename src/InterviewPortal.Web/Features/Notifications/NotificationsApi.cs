using InterviewPortal.Data;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

public sealed record NoticeItem(long Id, int? InterviewId, string Template, DateTime DueAt, DateTime? SentAt,
    NotificationStatus Status, int Attempts, bool Late, string? LastError);

public static class NotificationsApi
{
    public static IServiceCollection AddNotificationHandlers(this IServiceCollection services) =>
        services.AddScoped<CandidateOutbox>().AddScoped<CandidateMessageSender>().AddScoped<MissedNoticeSweep>()
            .AddScoped<ResendPreExamNoticeHandler>().AddHostedService<NoticeDispatcher>();

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/interviews/{id:int}/notify", Resend).WithTags("Notifications").RequireAuthorization(Policies.Assistant)
            .Produces<NoticeQueued>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/notifications", List).WithTags("Notifications").RequireAuthorization(Policies.Staff);
        return api;
    }

    private static async Task<IResult> Resend(int id, ResendPreExamNoticeHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToResult(queued => TypedResults.Accepted($"/api/v1/notifications?interviewId={id}", queued));

    /// <summary>The notices of the interviews in the caller's scope, newest due first; <c>status=Failed</c> lists what needs a hand.</summary>
    private static async Task<Results<Ok<Paged<NoticeItem>>, ValidationProblem>> List(
        int? interviewId, NotificationStatus? status, int? page, int? pageSize, PortalDbContext db, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var query = db.Notifications.AsNoTracking().Where(n => db.Interviews.Any(i => i.Id == n.InterviewId));
        if (interviewId is not null)
            query = query.Where(n => n.InterviewId == interviewId);
        if (status is not null)
            query = query.Where(n => n.Status == status);
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderByDescending(n => n.DueAt).ThenByDescending(n => n.Id), q => q.Select(n =>
            new NoticeItem(n.Id, n.InterviewId, n.Template, n.DueAt, n.SentAt, n.Status, n.Attempts, n.Late, n.LastError)), ct));
    }
}
