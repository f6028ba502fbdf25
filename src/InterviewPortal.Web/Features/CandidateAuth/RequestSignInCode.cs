using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.CandidateAuth;

public sealed record SignInCodeRequest(string? Phone);

public sealed class SignInCodeValidator : AbstractValidator<SignInCodeRequest>
{
    public SignInCodeValidator() =>
        RuleFor(r => r.Phone).NotEmpty().WithMessage("请输入手机号 / Enter your mobile number.")
            .Matches(MobilePhone.Pattern).WithMessage("请输入 11 位中国大陆手机号 / Enter an 11-digit mainland mobile number.");
}

public static class MobilePhone
{
    public const string Pattern = @"^1[3-9]\d{9}$";
    public static string Normalize(string? phone) => (phone ?? "").Trim();
}

public enum CodeRequestOutcome
{
    Accepted,
    Throttled,
}

/// <summary>
/// Issues a code for any well-formed number: a row is written whether or not the number is registered, so the
/// answer, the throttling and the timing of the database work look the same; only registered candidates get a message.
/// </summary>
public sealed class RequestSignInCodeHandler(
    PortalDbContext db, SignInCodeHasher hasher, IWeLinkGateway gateway, TimeProvider clock,
    IOptions<CandidateSignInOptions> options, ILogger<RequestSignInCodeHandler> log)
{
    private readonly CandidateSignInOptions limits = options.Value;

    public async Task<CodeRequestOutcome> HandleAsync(string phone, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        if (await db.SignInCodes.CountAsync(c => c.Phone == phone && c.CreatedAt > hourAgo, ct) >= limits.MaxCodesPerHour)
            return CodeRequestOutcome.Throttled;
        if (address is not null
            && await db.SignInCodes.CountAsync(c => c.RequestedFrom == address && c.CreatedAt > hourAgo, ct) >= limits.MaxCodesPerAddressPerHour)
            return CodeRequestOutcome.Throttled;

        // A new code retires the older ones still alive.
        await db.SignInCodes.Where(c => c.Phone == phone && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, now), ct);

        var code = SignInCodeHasher.NewCode();
        db.SignInCodes.Add(new SignInCode
        {
            Phone = phone,
            CodeHash = hasher.Hash(phone, code),
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(limits.CodeLifetimeSeconds),
            RequestedFrom = address,
        });
        await db.SaveChangesAsync(ct);

        if (!await db.Candidates.IgnoreQueryFilters().AnyAsync(c => c.Phone == phone, ct))
            return CodeRequestOutcome.Accepted;
        var minutes = Math.Max(1, limits.CodeLifetimeSeconds / 60);
        await gateway.SendMessageAsync(new CandidateMessage(phone, "研究生远程复试平台 登录验证码 / Sign-in code",
            $"验证码 {code}，{minutes} 分钟内有效，仅可使用一次，请勿告诉他人。Your code is {code}; it works once within {minutes} minutes. Do not share it.",
            Kind: "SignInCode"), ct);
        log.LogInformation("Sign-in code sent to {Phone}", phone);
        return CodeRequestOutcome.Accepted;
    }
}
