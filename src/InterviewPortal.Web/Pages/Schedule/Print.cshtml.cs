using InterviewPortal.Data;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>
/// One room's day on paper for its examiners. The rooms come through the caller's scope, so a secretary asking
/// for another college's room gets a 404, as on the schedule page. Without a room it offers the choice.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class PrintModel(PortalDbContext db, ReadScheduleHandler schedule, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? RoomId { get; set; }

    public DateOnly Day => Date ?? BeijingTime.Today(clock);
    public RoomSchedule? Room { get; private set; }
    public List<(int Id, string Name)> RoomChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RoomId is { } roomId)
        {
            var (from, to) = BeijingTime.DayRange(Day);
            var rooms = await schedule.HandleAsync(roomId, null, from, to, includeCancelled: false, ct);
            Room = rooms.Count == 0 ? null : rooms[0];
            return Room is null ? NotFound() : Page();
        }
        RoomChoices = (await db.ExamRooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .Select(r => (r.Id, r.Name)).ToList();
        return Page();
    }
}
