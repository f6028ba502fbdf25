using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Verifications;

public sealed record IdPhotoAccepted(int VerificationId, int InterviewId, InterviewStatus Status, VerificationStatus VerificationStatus, DateTime SubmittedAt);

/// <summary>
/// Stores a candidate's ID photo for one interview: by the candidate for their own interview or by the
/// assistant of its room (the query filters decide which interviews the caller can find). Only a clean
/// re-encoded JPEG is kept, encrypted; a pending earlier photo is superseded, as one candidate may
/// replace a blurred shot before it is reviewed, and its file deleted once the new one is committed
/// (nobody reviews a superseded photo). At most Uploads:IdPhotosPerInterview photos per interview.
/// </summary>
public sealed class UploadIdPhotoHandler(PortalDbContext db, PhotoSanitizer sanitizer, ProtectedFileStore store, TimeProvider clock,
    ExamDayBroadcaster live, IOptions<UploadLimits> limits, ILogger<UploadIdPhotoHandler> log)
{
    public async Task<Outcome<IdPhotoAccepted>> HandleAsync(int interviewId, byte[] upload, CancellationToken ct)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", interviewId));
        if (await PledgeGate.RefusalAsync(db, interview.CandidateId, ct) is { } unconfirmed)
            return unconfirmed;
        if (!interview.AcceptsIdPhoto)
            return Outcome.Conflict(Texts.Get("Verifications.InterviewIsAnIDPhotoIs", interviewId, interview.Status));

        var perInterview = limits.Value.IdPhotosPerInterview;
        if (await db.IdVerifications.CountAsync(v => v.InterviewId == interviewId, ct) >= perInterview)
            return Outcome.TooMany(Texts.Get("Verifications.InterviewAlreadyHasIDPhotosThe", perInterview, interviewId));

        var photo = await sanitizer.SanitizeAsync(upload, ct);
        if (photo.Jpeg is null)
            return photo.RefusalFor("photo");

        var now = clock.GetUtcNow().UtcDateTime;
        var key = await store.SaveAsync(photo.Jpeg, ct);
        IdVerification verification;
        List<IdVerification> pending;
        try
        {
            // One transaction: the audit entry names the new row's id, and a failure leaves neither behind.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            pending = await db.IdVerifications.Where(v => v.InterviewId == interviewId && v.Status == VerificationStatus.Pending).ToListAsync(ct);
            foreach (var earlier in pending)
                earlier.Status = VerificationStatus.Superseded;
            verification = new IdVerification
            {
                InterviewId = interviewId, CandidateId = interview.CandidateId, PhotoKey = key, PhotoContentType = "image/jpeg",
                SubmittedAt = now, SubmittedBy = db.Scope.Actor,
            };
            db.IdVerifications.Add(verification);
            interview.SubmitIdPhoto();
            await db.SaveChangesAsync(ct);
            db.Record("id-photo.submitted", "IdVerification", verification.Id,
                $"interview {interviewId}; {photo.Width}x{photo.Height} JPEG; supersedes {pending.Count}", now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            store.Delete(key); // nothing stored unless the row that points at it is
            throw;
        }
        await DeleteSupersededAsync(pending, now, ct);
        await live.InterviewChangedAsync(interviewId, ct);
        return Outcome.Success(new IdPhotoAccepted(verification.Id, interviewId, interview.Status, verification.Status, now));
    }

    /// <summary>
    /// After the commit, so a failed upload never loses the photo it would have replaced. A file that cannot be
    /// deleted keeps its key, and <see cref="PhotoRetentionJob"/> deletes superseded photos on its next run.
    /// </summary>
    private async Task DeleteSupersededAsync(List<IdVerification> superseded, DateTime now, CancellationToken ct)
    {
        try
        {
            foreach (var earlier in superseded.Where(v => v.PhotoKey is not null))
            {
                store.Delete(earlier.PhotoKey!);
                (earlier.PhotoKey, earlier.PhotoDeletedAt) = (null, now);
                db.Record("id-photo.deleted", "IdVerification", earlier.Id, $"interview {earlier.InterviewId}; superseded by a new photo", now);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            log.LogWarning(e, "Superseded ID photos of interview {InterviewId} not deleted yet; the retention job will retry", superseded[0].InterviewId);
        }
    }
}
