using System.Text;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

/// <summary>The shared key as a person types it (groups of four) and as an authenticator app scans it (otpauth URI).</summary>
public sealed record AuthenticatorKey(string Grouped, string Uri);

/// <summary>
/// Enrols a staff account in Identity's authenticator (TOTP, RFC 6238: HMAC-SHA1, 30 s, 6 digits): the key is
/// kept in Identity's user tokens, enrolment takes one right code, and it hands out ten single-use recovery codes.
/// </summary>
public sealed class EnrolAuthenticator(
    UserManager<StaffUser> users, IUserStore<StaffUser> store, StaffSignInLimiter limiter, PortalDbContext db)
{
    public const string Issuer = "InterviewPortal";
    public const int RecoveryCodeCount = 10;

    private readonly IUserAuthenticatorKeyStore<StaffUser> keys = (IUserAuthenticatorKeyStore<StaffUser>)store;

    /// <summary>
    /// The key to show, made on first use. Made through the store rather than ResetAuthenticatorKeyAsync, which also
    /// changes the security stamp: merely opening the enrolment page must not sign the member out of the console in
    /// their other tab. Nothing is protected by the key until a right code turns two-factor on (that changes the stamp).
    /// </summary>
    public async Task<AuthenticatorKey> KeyAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await keys.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
                throw new InvalidOperationException($"The authenticator key was not saved: {string.Join("; ", saved.Errors.Select(e => e.Code))}");
        }
        return new AuthenticatorKey(Group(key), OtpAuthUri(user.UserName!, key));
    }

    /// <summary>Turns two-factor on when the code matches the key; null when it does not.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(StaffUser user, string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length is 0 or > 16
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            return null;
        // The code just typed cannot also open a sign-in.
        limiter.FirstUseOfCode(user.Id, digits);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await NewRecoveryCodesAsync(user);
        db.Record("staff.two-factor-enrolled", nameof(StaffUser), user.UserName);
        await db.SaveChangesAsync();
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(StaffUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []).ToList();

    public Task<int> RecoveryCodesLeftAsync(StaffUser user) => users.CountRecoveryCodesAsync(user);

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}
