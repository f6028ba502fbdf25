using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace InterviewPortal.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public const string AntiforgeryCookieName = "ip.af";

    /// <summary>The antiforgery cookie follows the auth cookies: HttpOnly, SameSite, Secure whenever the request is HTTPS.</summary>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    /// <summary>
    /// Security headers on every response (set when the response starts, so error pages keep them too), and
    /// Swagger UI with its document for admins only outside Development. Call it early in the pipeline.
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        var openSwagger = app.Environment.IsDevelopment();
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(http);
                return Task.CompletedTask;
            });
            if (!openSwagger && http.Request.Path.StartsWithSegments("/swagger") && !await IsAdminAsync(http))
                return;
            await next(http);
        });
        return app;
    }

    /// <summary>Refuses cookie-authenticated writes from other origins or without the antiforgery token; call it right after UseAuthentication.</summary>
    public static IApplicationBuilder UseCrossSiteWriteGuard(this IApplicationBuilder app) => app.UseMiddleware<CrossSiteWriteGuard>();

    /// <summary>Authenticates on its own (it runs before UseAuthentication) and answers 401/redirect or 403 when refused.</summary>
    private static async Task<bool> IsAdminAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(AuthSchemes.Portal);
        if (result.Principal?.IsInRole(StaffRoles.Admin) == true)
            return true;
        if (result.Succeeded)
            await http.ForbidAsync(AuthSchemes.Portal);
        else
            await http.ChallengeAsync(AuthSchemes.Portal);
        return false;
    }
}
