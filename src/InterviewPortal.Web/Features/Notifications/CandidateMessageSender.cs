using System.Collections.Concurrent;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Infrastructure.Jobs;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Sends every candidate message staged in the Notifications outbox through <see cref="CandidateOutbox"/> (pre-exam
/// notices, ID and phone-change decisions, sign-in codes, pledge reminders), by row id; the <see cref="NoticeDispatcher"/>
/// hands it each poll's due rows as one batch. It may run twice or on two nodes: the rows are claimed (Pending → Sending) by one
/// conditional UPDATE in our own database before the gateway is called, so a row goes out from at most one
/// run. A withdrawn, moved or cancelled interview's notice is skipped; a failed send goes back to Pending
/// with its due time pushed out (back-off), and after <see cref="MaxAttempts"/> ends as Failed, visible to staff.
/// Outcomes are written with one SaveChanges and the interviews move to Notified in one conditional UPDATE.
/// </summary>
public sealed class CandidateMessageSender(PortalDbContext db, IWeLinkGateway gateway, JobsOptions options, TimeProvider clock,
    SignInCodeMessage signInCodes, ILogger<CandidateMessageSender> log)
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    // A row due this soon counts as due: another node's clock may run slightly ahead of ours (and CandidateOutbox.OwnSendHold is below it).
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);

    // From the claim on, a shutdown must not cut a batch in half: it finishes within this bound instead
    // (well inside MissedNoticeSweep.StaleClaim, after which a claim counts as abandoned).
    private static readonly TimeSpan SendBound = TimeSpan.FromSeconds(60);
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a failed notice waits before attempt <paramref name="attempts"/> + 1: base × 2^attempts.</summary>
    public TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Max(0, options.NoticeRetrySeconds) * Math.Pow(2, attempts));

    /// <summary>One notice, through the same path as a dispatcher batch; says why nothing was sent.</summary>
    public async Task<NoticeOutcome> SendAsync(long notificationId, CancellationToken ct)
    {
        var row = await db.Notifications.AsNoTracking().Where(n => n.Id == notificationId)
            .Select(n => new { n.Status, n.DueAt, n.InterviewId, n.Template }).FirstOrDefaultAsync(ct);
        if (row is null || row.Status != NotificationStatus.Pending || (row.InterviewId is null && row.Template == NoticeTemplates.PreExam))
            return NoticeOutcome.NothingToDo; // gone, taken, or not yet linked (its booking is still committing)
        if (row.DueAt > clock.GetUtcNow().UtcDateTime + EarlyTolerance)
            return NoticeOutcome.NotDue; // the dispatcher comes back at the due time
        var outcomes = await SendBatchAsync([notificationId], ct);
        return outcomes.GetValueOrDefault(notificationId, NoticeOutcome.NothingToDo); // another run claimed it first
    }

    /// <summary>
    /// Claims those of <paramref name="ids"/> that are due and Pending, sends them (Jobs:NoticeParallelism at a
    /// time) and records every outcome. <paramref name="stopping"/> only stops new sends from starting: the
    /// claimed rows never handed to the gateway go back to Pending for the next poll or node.
    /// </summary>
    public async Task<Dictionary<long, NoticeOutcome>> SendBatchAsync(IReadOnlyCollection<long> ids, CancellationToken stopping)
    {
        var outcomes = new Dictionary<long, NoticeOutcome>();
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBy = now + EarlyTolerance;
        var claim = Guid.NewGuid();
        stopping.ThrowIfCancellationRequested();
        // The status test sits in the UPDATE's own WHERE, so it is re-checked on the row itself: of two nodes
        // racing for a row, the second finds it Sending (PostgreSQL re-evaluates it after the first commits).
        var claimed = await db.Notifications
            .Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Pending && n.DueAt <= dueBy
                && (n.InterviewId != null || n.Template != NoticeTemplates.PreExam))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimedAt, now)
                .SetProperty(n => n.ClaimedBy, Worker)
                .SetProperty(n => n.Version, claim), CancellationToken.None); // once sent to the database, know whether it claimed
        if (claimed == 0)
            return outcomes;

        using var bounded = new CancellationTokenSource(SendBound);
        var ct = bounded.Token;
        List<Notification> notices;
        Dictionary<int, Interview> interviews;
        try
        {
            notices = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Version == claim).ToListAsync(ct);
            var interviewIds = notices.Where(n => n.Template == NoticeTemplates.PreExam).Select(n => n.InterviewId!.Value).Distinct().ToList();
            interviews = await db.Interviews.IgnoreQueryFilters().AsNoTracking().Include(i => i.Candidate).Include(i => i.ExamRoom)
                .Where(i => interviewIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await ReleaseAsync(ids, claim, CancellationToken.None); // nothing was sent yet: give the rows back
            throw;
        }

        var sends = new List<(Notification Notice, Interview? Interview, CandidateMessage Message)>();
        foreach (var notice in notices)
        {
            if (notice.Template == NoticeTemplates.SignInCode)
            {
                // Sealed at staging (ASVS 2.7.5); a seal past the code's lifetime no longer opens and is given up.
                if (signInCodes.Open(notice) is { } opened)
                    sends.Add((notice, null, opened));
                else
                {
                    Finish(notice, NotificationStatus.Failed, "The code expired before it could be sent.");
                    notice.Text = null;
                    outcomes[notice.Id] = NoticeOutcome.Skipped;
                }
                continue;
            }
            if (notice.Template != NoticeTemplates.PreExam)
            {
                // Composed when it was staged (a decision message): it goes out as written, whatever the interview did since.
                sends.Add((notice, null, new CandidateMessage(notice.Recipient, notice.Title ?? "", notice.Text ?? "", NoticeTemplates.GatewayKind(notice.Template))));
                continue;
            }
            var interview = interviews.GetValueOrDefault(notice.InterviewId!.Value);
            var resend = notice.IdempotencyKey.StartsWith(NoticeTemplates.ResendPrefix, StringComparison.Ordinal);
            var reason = interview is null ? (NotificationStatus.Cancelled, "The interview no longer exists.") : Obsolete(notice, interview, resend, now);
            if (reason is { } r)
            {
                Finish(notice, r.Status, r.Text);
                outcomes[notice.Id] = NoticeOutcome.Skipped;
                continue;
            }
            var text = PreExamNoticeText.Compose(interview!.Candidate.Name, interview.StartsAt, interview.ExamRoom.Name);
            sends.Add((notice, interview, new CandidateMessage(notice.Recipient, PreExamNoticeText.Title, text, "Notice")));
        }

        var results = new ConcurrentDictionary<long, (DateTime At, Exception? Error)>();
        try
        {
            await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.NoticeParallelism), CancellationToken = stopping },
                async (send, _) =>
                {
                    // The bounded token, not the stopping one: a send that has started is finished.
                    Exception? error = null;
                    try
                    {
                        await gateway.SendMessageAsync(send.Message, ct);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                    results[send.Notice.Id] = (clock.GetUtcNow().UtcDateTime, error);
                });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the sends already started have finished; the others are released below.
        }

        var notified = new List<int>();
        foreach (var (notice, interview, message) in sends)
        {
            if (!results.TryGetValue(notice.Id, out var result))
                continue;
            // Late when it leaves more than a minute after its due time (decided at the claim, before the gateway's own delay).
            notice.Late |= now - notice.DueAt > LateAfter;
            notice.Attempts++;
            notice.Version = Guid.NewGuid();
            if (result.Error is null)
            {
                notice.Status = NotificationStatus.Sent;
                notice.SentAt = result.At;
                notice.Text = message.Kind == SignInCodeMessage.Kind ? SignInCodeMessage.Redacted(message.Text) : message.Text;
                notice.LastError = null;
                outcomes[notice.Id] = NoticeOutcome.Sent;
                if (interview is not null)
                    notified.Add(interview.Id); // a pre-exam notice moves its interview on
                continue;
            }
            var final = notice.Attempts >= MaxAttempts;
            log.LogWarning(result.Error, "Notice {NotificationId} attempt {Attempt} failed", notice.Id, notice.Attempts);
            notice.Status = final ? NotificationStatus.Failed : NotificationStatus.Pending;
            notice.DueAt = final ? notice.DueAt : result.At + Backoff(notice.Attempts);
            notice.LastError = Truncate(result.Error.Message);
            outcomes[notice.Id] = final ? NoticeOutcome.Failed : NoticeOutcome.Retrying;
        }
        await SaveOutcomesAsync(ct);

        var unsent = sends.Where(s => !results.ContainsKey(s.Notice.Id)).Select(s => s.Notice.Id).ToList();
        if (unsent.Count > 0)
            await ReleaseAsync(unsent, claim, ct); // never handed to the gateway: safe to give back, so a restart loses none
        await MarkNotifiedAsync(notified, ct);
        return outcomes;
    }

    private Task<int> ReleaseAsync(IReadOnlyCollection<long> ids, Guid claim, CancellationToken ct) =>
        db.Notifications.Where(n => ids.Contains(n.Id) && n.Version == claim).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, NotificationStatus.Pending)
            .SetProperty(n => n.ClaimedAt, (DateTime?)null)
            .SetProperty(n => n.ClaimedBy, (string?)null)
            .SetProperty(n => n.Version, Guid.NewGuid()), ct);

    private static (NotificationStatus Status, string Text)? Obsolete(Notification notice, Interview interview, bool resend, DateTime now)
    {
        if (interview.Status == InterviewStatus.Cancelled)
            return (NotificationStatus.Cancelled, "The interview was cancelled.");
        if (resend)
            return interview.IsOver
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

    private static void Finish(Notification notice, NotificationStatus to, string reason)
    {
        notice.Status = to;
        notice.LastError = reason;
        notice.Version = Guid.NewGuid();
    }

    // One round trip for the whole batch; each row is still checked against this run's claim (Version). A row
    // whose claim was taken from us (judged abandoned by the sweep) is left as the sweep set it; the rest are saved.
    private async Task SaveOutcomesAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (e.Entries.Count > 0)
            {
                foreach (var entry in e.Entries)
                    entry.State = EntityState.Detached;
            }
        }
    }

    // Only a Scheduled interview moves to Notified (InterviewNotices): a concurrent reschedule or cancel wins.
    private async Task MarkNotifiedAsync(List<int> interviewIds, CancellationToken ct)
    {
        if (interviewIds.Count == 0)
            return;
        var at = clock.GetUtcNow().UtcDateTime;
        await db.Interviews.IgnoreQueryFilters().Where(i => interviewIds.Contains(i.Id)).MarkNotifiedAsync(at, ct);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
