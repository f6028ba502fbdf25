using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

/// <summary>A single candidate record with the full ID and phone numbers, for the staff who plan them.</summary>
public sealed record CandidateRecord(int Id, string ExamNumber, string Name, string IdNumber, string Phone,
    int CollegeId, int MajorId, string MajorCode, string MajorName, string CollegeName);

/// <summary>Where a full record was shown: the detail of its "candidate.viewed" audit entry.</summary>
public static class FullRecordReads
{
    public const string Action = "candidate.viewed";
    public const string Api = "GET /api/v1/candidates/{id}";
    public const string ApiCreated = "POST /api/v1/candidates (answer)";
    public const string ApiUpdated = "PUT /api/v1/candidates/{id} (answer)";
    public const string DetailsPage = "details page";
    public const string EditPage = "edit page";
    public const string PhoneSearch = "search by full mobile number";
    public const string IdReview = "ID verification review";

    /// <summary>
    /// The one audit entry for every sight of a candidate's full ID or mobile number, added to the caller's unit of
    /// work (the caller saves it): who (the scope's actor), which candidate, and where it was shown.
    /// </summary>
    public static void RecordFullRead(this PortalDbContext db, int candidateId, string shownOn) =>
        db.Record(Action, nameof(Candidate), candidateId, shownOn);
}

public sealed class GetCandidateHandler(PortalDbContext db)
{
    /// <summary>
    /// The full record, with its audit entry saved before it is returned (no full read goes unrecorded).
    /// Null when the candidate does not exist or is outside the caller's scope (the query filter hides it).
    /// </summary>
    public async Task<CandidateRecord?> ReadAsync(int id, string shownOn, CancellationToken ct)
    {
        var record = await db.Candidates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CandidateRecord(c.Id, c.ExamNumber, c.Name, c.IdNumber, c.Phone, c.CollegeId, c.MajorId,
                c.Major.Code, c.Major.Name, c.College.Name))
            .FirstOrDefaultAsync(ct);
        if (record is null)
            return null;
        db.RecordFullRead(id, shownOn);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
