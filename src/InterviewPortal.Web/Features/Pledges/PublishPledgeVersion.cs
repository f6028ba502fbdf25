using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Pledges;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

public sealed record PublishPledgeRequest(string? TextZh, string? TextEn);

public sealed class PublishPledgeValidator : AbstractValidator<PublishPledgeRequest>
{
    public const int MaxLength = 20000;

    public PublishPledgeValidator()
    {
        RuleFor(r => r.TextZh).NotEmpty().WithMessage(_ => Texts.Get("Pledges.TheChineseTextOfThePledge"))
            .MaximumLength(MaxLength);
        RuleFor(r => r.TextEn).NotEmpty().WithMessage(_ => Texts.Get("Pledges.TheEnglishTextOfThePledge"))
            .MaximumLength(MaxLength);
    }
}

public sealed record PledgeVersionItem(int Version, string TextZh, string TextEn, DateTime CreatedAt, string CreatedBy);

/// <summary>Every edit of the rules and pledge is a new version; candidates must confirm the newest one again.</summary>
public sealed class PublishPledgeHandler(PortalDbContext db, TimeProvider clock)
{
    public async Task<PledgeVersionItem> HandleAsync(PublishPledgeRequest request, CancellationToken ct)
    {
        var next = (await db.PledgeVersions.MaxAsync(p => (int?)p.Version, ct) ?? 0) + 1;
        var version = new PledgeVersion
        {
            Version = next,
            TextZh = request.TextZh!.Trim(),
            TextEn = request.TextEn!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.Actor,
        };
        db.PledgeVersions.Add(version);
        db.Record("pledge.published", nameof(PledgeVersion), next);
        // Two admins publishing at once collide on the unique version index; the loser gets a 409 (concurrency).
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw new DbUpdateConcurrencyException("Another pledge version was published at the same time.", e);
        }
        return ToItem(version);
    }

    public Task<List<PledgeVersionItem>> ListAsync(CancellationToken ct) =>
        db.PledgeVersions.AsNoTracking().OrderByDescending(p => p.Version)
            .Select(p => ToItem(p))
            .ToListAsync(ct);

    public static PledgeVersionItem ToItem(PledgeVersion p) =>
        new(p.Version, p.TextZh, p.TextEn, DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc), p.CreatedBy);
}
