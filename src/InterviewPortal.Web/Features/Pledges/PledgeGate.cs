using InterviewPortal.Data;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

/// <summary>
/// Until a candidate has confirmed the pledge version in force, their ID-photo upload and their
/// invitation are refused (a conflict). With no pledge published yet there is nothing to confirm.
/// </summary>
public static class PledgeGate
{
    /// <summary>The refusal when the candidate has not confirmed the pledge in force; null when they may go on.</summary>
    public static async Task<Refusal?> RefusalAsync(PortalDbContext db, int candidateId, CancellationToken ct)
    {
        var current = await db.PledgeVersions.OrderByDescending(p => p.Version).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
        if (current is null)
            return null;
        var confirmed = await db.PledgeConfirmations.AnyAsync(c => c.CandidateId == candidateId && c.Version == current, ct);
        return confirmed ? null : Outcome.Conflict(Texts.Get("Pledges.TheCandidateHasNotConfirmedThe", current));
    }
}
