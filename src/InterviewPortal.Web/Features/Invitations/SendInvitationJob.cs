using InterviewPortal.Web.Features.Live;
using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Invitations;

/// <summary>
/// Brings one invited candidate into the room's meeting: makes sure the day's meeting exists
/// (waiting room on, recording as the room says), invites the candidate and admits them from the
/// waiting room. Only an interview that is Invited (it was verified when the assistant invited) is
/// ever admitted. Failures retry with back-off, then the invitation is Failed with its error.
/// </summary>
[AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = new[] { 3, 10, 30 }, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class SendInvitationJob(PortalDbContext db, RoomMeetings meetings, IWeLinkGateway gateway, TimeProvider clock, ExamDayBroadcaster broadcaster, ILogger<SendInvitationJob> log)
{
    public const int MaxAttempts = 4;

    public async Task RunAsync(int invitationId, CancellationToken ct)
    {
        var invitation = await db.MeetingInvitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null || invitation.Status != InvitationStatus.Pending)
            return;
        var interview = await db.Interviews.IgnoreQueryFilters().Include(i => i.Candidate).FirstAsync(i => i.Id == invitation.InterviewId, ct);
        if (interview.Status != InterviewStatus.Invited)
        {
            // Never admit someone whose identity was not verified (or whose session moved on meanwhile).
            await FinishAsync(invitation, InvitationStatus.Failed, $"Not admitted: the interview is {interview.Status}, not Invited.", ct);
            return;
        }
        invitation.Attempts++;
        try
        {
            var meeting = await meetings.EnsureAsync(interview, ct);
            var attendee = new Attendee(interview.Candidate.Name, interview.Candidate.Phone, interview.Candidate.WeLinkUserId);
            var reference = await gateway.InviteAttendeeAsync(meeting.ConferenceId!, attendee, ct);
            await gateway.AdmitFromWaitingRoomAsync(meeting.ConferenceId!, attendee, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            invitation.MeetingId = meeting.ConferenceId;
            invitation.JoinLink = meeting.JoinLink;
            invitation.GatewayReference = reference;
            invitation.SentAt = now;
            invitation.AdmittedAt = now;
            invitation.LastError = null;
            await FinishAsync(invitation, InvitationStatus.Sent, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var final = invitation.Attempts >= MaxAttempts;
            log.LogWarning(e, "Invitation {InvitationId} attempt {Attempt} failed", invitation.Id, invitation.Attempts);
            await FinishAsync(invitation, final ? InvitationStatus.Failed : InvitationStatus.Pending, e.Message, CancellationToken.None);
            if (!final)
                throw;
        }
    }

    private async Task FinishAsync(MeetingInvitation invitation, InvitationStatus status, string? error, CancellationToken ct)
    {
        invitation.Status = status;
        if (error is not null)
            invitation.LastError = error.Length > 1000 ? error[..1000] : error;
        invitation.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        // The console and the college view show the invitation's state live.
        await broadcaster.InterviewChangedAsync(invitation.InterviewId, ct);
    }
}
