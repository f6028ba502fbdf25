using InterviewPortal.Data;
using InterviewPortal.Web.Features.ExamDay;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.College;

/// <summary>
/// The secretary's college view: interrupted interviews, failed invitations, candidates not verified five
/// minutes before their start. Rendered here; college.js refreshes it from the API on every live push.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class IndexModel(GetExamDayHandler handler, PortalDbContext db) : PageModel
{
    public CollegeExamDayView? View { get; private set; }
    public List<(int Id, string Name)> Colleges { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? CollegeId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A secretary sees their college; the admin picks one.
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Colleges = colleges.Select(c => (c.Id, c.Name)).ToList();
        var id = db.Scope.CollegeId ?? CollegeId ?? Colleges.FirstOrDefault().Id;
        View = await handler.CollegeAsync(id, ct);
        if (View is null)
            return NotFound();
        CollegeId = id;
        return Page();
    }
}
