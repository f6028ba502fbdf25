using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.Rooms;

/// <summary>Create (no id) or edit a room with the same validator and handler as the API; examiners one per line.</summary>
[Authorize(Policy = Policies.Planner)]
public class EditModel(PortalDbContext db, ListRoomsHandler rooms, SaveRoomHandler save, IValidator<RoomRequest> validator) : PageModel
{
    public sealed class RoomForm
    {
        public int? CollegeId { get; set; }
        public string? Name { get; set; }
        public string? AssistantUserName { get; set; }
        public string? Examiners { get; set; }
        public bool RecordSessions { get; set; }

        public RoomRequest ToRequest() => new(CollegeId, Name, AssistantUserName,
            (Examiners ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), RecordSessions);
    }

    [BindProperty]
    public RoomForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool ChoosesCollege => db.Scope.AllColleges;
    public List<(int Id, string Name)> Colleges { get; private set; } = [];
    public List<string> Assistants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            if (await rooms.GetAsync(id.Value, ct) is not { } room)
                return NotFound();
            Input = new RoomForm
            {
                CollegeId = room.CollegeId, Name = room.Name, AssistantUserName = room.AssistantUserName,
                Examiners = string.Join('\n', room.Examiners), RecordSessions = room.RecordSessions,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var request = Input.ToRequest();
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
                ModelState.AddModelError($"Input.{error.PropertyName.Split('[')[0]}", error.ErrorMessage);
            await LoadChoicesAsync(ct);
            return Page();
        }
        var outcome = await save.HandleAsync(id, request, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, nameof(Input));
            await LoadChoicesAsync(ct);
            return Page();
        }
        return RedirectToPage("/Rooms/Index");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (ChoosesCollege)
            Colleges = (await db.Colleges.OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        Assistants = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == StaffRoles.Assistant
                            orderby u.UserName
                            select u.UserName!).ToListAsync(ct);
    }
}
