using FluentValidation;
using FluentValidation.Results;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>The day view (one room, or all rooms of the scope side by side) with the planning forms; the same handlers as the API.</summary>
[Authorize(Policy = Policies.Planner)]
public class IndexModel(PortalDbContext db, ReadScheduleHandler schedule, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? RoomId { get; set; }
    [BindProperty] public BookForm Book { get; set; } = new();
    [BindProperty] public AutoForm Auto { get; set; } = new();
    [BindProperty] public MoveForm Move { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public DateOnly Day => Date ?? BeijingTime.Today(clock);
    public IReadOnlyList<RoomSchedule> Rooms { get; private set; } = [];
    public List<(int Id, string Name)> RoomChoices { get; private set; } = [];
    public List<(int Id, string Label)> Majors { get; private set; } = [];
    public int? CollegeId => db.Scope.CollegeId;

    public async Task<IActionResult> OnGetAsync(int? move, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (move is { } id && await db.Interviews.AsNoTracking().Include(i => i.Candidate).FirstOrDefaultAsync(i => i.Id == id, ct) is { } interview)
        {
            var local = BeijingTime.ToLocal(interview.StartsAt);
            Move = new MoveForm
            {
                InterviewId = id, ExamNumbers = interview.Candidate.ExamNumber, RoomId = interview.ExamRoomId, Date = DateOnly.FromDateTime(local.DateTime),
                Time = TimeOnly.FromDateTime(local.DateTime), DurationMinutes = interview.DurationMinutes, Kind = interview.Kind.ToString(),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync([FromServices] IValidator<InterviewRequest> validator, [FromServices] BookInterviewHandler handler, CancellationToken ct)
    {
        var request = Book.ToRequest(await CandidateIdAsync(Book.ExamNumbers, ct));
        return await RunAsync(nameof(Book), await validator.ValidateAsync(request, ct),
            () => handler.HandleAsync(request, ct), i => Texts.Get("Schedule.InterviewBooked", i.Id), ct);
    }

    public async Task<IActionResult> OnPostAutoAsync([FromServices] IValidator<AutoScheduleRequest> validator, [FromServices] AutoScheduleHandler handler, CancellationToken ct)
    {
        List<int>? ids = null;
        if (Auto.ExamNumberList.Count > 0)
        {
            var numbers = Auto.ExamNumberList;
            var found = await db.Candidates.Where(c => numbers.Contains(c.ExamNumber)).ToDictionaryAsync(c => c.ExamNumber, c => c.Id, ct);
            if (numbers.FirstOrDefault(n => !found.ContainsKey(n)) is { } unknown)
                ModelState.AddModelError("Auto.ExamNumbers", Texts.Get("Schedule.NoCandidateWithExamNumber", unknown));
            ids = numbers.Select(n => found.GetValueOrDefault(n)).ToList();
        }
        var request = Auto.ToRequest(ids);
        return await RunAsync(nameof(Auto), await validator.ValidateAsync(request, ct), () => handler.HandleAsync(Auto.RoomId ?? 0, request, ct),
            list => Texts.Get("Schedule.InterviewsScheduled", list.Count), ct);
    }

    public async Task<IActionResult> OnPostMoveAsync([FromServices] IValidator<InterviewRequest> validator, [FromServices] RescheduleInterviewHandler handler, CancellationToken ct)
    {
        var request = Move.ToRequest(await CandidateIdAsync(Move.ExamNumbers, ct));
        return await RunAsync(nameof(Move), await validator.ValidateAsync(request, ct), () => handler.HandleAsync(Move.InterviewId ?? 0, request, ct),
            i => Texts.Get("Schedule.InterviewRescheduled", i.Id), ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int interviewId, [FromServices] CancelInterviewHandler handler, CancellationToken ct)
    {
        ModelState.Clear();
        return await RunAsync("Cancel", new ValidationResult(), () => handler.HandleAsync(interviewId, null, ct),
            i => Texts.Get("Schedule.InterviewCancelled", i.Id), ct);
    }

    private async Task<IActionResult> RunAsync<T>(string form, ValidationResult validation, Func<Task<Outcome<T>>> handle, Func<T, string> done, CancellationToken ct)
    {
        foreach (var error in validation.Errors)
            ModelState.AddModelError($"{form}.{SlotForm.FieldFor(ValidationExtensionsCamel(error.PropertyName))}", error.ErrorMessage);
        if (ModelState.ErrorCount == 0)
        {
            var outcome = await handle();
            if (!outcome.AddTo(ModelState, form, formKey: form, SlotForm.FieldFor))
            {
                Message = done(outcome.Value!);
                return RedirectToPage(new { Date = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), RoomId });
            }
        }
        if (!await LoadAsync(ct))
            return NotFound();
        return Page();
    }

    private static string ValidationExtensionsCamel(string name) => Infrastructure.Validation.ValidationExtensions.CamelCase(name);

    private async Task<int?> CandidateIdAsync(string? examNumber, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(examNumber) ? null
        : await db.Candidates.Where(c => c.ExamNumber == examNumber.Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) ?? -1;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var (from, to) = BeijingTime.DayRange(Day);
        Rooms = await schedule.HandleAsync(RoomId, null, from, to, includeCancelled: true, ct);
        if (RoomId is not null && Rooms.Count == 0)
            return false;
        RoomChoices = (await db.ExamRooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        var majors = db.Scope.CoveredMajors(db.Majors.AsNoTracking());
        Majors = (await majors.OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.Name }).ToListAsync(ct)).Select(m => (m.Id, $"{m.Code} {m.Name}")).ToList();
        return true;
    }
}
