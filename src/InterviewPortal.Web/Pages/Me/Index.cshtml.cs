using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>
/// My interview: what every candidate reloads on results day and exam morning, so it is one statement and no form
/// (the college/major report has its own page, /Me/Report).
/// </summary>
[Authorize(Policy = Policies.Candidate)]
public class IndexModel(GetMyInterviewHandler me) : PageModel
{
    public MyRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await me.HandleAsync(User.CandidateId(), ct, countReports: true) is not { } record)
            return NotFound();
        Record = record;
        return Page();
    }
}
