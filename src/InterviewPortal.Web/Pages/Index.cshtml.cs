using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages;

[AllowAnonymous]
public class IndexModel(PortalDbContext db, DatabaseOptions database, TimeProvider clock) : PageModel
{
    public bool SignedIn { get; private set; }
    public bool Demo => database.Demo;
    public string ScopeDescription { get; private set; } = "";
    public int CandidateCount { get; private set; }
    public int RoomCount { get; private set; }
    public int UpcomingCount { get; private set; }
    public List<UpcomingInterview> Upcoming { get; private set; } = [];

    public sealed record UpcomingInterview(DateTime StartsAt, string Room, string Candidate, InterviewStatus Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(CandidateRole.Name))
            return Redirect("/Me");
        SignedIn = db.Scope.IsStaff;
        if (!SignedIn)
            return Page();

        // Every count below is already limited to the caller's scope by the context's query filters.
        var now = clock.GetUtcNow().UtcDateTime;
        CandidateCount = await db.Candidates.CountAsync(ct);
        RoomCount = await db.ExamRooms.CountAsync(ct);
        var upcoming = db.Interviews.Where(i => i.EndsAt >= now && i.Status != InterviewStatus.Cancelled);
        UpcomingCount = await upcoming.CountAsync(ct);
        Upcoming = await upcoming.OrderBy(i => i.StartsAt).Take(10)
            .Select(i => new UpcomingInterview(i.StartsAt, i.ExamRoom.Name, i.Candidate.Name, i.Status))
            .ToListAsync(ct);
        ScopeDescription = await DescribeScopeAsync(ct);
        return Page();
    }

    private async Task<string> DescribeScopeAsync(CancellationToken ct)
    {
        if (db.Scope.AllColleges)
            return Texts.Get("Home.ScopeTheWholeUniversity");
        if (db.Scope.CollegeId is { } collegeId)
        {
            var name = await db.Colleges.Where(c => c.Id == collegeId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            return Texts.Get("Home.Scope", name);
        }
        var rooms = await db.ExamRooms.Select(r => r.Name).ToListAsync(ct);
        return Texts.Get("Home.Scope2", string.Join(Texts.Get("Shared.ListSeparator"), rooms));
    }
}
