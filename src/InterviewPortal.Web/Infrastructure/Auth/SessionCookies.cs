using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// Both sign-in cookies: each request re-checks the account's stamp (<see cref="SessionStamps"/>), and a session ends
/// <see cref="SessionLimits.MaxSessionHours"/> after sign-in even while in use: sliding renewal keeps an idle-timeout,
/// the sign-in time (kept in the ticket, carried across renewals) caps the whole.
/// </summary>
public static class SessionCookies
{
    private const string SignedInKey = ".portal.signedIn";

    public static void Apply(CookieAuthenticationOptions o)
    {
        o.Events.OnSigningIn = ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            ctx.Properties.Items[SignedInKey] = now.ToString("O", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<SessionLimits>>().Value.MaxSession;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A cookie issued before the sign-in time was kept has only its last renewal: the cap then counts from there.
        var signedIn = ctx.Properties.Items.TryGetValue(SignedInKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : ctx.Properties.IssuedUtc;
        var ended = signedIn is null || now - signedIn.Value > limit
            || !await services.GetRequiredService<SessionStamps>().IsCurrentAsync(ctx.Principal!, fresh: false, ctx.HttpContext.RequestAborted);
        if (!ended)
            return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
    }
}
