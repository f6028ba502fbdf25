using InterviewPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

/// <summary>
/// Until a candidate has confirmed the pledge version in force, their ID-photo upload and their
/// invitation are refused (409). With no pledge published yet there is nothing to confirm.
/// </summary>
public static class PledgeGate
{
    public static async Task RequireConfirmedAsync(PortalDbContext db, int candidateId, CancellationToken ct)
    {
        var current = await db.PledgeVersions.OrderByDescending(p => p.Version).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
        if (current is null)
            return;
        var confirmed = await db.PledgeConfirmations.AnyAsync(c => c.CandidateId == candidateId && c.Version == current, ct);
        if (!confirmed)
            throw new DomainRuleException($"The candidate has not confirmed the integrity pledge (version {current}) yet.");
    }
}
