using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.CandidateAuth;

public sealed record CandidateTokenRequest(string? Phone, string? Code);

public sealed class CandidateTokenValidator : AbstractValidator<CandidateTokenRequest>
{
    public CandidateTokenValidator()
    {
        RuleFor(r => r.Phone).NotEmpty().WithMessage(_ => Texts.Get("CandidateAuth.EnterYourMobileNumber"))
            .Must(p => p is null || MobilePhone.IsValid(p)).WithMessage(_ => Texts.Get("CandidateAuth.EnterAn11DigitMainlandMobile"));
        RuleFor(r => r.Code).NotEmpty().WithMessage(_ => Texts.Get("CandidateAuth.EnterTheCode"))
            .Matches(@"^\d{6}$").WithMessage(_ => Texts.Get("CandidateAuth.TheCodeHasSixDigits"));
    }
}

public sealed record VerifiedCandidate(int Id, string ExamNumber, string? SessionStamp);

public enum SignInCheck
{
    Verified,
    Refused,
    Throttled,
}

/// <summary>
/// Checks a code against the phone's newest live codes (several may be live: a new code does not void the last one;
/// using one retires them all). Every way of failing (unknown number, wrong, expired, reused, retired code) is the
/// same Refused, so nothing is hinted. Limits, so that a stranger cannot keep the owner out: wrong guesses are
/// counted per (phone, address) and stop only that address; a code dies after a few wrong guesses (the owner asks
/// for a new one at once); and the phone's hourly ceiling of failed checks bounds guessing (ASVS 2.2.1).
/// </summary>
public sealed class VerifySignInCodeHandler(
    PortalDbContext db, SignInCodeHasher hasher, TimeProvider clock, IOptions<CandidateSignInOptions> options)
{
    public const string RefusedAction = "candidate.sign-in-refused";
    public const string AuditEntity = "CandidateSignIn";
    private readonly CandidateSignInOptions limits = options.Value;

    /// <param name="addressKey">The caller's <see cref="Infrastructure.Auth.ClientAddress"/> key (an IPv6 /64), when known.</param>
    public async Task<(SignInCheck Outcome, VerifiedCandidate? Candidate)> HandleAsync(string phone, string code, string? addressKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var phoneKey = hasher.PhoneKey(phone);
        var actor = addressKey is null ? null : $"address:{addressKey}";
        if (actor is not null && await db.AuditEntries.CountAsync(a => a.Entity == AuditEntity && a.EntityId == phoneKey
                && a.Action == RefusedAction && a.Actor == actor && a.At > hourAgo, ct) >= limits.MaxFailuresPerAddressPerHour)
            return (SignInCheck.Throttled, null);

        // A failure happens within its code's lifetime, so the codes created since an hour and a lifetime ago hold
        // every failure of the last hour.
        var countedSince = hourAgo.AddSeconds(-limits.CodeLifetimeSeconds);
        var failures = await db.SignInCodes.Where(c => c.Phone == phone && c.CreatedAt > countedSince).SumAsync(c => c.FailedAttempts, ct);
        if (failures >= limits.MaxFailuresPerHour)
            return (SignInCheck.Throttled, null);

        var newest = await db.SignInCodes.AsNoTracking().Where(c => c.Phone == phone && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id).Take(limits.LiveCodes)
            .Select(c => new { c.Id, c.CodeHash, c.FailedAttempts }).ToListAsync(ct);
        var live = newest.Where(c => c.FailedAttempts < limits.MaxAttemptsPerCode).ToList();
        if (newest.Count > 0 && live.Count == 0)
            return (SignInCheck.Throttled, null); // worn out by wrong guesses: the answer says to ask for a new code

        // Every live code is compared, so the time taken says nothing about which one (if any) matched.
        var matched = live.Aggregate((long?)null, (found, c) => hasher.Matches(phone, code, c.CodeHash) ? c.Id : found);
        if (matched is null)
        {
            var ids = live.Select(c => c.Id).ToList();
            // One failed check per live code: the ceiling counts (guess, code) pairs, what bounds the odds of a hit.
            if (ids.Count > 0)
                await db.SignInCodes.Where(c => ids.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            if (actor is not null)
            {
                db.AuditEntries.Add(new AuditEntry { At = now, Actor = actor, Action = RefusedAction, Entity = AuditEntity, EntityId = phoneKey,
                    Detail = $"phone ***{phone[^4..]}" });
                await db.SaveChangesAsync(ct);
            }
            return (SignInCheck.Refused, null);
        }

        // Claim the code in one conditional update: of two concurrent uses of the same code only one wins.
        var claimed = await db.SignInCodes.Where(c => c.Id == matched && c.UsedAt == null && c.FailedAttempts < limits.MaxAttemptsPerCode)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (claimed == 0)
            return (SignInCheck.Refused, null);
        // Using one retires the phone's other codes still alive.
        await db.SignInCodes.Where(c => c.Phone == phone && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, now), ct);

        var candidate = await db.Candidates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Phone == phone)
            .Select(c => new VerifiedCandidate(c.Id, c.ExamNumber, c.SessionStamp)).FirstOrDefaultAsync(ct);
        return candidate is null ? (SignInCheck.Refused, null) : (SignInCheck.Verified, candidate);
    }
}
