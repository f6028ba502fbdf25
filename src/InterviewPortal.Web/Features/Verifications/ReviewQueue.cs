using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Verifications;

public sealed record VerificationQueueItem(int Id, int InterviewId, int CandidateId, string CandidateName, string ExamNumber,
    int RoomId, DateTime SubmittedAt, VerificationStatus Status);

/// <summary>One verification for its reviewer: the full ID number beside the photo, to compare the two.</summary>
public sealed record VerificationRecord(int Id, int InterviewId, int CandidateId, string CandidateName, string ExamNumber, string IdNumber,
    int RoomId, string RoomName, DateTime StartsAt, DateTimeOffset StartsAtLocal, InterviewStatus InterviewStatus,
    DateTime SubmittedAt, string SubmittedBy, VerificationStatus Status, string? ReviewerUserName, DateTime? DecidedAt, string? Reason,
    bool PhotoAvailable);

public sealed record StoredPhoto(byte[] Content, string ContentType);

/// <summary>The review queue, one record and its photo; all in the caller's scope (an assistant's rooms, a secretary's college).</summary>
public sealed class ReviewQueueHandler(PortalDbContext db, ProtectedFileStore store)
{
    public Task<Paged<VerificationQueueItem>> ListAsync(VerificationStatus status, int? roomId, PageRequest page, CancellationToken ct)
    {
        var query = db.IdVerifications.AsNoTracking().Where(v => v.Status == status);
        if (roomId is { } room)
            query = query.Where(v => v.Interview.ExamRoomId == room);
        return page.ApplyAsync(query.OrderBy(v => v.SubmittedAt).ThenBy(v => v.Id), rows => rows.Select(v => new VerificationQueueItem(
            v.Id, v.InterviewId, v.CandidateId, v.Interview.Candidate.Name, v.Interview.Candidate.ExamNumber, v.Interview.ExamRoomId,
            v.SubmittedAt, v.Status)), ct);
    }

    public async Task<VerificationRecord?> GetAsync(int id, CancellationToken ct)
    {
        var v = await db.IdVerifications.AsNoTracking().Where(v => v.Id == id).Select(v => new
        {
            v.Id, v.InterviewId, v.CandidateId, v.Interview.Candidate.Name, v.Interview.Candidate.ExamNumber, v.Interview.Candidate.IdNumber,
            v.Interview.ExamRoomId, Room = v.Interview.ExamRoom.Name, v.Interview.StartsAt, InterviewStatus = v.Interview.Status,
            v.SubmittedAt, v.SubmittedBy, v.Status, v.ReviewerUserName, v.DecidedAt, v.Reason, HasPhoto = v.PhotoKey != null,
        }).FirstOrDefaultAsync(ct);
        if (v is null)
            return null;
        // The full ID number is shown beside the photo: a full read of the candidate, audited like the candidate pages.
        db.RecordFullRead(v.CandidateId, FullRecordReads.IdReview);
        await db.SaveChangesAsync(ct);
        return new VerificationRecord(v.Id, v.InterviewId, v.CandidateId, v.Name, v.ExamNumber, v.IdNumber,
            v.ExamRoomId, v.Room, DateTime.SpecifyKind(v.StartsAt, DateTimeKind.Utc), BeijingTime.ToLocal(v.StartsAt), v.InterviewStatus,
            DateTime.SpecifyKind(v.SubmittedAt, DateTimeKind.Utc), v.SubmittedBy, v.Status, v.ReviewerUserName, v.DecidedAt, v.Reason, v.HasPhoto);
    }

    /// <summary>
    /// The decrypted photo, after an audit entry for this view is saved (no view goes unrecorded).
    /// Null when the verification is outside the scope; a photo already deleted by retention is <c>Deleted</c>.
    /// </summary>
    public async Task<(StoredPhoto? Photo, bool Found)> ViewPhotoAsync(int id, CancellationToken ct)
    {
        var v = await db.IdVerifications.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new { v.InterviewId, v.PhotoKey, v.PhotoContentType }).FirstOrDefaultAsync(ct);
        if (v is null)
            return (null, false);
        var content = v.PhotoKey is null ? null : await store.ReadAsync(v.PhotoKey, ct);
        if (content is null)
            return (null, true);
        db.Record("id-photo.viewed", "IdVerification", id, $"interview {v.InterviewId}");
        await db.SaveChangesAsync(ct);
        return (new StoredPhoto(content, v.PhotoContentType), true);
    }
}
