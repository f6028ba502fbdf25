using InterviewPortal.Data;
using InterviewPortal.Data.Settings;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Inbox;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Verifications;

/// <summary>
/// Deletes ID photos <see cref="PortalSettings.PhotoRetentionDays"/> days after their interview ended
/// (FinishedAt, or the planned end when it never finished), one audit entry per photo. Meant to run daily
/// as a recurring job; safe to run twice or concurrently (a photo already gone is only marked deleted).
/// It looks across every scope on purpose: retention applies to the whole university. It also finishes deletions
/// that failed when they were due at once: superseded photos, and the scans of decided phone-change requests.
/// </summary>
public sealed class PhotoRetentionJob(PortalDbContext db, ProtectedFileStore store, PhoneChangeDocuments scans, TimeProvider clock,
    ILogger<PhotoRetentionJob> log)
{
    private const int Batch = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = (await PortalSettings.CurrentAsync(db.Settings, ct)).PhotoRetentionDays;
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now.AddDays(-days);
        var deleted = 0;
        while (true)
        {
            var due = await db.IdVerifications.IgnoreQueryFilters()
                .Where(v => v.PhotoKey != null
                    && ((v.Interview.FinishedAt ?? v.Interview.EndsAt) <= endedBefore || v.Status == VerificationStatus.Superseded))
                .OrderBy(v => v.Id).Take(Batch).ToListAsync(ct);
            if (due.Count == 0)
                break;
            foreach (var v in due)
            {
                store.Delete(v.PhotoKey!);
                v.PhotoKey = null;
                v.PhotoDeletedAt = now;
                db.Record("id-photo.deleted", "IdVerification", v.Id,
                    $"interview {v.InterviewId}; " + (v.Status == VerificationStatus.Superseded ? "superseded" : $"retention {days} days"), now);
            }
            await db.SaveChangesAsync(ct);
            deleted += due.Count;
        }
        if (deleted > 0)
            log.LogInformation("Deleted {Count} ID photos past the {Days}-day retention or superseded", deleted, days);
        await scans.DiscardLeftoversAsync(ct);
        return deleted;
    }
}
