using InterviewPortal.Web.Features.Live;
using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Invitations;

/// <summary>
/// Brings one invited candidate into the room's meeting: makes sure the day's meeting exists
/// (waiting room on, recording as the room says), invites the candidate and admits them from the
/// waiting room. Only an interview that is Invited (it was verified when the assistant invited) is
/// ever admitted. Hangfire runs a job at least once, so a run first claims the invitation (Pending →
/// Sending, one conditional UPDATE): a second run of the same job finds it taken and does nothing.
/// Failures retry with back-off, then the invitation is Failed with its error.
/// </summary>
[AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = new[] { 3, 10, 30 }, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class SendInvitationJob(PortalDbContext db, RoomMeetings meetings, MeetingPlatforms platforms, MeetingFailures failures,
    TimeProvider clock, ExamDayBroadcaster broadcaster, ILogger<SendInvitationJob> log)
{
    public const int MaxAttempts = 4;

    /// <summary>A claim older than this outlived every timeout of a run (its process died): it may be taken over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);

    /// <summary>Left in Sending by a run whose process died: staff see it with the failures and may retry it.</summary>
    public static bool Abandoned(InvitationStatus status, DateTime? claimedAt, DateTime now) =>
        status == InvitationStatus.Sending && claimedAt < now - StaleClaim;

    public async Task RunAsync(int invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - StaleClaim;
        var claim = Guid.NewGuid();
        var claimed = await db.MeetingInvitations.IgnoreQueryFilters()
            .Where(i => i.Id == invitationId && (i.Status == InvitationStatus.Pending || (i.Status == InvitationStatus.Sending && i.ClaimedAt < staleBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvitationStatus.Sending)
                .SetProperty(i => i.ClaimedAt, now)
                .SetProperty(i => i.Version, claim), ct);
        if (claimed == 0)
            return; // sent, failed, or another run holds it
        // Tracked with Version = our claim: every later save is conditional on still holding it.
        var invitation = await db.MeetingInvitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == invitationId && i.Version == claim, ct);
        if (invitation is null)
            return;
        var interview = await db.Interviews.IgnoreQueryFilters().Include(i => i.Candidate).FirstAsync(i => i.Id == invitation.InterviewId, ct);
        if (interview.Status != InterviewStatus.Invited)
        {
            // Never admit someone whose identity was not verified (or whose session moved on meanwhile).
            await FinishAsync(invitation, InvitationStatus.Failed, $"Not admitted: the interview is {interview.Status}, not Invited.", ct);
            return;
        }
        invitation.Attempts++;
        int? sessionId = null;
        try
        {
            var meeting = await meetings.EnsureAsync(interview, ct);
            sessionId = meeting.Id;
            var attendee = new Attendee(interview.Candidate.Name, interview.Candidate.Phone, interview.Candidate.WeLinkUserId, interview.Candidate.ExamNumber);
            // The room's current platform: after a switch, invitations and admissions go to the backup meeting.
            var onBackup = meeting is { Platform: MeetingPlatform.Backup, BackupMeetingId: not null };
            var gateway = platforms.For(onBackup ? MeetingPlatform.Backup : MeetingPlatform.Primary);
            var meetingId = onBackup ? meeting.BackupMeetingId! : meeting.ConferenceId!;
            var reference = await gateway.InviteAttendeeAsync(meetingId, attendee, ct);
            await gateway.AdmitFromWaitingRoomAsync(meetingId, attendee, ct);
            await failures.SucceededAsync(meeting.Id, CancellationToken.None);
            var sentAt = clock.GetUtcNow().UtcDateTime;
            invitation.MeetingId = onBackup ? meeting.BackupMeetingCode : meeting.ConferenceId;
            invitation.JoinLink = onBackup ? meeting.BackupJoinLink : meeting.JoinLink;
            invitation.GatewayReference = reference;
            invitation.SentAt = sentAt;
            invitation.AdmittedAt = sentAt;
            invitation.LastError = null;
            await FinishAsync(invitation, InvitationStatus.Sent, null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the claim back so Hangfire's re-run after the restart can take it.
            await FinishAsync(invitation, InvitationStatus.Pending, null, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            var final = invitation.Attempts >= MaxAttempts;
            log.LogWarning(e, "Invitation {InvitationId} attempt {Attempt} failed", invitation.Id, invitation.Attempts);
            // A meeting call that failed counts towards suggesting the switch (a meeting still being created does not).
            if (sessionId is { } failedSession && e is not MeetingNotReadyException)
                await failures.FailedAsync(failedSession, CancellationToken.None);
            await FinishAsync(invitation, final ? InvitationStatus.Failed : InvitationStatus.Pending, e.Message, CancellationToken.None);
            if (!final)
                throw;
        }
    }

    private async Task FinishAsync(MeetingInvitation invitation, InvitationStatus status, string? error, CancellationToken ct)
    {
        invitation.Status = status;
        invitation.ClaimedAt = null;
        if (error is not null)
            invitation.LastError = error.Length > 1000 ? error[..1000] : error;
        invitation.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        // The console and the college view show the invitation's state live.
        await broadcaster.InterviewChangedAsync(invitation.InterviewId, ct);
    }
}
