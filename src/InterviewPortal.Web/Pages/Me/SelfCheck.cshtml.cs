using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>Camera, microphone and network check in the browser; open to everyone, nothing is stored.</summary>
[AllowAnonymous]
public class SelfCheckModel : PageModel
{
    public void OnGet()
    {
    }
}
