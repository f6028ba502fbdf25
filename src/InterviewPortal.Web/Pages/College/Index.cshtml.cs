using InterviewPortal.Data;
using InterviewPortal.Web.Features.ExamDay;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.College;

/// <summary>
/// The secretary's college view: each room's progress, who is late or absent, then interrupted interviews, failed
/// invitations, candidates not verified five minutes before their start. Rendered here; college.js refreshes the lists
/// from the API and the progress from <see cref="OnGetProgressAsync"/> on every live push.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class IndexModel(GetExamDayHandler handler, PortalDbContext db) : PageModel
{
    public CollegeExamDayView? View { get; private set; }
    public List<(int Id, string Name)> Colleges { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? CollegeId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The progress part alone, in the page's own markup: college.js swaps it in on every live push.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Partial("_CollegeProgress", View) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // A secretary sees their college; the admin picks one.
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Colleges = colleges.Select(c => (c.Id, c.Name)).ToList();
        var id = db.Scope.CollegeId ?? CollegeId ?? Colleges.FirstOrDefault().Id;
        View = await handler.CollegeAsync(id, ct);
        CollegeId = id;
        return View is not null;
    }
}
