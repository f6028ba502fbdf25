using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Console;

/// <summary>
/// The room console. The page is a shell: console.js loads GET /api/v1/exam-day/console and keeps it current
/// from the exam-day hub, so the first view and every update come from one renderer.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class IndexModel(TimeProvider clock) : PageModel
{
    public DateOnly Date { get; private set; }
    public bool CanAct => User.IsInRole(StaffRoles.Assistant);

    /// <summary>Today in Beijing unless another day is asked for (?date=yyyy-MM-dd, e.g. preparing tomorrow).</summary>
    public void OnGet(DateOnly? date) => Date = date ?? BeijingTime.Today(clock);
}
