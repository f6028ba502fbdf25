using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Candidates;

[Authorize(Policy = Policies.Planner)]
public class IndexModel(ListCandidatesHandler list, PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? MajorId { get; set; }
    [BindProperty(SupportsGet = true)] public InterviewStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<CandidateListItem> Result { get; private set; } = new([], 0, 1, 50);
    public List<MajorChoice> Majors { get; private set; } = [];
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Majors = await MajorChoices.ForScopeAsync(db, ct);
        Result = await list.HandleAsync(new CandidateListQuery(null, MajorId, Status, Q), new PageRequest(Math.Max(1, PageNumber), 50), ct);
    }

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["q"] = Q ?? "", ["majorId"] = MajorId?.ToString() ?? "", ["status"] = Status?.ToString() ?? "", ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
