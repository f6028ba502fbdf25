using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Every minute: finds pre-exam notices that are due but whose job was lost (storage down when it
/// was scheduled, a crash, interviews seeded without a notice) and sends them, marked late, while
/// the interview has not started. A send left half-done by a crash is marked Failed for staff to
/// resend, never sent again blindly.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 50)]
[AutomaticRetry(Attempts = 0)]
public sealed class MissedNoticeSweep(PortalDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MissedNoticeSweep> log)
{
    /// <summary>How long a due notice's own job gets before the sweep steps in.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await CreateMissingAsync(now, ct);
        var staleBefore = now - StaleClaim;
        await db.Notifications
            .Where(n => n.Status == NotificationStatus.Sending && n.ClaimedAt < staleBefore)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Failed)
                .SetProperty(n => n.LastError, "The send was interrupted and its outcome is unknown; resend it by hand if needed.")
                .SetProperty(n => n.Version, Guid.NewGuid()), ct);

        var dueBefore = now - Grace;
        var lost = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.Template == NoticeTemplates.PreExam
                && (n.DueAt <= dueBefore || created.Contains(n.Id))
                && (n.Attempts == 0 || n.ClaimedAt < staleBefore))
            .OrderBy(n => n.DueAt).Select(n => n.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var id in lost)
        {
            // A scope per notice: each send has its own unit of work, like a job run.
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<SendPreExamNoticeJob>();
            try
            {
                if (await job.SendAsync(id, bySweep: true, ct) == NoticeOutcome.Sent)
                    sent++;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Sweep could not send notice {NotificationId}", id);
            }
        }
        if (sent > 0)
            log.LogInformation("Sweep sent {Count} late pre-exam notices", sent);
        return sent;
    }

    // Interviews already inside their notice window with no notice row for their current time (e.g. seeded ones).
    private async Task<List<long>> CreateMissingAsync(DateTime now, CancellationToken ct)
    {
        var lead = await db.Settings.Select(s => (int?)s.NoticeLeadMinutes).FirstOrDefaultAsync(ct) ?? new PortalSettings().NoticeLeadMinutes;
        var horizon = now.AddMinutes(lead);
        var due = await db.Interviews.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == InterviewStatus.Scheduled && i.StartsAt > now && i.StartsAt <= horizon)
            .Select(i => new { i.Id, i.CandidateId, i.StartsAt, i.ExamRoomId, i.Candidate.Phone })
            .ToListAsync(ct);
        if (due.Count == 0)
            return [];
        var ids = due.Select(d => (int?)d.Id).ToList();
        var keys = (await db.Notifications.Where(n => ids.Contains(n.InterviewId)).Select(n => n.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        var created = new List<long>();
        foreach (var i in due)
        {
            var key = NoticeTemplates.PreExamKey(i.CandidateId, i.StartsAt, i.ExamRoomId);
            if (keys.Contains(key))
                continue;
            var notice = new Notification
            {
                Recipient = i.Phone,
                Template = NoticeTemplates.PreExam,
                InterviewId = i.Id,
                CandidateId = i.CandidateId,
                DueAt = i.StartsAt.AddMinutes(-lead),
                IdempotencyKey = key,
                Late = true,
            };
            db.Notifications.Add(notice);
            try
            {
                await db.SaveChangesAsync(ct);
                created.Add(notice.Id);
            }
            catch (DbUpdateException)
            {
                // Another node's sweep (or a booking) created it first: the unique key decided.
                db.ChangeTracker.Clear();
            }
        }
        return created;
    }
}
