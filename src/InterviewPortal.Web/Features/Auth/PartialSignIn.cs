using System.Security.Claims;
using InterviewPortal.Data.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

/// <summary>
/// The page sign-in between a right password and its second step: a short cookie that names the user and what is
/// still owed (the authenticator code, or an admin's enrolment). It opens nothing but the page that finishes it,
/// and dies with any change of the account's security stamp (password reset, disable, a new authenticator key).
/// </summary>
public static class PartialSignIn
{
    public const string OwesCode = "code";
    public const string OwesEnrolment = "enrol";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string Owes = "owes";
    private const string Stamp = "stamp";

    public static Task StartAsync(HttpContext http, StaffUser user, string owes)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id), new Claim(Owes, owes), new Claim(Stamp, user.SecurityStamp ?? "")],
            IdentityConstants.TwoFactorUserIdScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.Add(Lifetime), IsPersistent = false };
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity), properties);
    }

    public static async Task<StaffUser?> UserAsync(HttpContext http, UserManager<StaffUser> users, string owes)
    {
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!pending.Succeeded || pending.Principal.FindFirstValue(Owes) != owes
            || pending.Principal.FindFirstValue(ClaimTypes.Name) is not { } id)
            return null;
        var user = await users.FindByIdAsync(id);
        return user is { DisabledAt: null } && user.SecurityStamp == pending.Principal.FindFirstValue(Stamp) ? user : null;
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
