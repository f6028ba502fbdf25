using FluentValidation;
using InterviewPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.CandidateAuth;

public sealed record CandidateTokenRequest(string? Phone, string? Code);

public sealed class CandidateTokenValidator : AbstractValidator<CandidateTokenRequest>
{
    public CandidateTokenValidator()
    {
        RuleFor(r => r.Phone).NotEmpty().WithMessage("请输入手机号 / Enter your mobile number.")
            .Matches(MobilePhone.Pattern).WithMessage("请输入 11 位中国大陆手机号 / Enter an 11-digit mainland mobile number.");
        RuleFor(r => r.Code).NotEmpty().WithMessage("请输入验证码 / Enter the code.")
            .Matches(@"^\d{6}$").WithMessage("验证码为 6 位数字 / The code has six digits.");
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
/// Checks a phone's latest code: it must be unexpired, unused and not worn out by wrong guesses. Every way of
/// failing (unknown number, wrong, expired, reused, superseded code) is the same Refused, so nothing is hinted.
/// </summary>
public sealed class VerifySignInCodeHandler(
    PortalDbContext db, SignInCodeHasher hasher, TimeProvider clock, IOptions<CandidateSignInOptions> options)
{
    private readonly CandidateSignInOptions limits = options.Value;

    public async Task<(SignInCheck Outcome, VerifiedCandidate? Candidate)> HandleAsync(string phone, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var failures = await db.SignInCodes.Where(c => c.Phone == phone && c.CreatedAt > hourAgo).SumAsync(c => c.FailedAttempts, ct);
        if (failures >= limits.MaxFailuresPerHour)
            return (SignInCheck.Throttled, null);

        var latest = await db.SignInCodes.AsNoTracking().Where(c => c.Phone == phone).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.CodeHash, c.ExpiresAt, c.UsedAt, c.FailedAttempts })
            .FirstOrDefaultAsync(ct);
        if (latest is null || latest.UsedAt is not null || latest.ExpiresAt <= now)
            return (SignInCheck.Refused, null);
        if (latest.FailedAttempts >= limits.MaxAttemptsPerCode)
            return (SignInCheck.Throttled, null);

        if (!hasher.Matches(phone, code, latest.CodeHash))
        {
            await db.SignInCodes.Where(c => c.Id == latest.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            return (SignInCheck.Refused, null);
        }

        // Claim the code in one conditional update: of two concurrent uses of the same code only one wins.
        var claimed = await db.SignInCodes.Where(c => c.Id == latest.Id && c.UsedAt == null && c.FailedAttempts < limits.MaxAttemptsPerCode)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (claimed == 0)
            return (SignInCheck.Refused, null);

        var candidate = await db.Candidates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Phone == phone)
            .Select(c => new VerifiedCandidate(c.Id, c.ExamNumber, c.SessionStamp)).FirstOrDefaultAsync(ct);
        return candidate is null ? (SignInCheck.Refused, null) : (SignInCheck.Verified, candidate);
    }
}
