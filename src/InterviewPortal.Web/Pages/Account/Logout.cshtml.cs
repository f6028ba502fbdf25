using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Account;

/// <summary>
/// Signs out. The button in every page's header posts here without an antiforgery token: a token would be minted on
/// every page view, the candidate's page included, to guard an action whose worst misuse is signing somebody out.
/// The post is still origin-checked: Infrastructure/Security/CrossSiteWriteGuard refuses it (403) when the browser
/// says it comes from another origin, a same-site subdomain included.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.StaffCookie);
        await HttpContext.SignOutAsync(AuthSchemes.CandidateCookie);
        return LocalRedirect("/");
    }
}
