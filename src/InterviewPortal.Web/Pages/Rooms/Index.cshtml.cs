using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Rooms;

[Authorize(Policy = Policies.Planner)]
public class IndexModel(ListRoomsHandler rooms, DeleteRoomHandler delete) : PageModel
{
    public IReadOnlyList<RoomRecord> Rooms { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Rooms = (await rooms.HandleAsync(null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await delete.HandleAsync(id, ct);
        if (outcome.Kind == Features.Shared.OutcomeKind.NotFound)
            return NotFound();
        Message = outcome.Succeeded ? Infrastructure.Localization.Texts.Get("Rooms.TheRoomWasDeleted") : outcome.Detail;
        return RedirectToPage();
    }
}
