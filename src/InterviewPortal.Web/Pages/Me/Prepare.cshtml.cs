using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>The preparation guide: open to everyone, so a candidate can read it before the first sign-in.</summary>
[AllowAnonymous]
public class PrepareModel : PageModel
{
    public void OnGet()
    {
    }
}
