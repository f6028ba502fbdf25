using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Candidates;

/// <summary>One candidate with the full ID and phone numbers; every view is audited, as the numbers are sensitive.</summary>
[Authorize(Policy = Policies.Planner)]
public class DetailsModel(GetCandidateHandler get, DeleteCandidateHandler delete) : PageModel
{
    public CandidateRecord Candidate { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.ReadAsync(id, FullRecordReads.DetailsPage, ct) is not { } candidate)
            return NotFound();
        Candidate = candidate;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await delete.HandleAsync(id, ct);
        if (result.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            return Redirect("/Candidates");
        Candidate = (await get.ReadAsync(id, FullRecordReads.DetailsPage, ct))!;
        Error = result.Detail;
        return Page();
    }
}
