using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Pledges;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

/// <summary>The pledge in force as the candidate reads it: the text in the request's language, and both texts.</summary>
public sealed record MyPledge(int Version, string Text, string TextZh, string TextEn, DateTime? ConfirmedAt);

public sealed record ConfirmPledgeRequest(int? Version);

public sealed class ConfirmPledgeValidator : AbstractValidator<ConfirmPledgeRequest>
{
    public ConfirmPledgeValidator() =>
        RuleFor(r => r.Version).NotNull().WithMessage(_ => Texts.Get("Pledges.SayWhichPledgeVersionYouConfirm")).GreaterThan(0);
}

/// <summary>Shows a candidate the pledge in force and records their confirmation (who, which version, when, from where).</summary>
public sealed class CandidatePledgeHandler(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Null when no pledge has been published yet.</summary>
    public async Task<MyPledge?> GetAsync(int candidateId, CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        if (current is null)
            return null;
        var confirmedAt = await db.PledgeConfirmations.AsNoTracking()
            .Where(c => c.CandidateId == candidateId && c.Version == current.Version)
            .Select(c => (DateTime?)c.ConfirmedAt).FirstOrDefaultAsync(ct);
        return ToPledge(current, confirmedAt);
    }

    /// <summary>The pledge as confirmed (a second confirmation of the same version answers the first); a conflict when none is published or another version is in force.</summary>
    public async Task<Outcome<MyPledge>> ConfirmAsync(int candidateId, int version, string? ipAddress, CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        if (current is null)
            return Outcome.Conflict(Texts.Get("Pledges.NoIntegrityPledgeHasBeenPublished"));
        // A candidate who read an older text has not agreed to the rules in force.
        if (version != current.Version)
            return Outcome.Conflict(Texts.Get("Pledges.VersionIsNotThePledgeIn", version, current.Version));

        var existing = await GetAsync(candidateId, ct);
        if (existing?.ConfirmedAt is not null)
            return Outcome.Success(existing);

        var confirmation = new PledgeConfirmation
        {
            CandidateId = candidateId,
            Version = version,
            ConfirmedAt = clock.GetUtcNow().UtcDateTime,
            IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
        };
        db.PledgeConfirmations.Add(confirmation);
        db.Record("pledge.confirmed", "Candidate", candidateId, $"version {version} from {ipAddress ?? "unknown address"}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click raced this request to the unique (candidate, version) index: the first one counts.
            db.ChangeTracker.Clear();
            return Outcome.Success((await GetAsync(candidateId, ct))!);
        }
        return Outcome.Success(ToPledge(current, confirmation.ConfirmedAt));
    }

    private Task<PledgeVersion?> CurrentAsync(CancellationToken ct) =>
        db.PledgeVersions.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    private static MyPledge ToPledge(PledgeVersion version, DateTime? confirmedAt) =>
        new(version.Version, Lang.Pick(version.TextZh, version.TextEn), version.TextZh, version.TextEn,
            confirmedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
}
