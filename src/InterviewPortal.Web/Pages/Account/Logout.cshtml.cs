using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Account;

/// <summary>
/// Signs out. The button in every page's header posts here without an antiforgery token (it was refused 400 for
/// want of one): a token would be minted on every page view, the candidate's page included, to guard an action
/// whose worst misuse is signing somebody out. The session cookies are SameSite=Lax, so a form posted from another
/// site carries none; on top of that a post the browser marks as coming from another site is refused.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (FromAnotherSite(Request))
            return BadRequest();
        await HttpContext.SignOutAsync(AuthSchemes.StaffCookie);
        await HttpContext.SignOutAsync(AuthSchemes.CandidateCookie);
        return LocalRedirect("/");
    }

    /// <summary>
    /// Fetch metadata, where the browser sends it, decides: only "cross-site" is refused. Without it (an older browser,
    /// a script) an Origin that names another host is refused. The Origin alone is not enough: under our
    /// Referrer-Policy (no-referrer) Chromium sends "Origin: null" even for the portal's own form.
    /// </summary>
    private static bool FromAnotherSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return string.Equals(site, "cross-site", StringComparison.OrdinalIgnoreCase);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
