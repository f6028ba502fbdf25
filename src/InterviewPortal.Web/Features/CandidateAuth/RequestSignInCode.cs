using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.CandidateAuth;

public sealed record SignInCodeRequest(string? Phone);

public sealed class SignInCodeValidator : AbstractValidator<SignInCodeRequest>
{
    public SignInCodeValidator() =>
        RuleFor(r => r.Phone).NotEmpty().WithMessage(_ => Texts.Get("CandidateAuth.EnterYourMobileNumber"))
            .Must(p => p is null || MobilePhone.IsValid(p)).WithMessage(_ => Texts.Get("CandidateAuth.EnterAn11DigitMainlandMobile"));
}

public enum CodeRequestOutcome
{
    Accepted,
    Throttled,
}

/// <summary>
/// Issues a code for any well-formed number and answers the same for all of them: the same queries and one insert
/// whether or not the number is registered; for a registered candidate the code's message is staged in the
/// Notifications outbox in the same commit and sent off the request by <see cref="SignInCodeSender"/>, so the
/// gateway's answer (a refusal, a slow vendor) never shows. Older codes stay valid (see <see cref="VerifySignInCodeHandler"/>);
/// while one still works a phone gets at most one new code per cooldown. One address is limited on its own.
/// </summary>
public sealed class RequestSignInCodeHandler(
    PortalDbContext db, SignInCodeHasher hasher, SignInCodeMessage messages, CandidateOutbox outbox, SignInCodeSender sender, TimeProvider clock,
    IOptions<CandidateSignInOptions> options)
{
    private readonly CandidateSignInOptions limits = options.Value;

    /// <param name="addressKey">The caller's <see cref="Infrastructure.Auth.ClientAddress"/> key (an IPv6 /64), when known.</param>
    public async Task<CodeRequestOutcome> HandleAsync(string phone, string? addressKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        if (addressKey is not null
            && await db.SignInCodes.CountAsync(c => c.RequestedFrom == addressKey && c.CreatedAt > hourAgo, ct) >= limits.MaxCodesPerAddressPerHour)
            return CodeRequestOutcome.Throttled;

        // A code issued within the cooldown that still works is on its way to the phone: no second message. A stranger
        // asking again and again therefore costs the owner nothing, and once every code is dead a new one goes at once.
        var cooldownStart = now.AddSeconds(-limits.CodeCooldownSeconds);
        if (await db.SignInCodes.AnyAsync(c => c.Phone == phone && c.CreatedAt > cooldownStart && c.UsedAt == null
                && c.ExpiresAt > now && c.FailedAttempts < limits.MaxAttemptsPerCode, ct))
            return CodeRequestOutcome.Accepted;

        var candidateId = await db.Candidates.IgnoreQueryFilters().Where(c => c.Phone == phone).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var code = SignInCodeHasher.NewCode();
        var lifetime = TimeSpan.FromSeconds(limits.CodeLifetimeSeconds);
        var key = Guid.NewGuid();
        // Sealed for every number, so a registered one costs no more time than an unknown one; only the former is kept.
        var message = messages.Seal(phone, candidateId ?? 0, code, key, now, lifetime);
        db.SignInCodes.Add(new SignInCode
        {
            Phone = phone,
            CodeHash = hasher.Hash(phone, code),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            RequestedFrom = addressKey,
        });
        var staged = candidateId is null ? null : outbox.Stage(message);
        await db.SaveChangesAsync(ct);

        if (staged is not null)
            sender.Enqueue(staged.Id);
        return CodeRequestOutcome.Accepted;
    }
}
