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

/// <summary>
/// The day timeline (rooms × Beijing hours, one or several days) with its free slots as submit buttons, the college's
/// unscheduled candidates beside it, and the typed planning forms below; every post runs the same handler as the API.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public partial class IndexModel(PortalDbContext db, ReadTimelineHandler timeline, ListUnscheduledHandler unscheduled, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? RoomId { get; set; }
    [BindProperty(SupportsGet = true, Name = "days")] public int? Days { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "candidate")] public int? CandidateId { get; set; }
    [BindProperty] public BookForm Book { get; set; } = new();
    [BindProperty] public MoveForm Move { get; set; } = new();

    /// <summary>The slot button that was pressed: "roomId|yyyy-MM-ddTHH:mm" in Beijing time.</summary>
    [BindProperty] public string? Slot { get; set; }
    [TempData] public string? Message { get; set; }

    // A day near the calendar's ends would overflow the range arithmetic; such a date shows today instead.
    public DateOnly Day => Date is { Year: > 1900 and < 9000 } d ? d : BeijingTime.Today(clock);
    public int DayCount => Math.Clamp(Days ?? 1, 1, ReadTimelineHandler.MaxDays);
    public int? CollegeId => db.Scope.CollegeId;

    public async Task<IActionResult> OnGetAsync(int? move, int? cancel, CancellationToken ct)
    {
        if (move is { } id && await LoadMovingAsync(id, ct) is { } moving)
            Move = new MoveForm
            {
                InterviewId = id, ExamNumbers = moving.ExamNumber, RoomId = moving.RoomId, Date = DateOnly.FromDateTime(BeijingTime.ToLocal(moving.StartsAt).DateTime),
                Time = TimeOnly.FromDateTime(BeijingTime.ToLocal(moving.StartsAt).DateTime), DurationMinutes = moving.DurationMinutes, Kind = moving.Kind.ToString(),
            };
        if (cancel is { } cancelId)
            Cancelling = await LoadMovingAsync(cancelId, ct);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBookAsync([FromServices] IValidator<InterviewRequest> validator, [FromServices] BookInterviewHandler handler, CancellationToken ct)
    {
        if (Slot is not null)
            ApplySlot(nameof(Book), Book);
        var request = Book.ToRequest(await CandidateIdAsync(Book.ExamNumbers, ct));
        return await RunAsync(nameof(Book), await validator.ValidateAsync(request, ct),
            () => handler.HandleAsync(request, ct), i => Texts.Get("Schedule.InterviewBooked", i.Id), ct);
    }

    public async Task<IActionResult> OnPostMoveAsync([FromServices] IValidator<InterviewRequest> validator, [FromServices] RescheduleInterviewHandler handler, CancellationToken ct)
    {
        // A slot keeps the interview's own candidate, length and kind; only the room and the start change.
        if (Slot is not null && Move.InterviewId is { } id && await LoadMovingAsync(id, ct) is { } moving)
        {
            (Move.ExamNumbers, Move.DurationMinutes, Move.Kind) = (moving.ExamNumber, moving.DurationMinutes, moving.Kind.ToString());
            ApplySlot(nameof(Move), Move);
        }
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
                return RedirectToPage(new
                {
                    Date = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), RoomId, days = Days, q = Query,
                });
            }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>Reads the pressed slot button into the form's room, day and time; a value that is not a slot is the time field's error.</summary>
    private void ApplySlot(string form, SlotForm target)
    {
        var parts = Slot!.Split('|');
        if (parts.Length == 2 && int.TryParse(parts[0], out var room)
            && DateTime.TryParseExact(parts[1], "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            (target.RoomId, target.Date, target.Time) = (room, DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        else
            ModelState.AddModelError($"{form}.Time", Texts.Get("Schedule.TheChosenSlotCannotBeRead"));
    }

    private static string ValidationExtensionsCamel(string name) => Infrastructure.Validation.ValidationExtensions.CamelCase(name);

    private async Task<int?> CandidateIdAsync(string? examNumber, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(examNumber) ? null
        : await db.Candidates.Where(c => c.ExamNumber == examNumber.Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) ?? -1;
}
