using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.College;

/// <summary>Who in the caller's scope has not confirmed the pledge in force, with a button to remind them through WeLink.</summary>
[Authorize(Policy = Policies.Staff)]
public class PledgeModel(PledgeStatusHandler status, RemindPledgeHandler remind) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? RoomId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PledgeStatusPage Status { get; private set; } = new(null, [], 0, 1, 100);

    [TempData]
    public string? Reminded { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Status = await status.HandleAsync(new PledgeStatusQuery(null, RoomId), new PageRequest(Math.Max(1, PageNumber), 100), ct);

    public async Task<IActionResult> OnPostRemindAsync(int[]? candidateIds, CancellationToken ct)
    {
        var result = await remind.HandleAsync(new RemindPledgeRequest(candidateIds is { Length: > 0 } ? candidateIds : null), ct);
        Reminded = result is null ? "0/0" : $"{result.Sent}/{result.Failed}";
        return RedirectToPage(new { RoomId });
    }
}
