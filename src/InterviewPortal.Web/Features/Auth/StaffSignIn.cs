using System.Net;
using System.Security.Cryptography;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

public enum StaffSignInStep { Refused, SignedIn, CodeRequired, CodeWrong, EnrolmentRequired }

public sealed record StaffSignInResult(StaffSignInStep Step, StaffUser? User = null, bool TwoFactor = false)
{
    public static readonly StaffSignInResult Refused = new(StaffSignInStep.Refused);
}

/// <summary>
/// The one staff sign-in, behind both the login page and POST /api/v1/auth/token. An unknown name, a wrong
/// password, a paused address and a disabled account are all <see cref="StaffSignInStep.Refused"/> after the
/// same work: one lookup and one password hash (a dummy hash for unknown names), with no write on failure.
/// Only a right password, from an address the limiter lets through, on an active account, reaches the
/// second step, so the two-factor answers reveal nothing to whoever does not already hold the password.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, StaffSignInLimiter limiter, StaffSignInOptions options,
    ILogger<StaffSignIn> logger)
{
    private static string? dummyHash;

    public async Task<StaffSignInResult> CheckPasswordAsync(string userName, string password, IPAddress? address)
    {
        // Made on the first attempt of any kind, so no single kind of answer carries its one-off cost.
        dummyHash ??= hasher.HashPassword(new StaffUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        var account = users.NormalizeName(userName);
        var user = await users.FindByNameAsync(userName);
        var right = user?.PasswordHash is not null
            ? await users.CheckPasswordAsync(user, password)
            : HashAnyway(password);
        // Decided only after the hash, so a refusal costs the same as a wrong password.
        if (!limiter.Allows(account, address))
            return Refuse("paused", user, address);
        if (!right)
        {
            limiter.Failed(account, address);
            return Refuse(user is null ? "unknown user" : "wrong password", user, address);
        }
        return user!.DisabledAt is null ? new(StaffSignInStep.SignedIn, user) : Refuse("disabled", user, address);
    }

    /// <summary>
    /// The reason goes to the log only (ASVS 7.2.1); every caller hears the same refusal. An unknown name is not
    /// logged: people type their password into the name field.
    /// </summary>
    private StaffSignInResult Refuse(string reason, StaffUser? user, IPAddress? address)
    {
        logger.LogInformation("Staff sign-in refused ({Reason}) for {UserName} from {Address}", reason, user?.UserName ?? "-", ClientAddress.Key(address) ?? "unknown");
        return StaffSignInResult.Refused;
    }

    /// <summary>After a right password: the authenticator code (or a recovery code) when the user enrolled, else done.</summary>
    public async Task<StaffSignInResult> SecondStepAsync(StaffUser user, string? code, string? recoveryCode, IPAddress? address)
    {
        var account = user.NormalizedUserName!;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
                return new(StaffSignInStep.CodeRequired, user);
            if (!limiter.Allows(account, address))
                return new(StaffSignInStep.CodeWrong, user);
            if (!await SecondFactorRightAsync(user, code, recoveryCode))
            {
                logger.LogInformation("Staff sign-in: wrong second factor for {UserName} from {Address}", user.UserName, ClientAddress.Key(address) ?? "unknown");
                limiter.Failed(account, address);
                return new(StaffSignInStep.CodeWrong, user);
            }
            limiter.Succeeded(account, address);
            return new(StaffSignInStep.SignedIn, user, TwoFactor: true);
        }
        if (options.RequireAdminTwoFactor && await users.IsInRoleAsync(user, StaffRoles.Admin))
            return new(StaffSignInStep.EnrolmentRequired, user);
        limiter.Succeeded(account, address);
        return new(StaffSignInStep.SignedIn, user);
    }

    /// <summary>An authenticator code, once per user within its window; or a recovery code, which Identity spends.</summary>
    public async Task<bool> SecondFactorRightAsync(StaffUser user, string? code, string? recoveryCode)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
                && limiter.FirstUseOfCode(user.Id, digits);
        }
        var recovery = recoveryCode!.Replace(" ", "", StringComparison.Ordinal);
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded;
    }

    private bool HashAnyway(string password)
    {
        hasher.VerifyHashedPassword(new StaffUser(), dummyHash!, password);
        return false;
    }
}

/// <summary>Auth:RequireAdminTwoFactor: on by default outside demo mode and Development.</summary>
public sealed record StaffSignInOptions(bool RequireAdminTwoFactor);
