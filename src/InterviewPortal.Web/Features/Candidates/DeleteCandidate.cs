using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

/// <summary>Deletes a candidate of the caller's scope, only while no interview (of any status) names them.</summary>
public sealed class DeleteCandidateHandler(PortalDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(int id, CancellationToken ct)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
            return Outcome.NotFound();
        if (await db.Interviews.IgnoreQueryFilters().AnyAsync(i => i.CandidateId == id, ct))
            return Outcome.Conflict(Texts.Get("Candidates.TheCandidateHasAnInterviewAnd"));
        db.Candidates.Remove(candidate);
        db.Record("candidate.deleted", nameof(Candidate), id, $"exam number {candidate.ExamNumber}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Forget the refused removal, so the page's next save (the audit of the record it shows again) does not retry it.
            db.ChangeTracker.Clear();
            return Outcome.Conflict(Texts.Get("Candidates.OtherRecordsStillReferToThe"));
        }
        return Outcome.Success(id);
    }
}
