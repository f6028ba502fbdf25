using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Infrastructure.Jobs;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Sends one pre-exam notice (its outbox row id); the <see cref="NoticeDispatcher"/> calls it for each due
/// row. It may run twice or on two nodes: the row is claimed (Pending → Sending, checked against its
/// version) in our own transaction before the gateway is called, so at most one run sends. A withdrawn,
/// moved or cancelled interview's notice is skipped; a failed send goes back to Pending with its due time
/// pushed out (back-off), and after <see cref="MaxAttempts"/> ends as Failed, visible to staff.
/// </summary>
public sealed class SendPreExamNoticeJob(PortalDbContext db, IWeLinkGateway gateway, JobsOptions options, TimeProvider clock, ILogger<SendPreExamNoticeJob> log)
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Kept so Hangfire jobs enqueued by an earlier version still find their method; they only send a due row.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(long notificationId, CancellationToken ct) => SendAsync(notificationId, ct);

    /// <summary>How long a failed notice waits before attempt <paramref name="attempts"/> + 1: base × 2^attempts.</summary>
    public TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Max(0, options.NoticeRetrySeconds) * Math.Pow(2, attempts));

    public async Task<NoticeOutcome> SendAsync(long notificationId, CancellationToken ct)
    {
        var notice = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == notificationId, ct);
        if (notice is null || notice.Status != NotificationStatus.Pending)
            return NoticeOutcome.NothingToDo;
        var now = clock.GetUtcNow().UtcDateTime;
        if (notice.DueAt > now.AddSeconds(2))
        {
            return NoticeOutcome.NotDue; // picked early (another node's clock): the dispatcher comes back at the due time
        }
        var resend = notice.IdempotencyKey.StartsWith(NoticeTemplates.ResendPrefix, StringComparison.Ordinal);
        var interview = notice.InterviewId is { } interviewId
            ? await db.Interviews.IgnoreQueryFilters().AsNoTracking().Include(i => i.Candidate).Include(i => i.ExamRoom).FirstOrDefaultAsync(i => i.Id == interviewId, ct)
            : null;
        if (interview is null)
            return NoticeOutcome.NothingToDo; // not yet linked (its booking is still committing): picked up once it is
        if (Obsolete(notice, interview, resend, now) is { } reason)
        {
            await FinishAsync(notice, NotificationStatus.Pending, reason.Status, reason.Text, ct);
            return NoticeOutcome.Skipped;
        }

        var claim = Guid.NewGuid();
        var claimed = await db.Notifications
            .Where(n => n.Id == notice.Id && n.Status == NotificationStatus.Pending && n.Version == notice.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimedAt, now)
                .SetProperty(n => n.ClaimedBy, Worker)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.Version, claim), ct);
        if (claimed == 0)
            return NoticeOutcome.NothingToDo; // another run holds it or already sent it

        // Late when it leaves more than a minute after its due time (decided at the claim, before the gateway's own delay).
        var late = now - notice.DueAt > LateAfter;
        // From the claim on, a shutdown must not cut the send in half: finish within a bounded time instead.
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var text = PreExamNoticeText.Compose(interview.Candidate.Name, interview.StartsAt, interview.ExamRoom.Name);
        try
        {
            await gateway.SendMessageAsync(new CandidateMessage(notice.Recipient, PreExamNoticeText.Title, text, "Notice"), bounded.Token);
        }
        catch (Exception e)
        {
            var attempts = notice.Attempts + 1;
            var final = attempts >= MaxAttempts;
            var nextDue = final ? notice.DueAt : clock.GetUtcNow().UtcDateTime + Backoff(attempts);
            log.LogWarning(e, "Notice {NotificationId} attempt {Attempt} failed", notice.Id, attempts);
            await db.Notifications.Where(n => n.Id == notice.Id && n.Version == claim).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, final ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(n => n.DueAt, nextDue)
                .SetProperty(n => n.Late, n => n.Late || late)
                .SetProperty(n => n.LastError, Truncate(e.Message))
                .SetProperty(n => n.Version, Guid.NewGuid()), bounded.Token);
            return final ? NoticeOutcome.Failed : NoticeOutcome.Retrying;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == notice.Id && n.Version == claim).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Sent)
            .SetProperty(n => n.SentAt, sentAt)
            .SetProperty(n => n.Late, n => n.Late || late)
            .SetProperty(n => n.Text, text)
            .SetProperty(n => n.LastError, (string?)null)
            .SetProperty(n => n.Version, Guid.NewGuid()), bounded.Token);
        await MarkNotifiedAsync(interview.Id, sentAt, bounded.Token);
        return NoticeOutcome.Sent;
    }

    private static (NotificationStatus Status, string Text)? Obsolete(Notification notice, Interview interview, bool resend, DateTime now)
    {
        if (interview.Status == InterviewStatus.Cancelled)
            return (NotificationStatus.Cancelled, "The interview was cancelled.");
        if (resend)
            return interview.Status is InterviewStatus.Completed or InterviewStatus.Ended or InterviewStatus.Absent
                ? (NotificationStatus.Cancelled, $"The interview is already {interview.Status}.")
                : null;
        if (NoticeTemplates.PreExamKey(interview) != notice.IdempotencyKey)
            return (NotificationStatus.Cancelled, "The interview was moved; its new notice replaces this one.");
        if (interview.Status != InterviewStatus.Scheduled)
            return (NotificationStatus.Cancelled, $"The interview is already {interview.Status}.");
        if (now >= interview.StartsAt)
            return (NotificationStatus.Failed, "Too late: the interview had already started when the notice could go out.");
        return null;
    }

    private Task<int> FinishAsync(Notification notice, NotificationStatus from, NotificationStatus to, string reason, CancellationToken ct) =>
        db.Notifications.Where(n => n.Id == notice.Id && n.Status == from && n.Version == notice.Version).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, to)
            .SetProperty(n => n.LastError, reason)
            .SetProperty(n => n.Version, Guid.NewGuid()), ct);

    // Only a Scheduled interview moves to Notified; a concurrent change of the interview wins and we re-read once.
    private async Task MarkNotifiedAsync(int interviewId, DateTime at, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var interview = await db.Interviews.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == interviewId, ct);
            if (interview is null || interview.Status != InterviewStatus.Scheduled)
                return;
            interview.MarkNotified(at);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // someone else changed the interview: look again
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}

public enum NoticeOutcome
{
    NothingToDo,
    NotDue,
    Skipped,
    Sent,
    Retrying,
    Failed,
}
