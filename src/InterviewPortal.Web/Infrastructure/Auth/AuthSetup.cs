using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>Access tokens are short; API clients renew them at POST /api/v1/auth/refresh, which re-checks the account.</summary>
    public static readonly TimeSpan StaffTokenLifetime = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddPortalAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                // No Identity lockout: five wrong passwords from anywhere locked the owner out. StaffSignInLimiter
                // pauses per account and client address instead (Features/Auth/StaffSignIn.cs).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddStaffSignIn();

        services.AddOptions<SessionLimits>().BindConfiguration(SessionLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionStamps>().AddSingleton<IInterceptor, SessionStampInvalidator>();
        // A refresh token lives as long as a session may: refreshing never carries a session past its cap (RefreshStaffToken).
        services.AddOptions<BearerTokenOptions>(AuthSchemes.Bearer)
            .Configure<IOptions<SessionLimits>>((o, sessions) => o.RefreshTokenExpiration = sessions.Value.MaxSession);

        services.AddAuthentication(AuthSchemes.Portal)
            .AddPolicyScheme(AuthSchemes.Portal, "Portal", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(AuthSchemes.Bearer, o => o.BearerTokenExpiration = StaffTokenLifetime)
            .AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(AuthSchemes.CheckedBearer, null)
            .AddCookie(AuthSchemes.StaffCookie, o =>
            {
                o.Cookie.Name = AuthSchemes.StaffCookieName;
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                Harden(o);
                // Strict: no other site, not even a same-site subdomain's link, brings the staff session along.
                // Staff open the portal from a bookmark or by typing it; a link from mail lands signed out, once.
                o.Cookie.SameSite = SameSiteMode.Strict;
            })
            .AddCookie(AuthSchemes.CandidateCookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CandidateCookieName;
                o.LoginPath = "/Candidate/SignIn";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromHours(4);
                o.SlidingExpiration = true;
                Harden(o);
            })
            .AddCookie(IdentityConstants.ExternalScheme)
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme);

        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static string SelectScheme(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthSchemes.CheckedBearer;
        if (http.Request.Cookies.ContainsKey(AuthSchemes.StaffCookieName))
            return AuthSchemes.StaffCookie;
        if (http.Request.Cookies.ContainsKey(AuthSchemes.CandidateCookieName))
            return AuthSchemes.CandidateCookie;
        // Nothing presented: API callers get a bare 401, candidate pages go to the phone sign-in, the rest to staff sign-in.
        if (http.Request.Path.StartsWithSegments("/api"))
            return AuthSchemes.CheckedBearer;
        if (http.Request.Path.StartsWithSegments("/Candidate") || http.Request.Path.StartsWithSegments("/Me"))
            return AuthSchemes.CandidateCookie;
        return AuthSchemes.StaffCookie;
    }

    private static void Harden(CookieAuthenticationOptions o)
    {
        o.Cookie.HttpOnly = true;
        // Lax for the candidate cookie: candidates arrive by the link in their SMS, and Strict would show them
        // signed out on that first navigation. Lax sends it on no cross-site POST, and CrossSiteWriteGuard refuses
        // every cookie write without this origin's antiforgery token, so Lax gives away nothing that matters.
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request is HTTPS (directly or through the proxy's forwarded headers).
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        SessionCookies.Apply(o);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
