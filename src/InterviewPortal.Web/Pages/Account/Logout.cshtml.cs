using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Account;

[AllowAnonymous]
public class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Signs out of both the staff and the candidate session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.StaffCookie);
        await HttpContext.SignOutAsync(AuthSchemes.CandidateCookie);
        return LocalRedirect("/");
    }
}
