using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Invitations;

public static class InvitationsApi
{
    public static IServiceCollection AddInvitationHandlers(this IServiceCollection services) =>
        services.AddScoped<InviteCandidateHandler>().AddScoped<RetryInvitationHandler>().AddScoped<SendInvitationJob>()
            .AddScoped<RoomMeetings>();

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/interviews/{id:int}").WithTags("Invitations");
        group.MapPost("/invite", Invite).RequireAuthorization(Policies.Assistant)
            .Produces<InvitationItem>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/invitations/{invitationId:int}/retry", Retry).RequireAuthorization(Policies.Assistant)
            .Produces<InvitationItem>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/invitations", List).RequireAuthorization(Policies.Staff);
        return api;
    }

    public static InvitationItem Item(MeetingInvitation i) =>
        new(i.Id, i.InterviewId, i.Status, i.MeetingId, i.JoinLink, i.Attempts, i.LastError, i.RequestedBy, i.CreatedAt, i.SentAt, i.AdmittedAt);

    private static async Task<IResult> Invite(int id, InviteCandidateHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToResult(item => TypedResults.Accepted($"/api/v1/interviews/{id}/invitations", item));

    private static async Task<IResult> Retry(int id, int invitationId, RetryInvitationHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, invitationId, ct)).ToResult(item => TypedResults.Accepted($"/api/v1/interviews/{id}/invitations", item));

    private static async Task<Results<Ok<List<InvitationItem>>, NotFound>> List(int id, PortalDbContext db, CancellationToken ct)
    {
        if (!await db.Interviews.AnyAsync(i => i.Id == id, ct))
            return TypedResults.NotFound();
        var rows = await db.MeetingInvitations.AsNoTracking().Where(i => i.InterviewId == id).OrderByDescending(i => i.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Item).ToList());
    }
}
