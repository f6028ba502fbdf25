using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>The candidate reads the exam rules and integrity pledge in force and confirms it.</summary>
[Authorize(Policy = Policies.Candidate)]
public class PledgeModel(CandidatePledgeHandler handler) : PageModel
{
    public MyPledge? Pledge { get; private set; }

    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public bool JustConfirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PledgesApi.CandidateId(User) is not { } candidateId)
            return Forbid();
        Pledge = await handler.GetAsync(candidateId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PledgesApi.CandidateId(User) is not { } candidateId)
            return Forbid();
        if (Version is not { } version)
            ModelState.AddModelError(nameof(Version), Texts.Get("Me.ReadThePledgeFirst"));
        else
        {
            var result = await handler.ConfirmAsync(candidateId, version, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            if (result.Succeeded)
            {
                JustConfirmed = true;
                return RedirectToPage();
            }
            // Both refusals are conflicts; the page words them for the candidate: a newer text is in force, or none yet.
            ModelState.AddModelError(string.Empty, await handler.GetAsync(candidateId, ct) is not null
                ? Texts.Get("Me.ThePledgeHasBeenUpdatedRead")
                : Texts.Get("Me.ThereIsNoPledgeToConfirm"));
        }
        Pledge = await handler.GetAsync(candidateId, ct);
        return Page();
    }
}
