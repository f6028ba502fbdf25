using InterviewPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

/// <summary>A single candidate record with the full ID and phone numbers, for the staff who plan them.</summary>
public sealed record CandidateRecord(int Id, string ExamNumber, string Name, string IdNumber, string Phone,
    int CollegeId, int MajorId, string MajorCode, string MajorName, string CollegeName);

public sealed class GetCandidateHandler(PortalDbContext db)
{
    /// <summary>Null when the candidate does not exist or is outside the caller's scope (the query filter hides it).</summary>
    public Task<CandidateRecord?> HandleAsync(int id, CancellationToken ct) =>
        db.Candidates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CandidateRecord(c.Id, c.ExamNumber, c.Name, c.IdNumber, c.Phone, c.CollegeId, c.MajorId,
                c.Major.Code, c.Major.Name, c.College.Name))
            .FirstOrDefaultAsync(ct);
}
