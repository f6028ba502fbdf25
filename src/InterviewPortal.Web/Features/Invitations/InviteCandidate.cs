using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Features.Shared;
using Hangfire;
using InterviewPortal.Web.Infrastructure.Jobs;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Invitations;

public sealed record InvitationItem(int Id, int InterviewId, InvitationStatus Status, string? MeetingId, string? JoinLink,
    int Attempts, string? LastError, string? RequestedBy, DateTime CreatedAt, DateTime? SentAt, DateTime? AdmittedAt);

/// <summary>
/// The assistant invites a verified candidate (or invites again after an interruption): the interview
/// moves to Invited now, and a job brings the candidate into the room's meeting.
/// </summary>
public sealed class InviteCandidateHandler(PortalDbContext db, IBackgroundJobClient jobs, JobsOptions options, TimeProvider clock, ExamDayBroadcaster live)
{
    /// <summary>Not found when the interview is outside the caller's scope; a conflict when it cannot be invited.</summary>
    public async Task<Outcome<InvitationItem>> HandleAsync(int interviewId, CancellationToken ct)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", interviewId));
        if (await PledgeGate.RefusalAsync(db, interview.CandidateId, ct) is { } unconfirmed)
            return unconfirmed;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            interview.Invite(now);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        var invitation = new MeetingInvitation { InterviewId = interview.Id, RequestedBy = db.Scope.Actor, CreatedAt = now };
        db.MeetingInvitations.Add(invitation);
        db.Record("interview.invited", nameof(Interview), interview.Id, "Invitation into the room's meeting requested", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict(Texts.Get("Invitations.InterviewWasChangedBySomeoneElse", interviewId));
        }
        jobs.Enqueue<SendInvitationJob>(options.Queue, j => j.RunAsync(invitation.Id, CancellationToken.None));
        // The consoles and the college view follow the move live, like every other exam-day move.
        await live.InterviewChangedAsync(interview.Id, ct);
        return Outcome.Success(InvitationsApi.Item(invitation));
    }
}

/// <summary>Staff put a failed invitation back on the queue.</summary>
public sealed class RetryInvitationHandler(PortalDbContext db, IBackgroundJobClient jobs, JobsOptions options, TimeProvider clock)
{
    public async Task<Outcome<InvitationItem>> HandleAsync(int interviewId, int invitationId, CancellationToken ct)
    {
        var invitation = await db.MeetingInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.InterviewId == interviewId, ct);
        if (invitation is null)
            return Outcome.NotFound(Texts.Get("Invitations.InvitationOfInterviewWasNotFound", interviewId, invitationId));
        if (invitation.Status != InvitationStatus.Failed
            && !SendInvitationJob.Abandoned(invitation.Status, invitation.ClaimedAt, clock.GetUtcNow().UtcDateTime))
            return Outcome.Conflict(Texts.Get("Invitations.InvitationIsOnlyAFailedInvitation", invitationId, invitation.Status));
        invitation.Status = InvitationStatus.Pending;
        invitation.ClaimedAt = null;
        invitation.Attempts = 0;
        invitation.Version = Guid.NewGuid();
        db.Record("invitation.retried", nameof(MeetingInvitation), invitation.Id, $"Retry of the invitation of interview {interviewId}");
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<SendInvitationJob>(options.Queue, j => j.RunAsync(invitation.Id, CancellationToken.None));
        return Outcome.Success(InvitationsApi.Item(invitation));
    }
}
