using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Every minute: creates the notice rows that are missing for interviews already inside their notice
/// window (e.g. seeded ones; the <see cref="NoticeDispatcher"/> then sends them, marked late), and marks a
/// send left half-done by a crash (Sending for longer than <see cref="StaleClaim"/>) Failed for staff to
/// resend, never sent again blindly.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 50)]
[AutomaticRetry(Attempts = 0)]
public sealed class MissedNoticeSweep(PortalDbContext db, CandidateOutbox outbox, TimeProvider clock, ILogger<MissedNoticeSweep> log)
{
    /// <summary>A claim older than this has outlived the send's own bound (60 s) by far: its process died.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    /// <summary>The number of notice rows created plus the number of interrupted sends marked Failed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await CreateMissingAsync(now, ct);
        var staleBefore = now - StaleClaim;
        var failed = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Sending && n.ClaimedAt < staleBefore)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Failed)
                .SetProperty(n => n.LastError, "The send was interrupted and its outcome is unknown; resend it by hand if needed.")
                .SetProperty(n => n.Version, Guid.NewGuid()), ct);
        if (created.Count > 0 || failed > 0)
            log.LogInformation("Sweep created {Created} missing pre-exam notices and failed {Failed} interrupted sends", created.Count, failed);
        return created.Count + failed;
    }

    // Interviews already inside their notice window with no notice row for their current time (e.g. seeded ones).
    private async Task<List<long>> CreateMissingAsync(DateTime now, CancellationToken ct)
    {
        var lead = (await PortalSettings.CurrentAsync(db.Settings, ct)).NoticeLeadMinutes;
        var horizon = now.AddMinutes(lead);
        var due = await db.Interviews.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == InterviewStatus.Scheduled && i.StartsAt > now && i.StartsAt <= horizon)
            .Select(i => new { i.Id, i.CandidateId, i.StartsAt, i.ExamRoomId, i.Version, i.Candidate.Phone })
            .ToListAsync(ct);
        if (due.Count == 0)
            return [];
        var ids = due.Select(d => (int?)d.Id).ToList();
        var keys = (await db.Notifications.Where(n => ids.Contains(n.InterviewId)).Select(n => n.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        var created = new List<long>();
        foreach (var i in due)
        {
            var key = NoticeTemplates.PreExamKey(i.CandidateId, i.StartsAt, i.ExamRoomId, i.Version);
            if (keys.Contains(key))
                continue;
            var notice = outbox.Stage(PreExamNoticePlanner.Notice(i.Id, i.CandidateId, i.Phone, i.StartsAt, key, lead) with { Late = true });
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
