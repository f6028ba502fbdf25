using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Candidates;

/// <summary>One candidate with the full ID and phone numbers; every view is audited, as the numbers are sensitive.</summary>
[Authorize(Policy = Policies.Planner)]
public class DetailsModel(PortalDbContext db, GetCandidateHandler get, DeleteCandidateHandler delete) : PageModel
{
    public CandidateRecord Candidate { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } candidate)
            return NotFound();
        Candidate = candidate;
        db.Record("candidate.viewed", nameof(Data.Candidates.Candidate), id);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await delete.HandleAsync(id, ct);
        if (result.Outcome == SaveOutcome.NotFound)
            return NotFound();
        if (result.Outcome == SaveOutcome.Saved)
            return Redirect("/Candidates");
        Candidate = (await get.HandleAsync(id, ct))!;
        Error = result.Detail;
        return Page();
    }
}
