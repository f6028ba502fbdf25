using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>The default: forwards to bearer, candidate cookie or staff cookie by what the request carries.</summary>
    public const string Portal = "Portal";
    /// <summary>Issues bearer tokens and unprotects them; requests are authenticated through <see cref="CheckedBearer"/>.</summary>
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>The bearer scheme plus the stamp check (<see cref="CheckedBearerHandler"/>).</summary>
    public const string CheckedBearer = "CheckedBearer";
    public const string CandidateCookie = "CandidateCookie";
    public static readonly string StaffCookie = IdentityConstants.ApplicationScheme;
    public const string CandidateCookieName = "ip.candidate";
    public const string StaffCookieName = "ip.staff";
}
