using System.Globalization;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>
/// Auto-schedule in two steps: "Preview" runs the handler as a dry run and shows the blocks it would book; "Commit"
/// runs it again for real with the previewed plan's fingerprint, so a plan that changed meanwhile is refused, not booked.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class AutoScheduleModel(PortalDbContext db, IValidator<AutoScheduleRequest> validator, AutoScheduleHandler handler) : PageModel
{
    [BindProperty] public AutoPlanForm Input { get; set; } = new();

    /// <summary>The fingerprint of the plan the secretary saw, sent back with "Commit".</summary>
    [BindProperty] public string? Plan { get; set; }

    /// <summary>Read by the schedule page after the redirect.</summary>
    [TempData] public string? Message { get; set; }

    public string? RoomName { get; private set; }
    public IReadOnlyList<PlannedBlock>? Blocks { get; private set; }
    public List<(int Id, string Name)> RoomChoices { get; private set; } = [];
    public List<(int Id, string Label)> Majors { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? date, int? roomId, CancellationToken ct)
    {
        Input.Date = date;
        Input.RoomId = roomId;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await RunAsync(AutoScheduleRun.Preview, ModelState, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Plan))
            ModelState.AddModelError("", Texts.Get("Schedule.PreviewThePlanFirstThenCommit"));
        else if (await RunAsync(AutoScheduleRun.BookPreviewed(Plan), ModelState, ct) is { } booked)
        {
            Message = Texts.Get("Schedule.InterviewsScheduledAsPreviewed", booked.Interviews.Count);
            return RedirectToPage("/Schedule/Index", new { Date = Input.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Input.RoomId });
        }
        // Refused, nothing written: show the plan as it is now (its reasons, if any, are already on the page).
        await RunAsync(AutoScheduleRun.Preview, new ModelStateDictionary(), ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Validates and runs the handler; on a refusal the reasons go into <paramref name="errors"/> and null is returned.</summary>
    private async Task<AutoSchedulePlan?> RunAsync(AutoScheduleRun run, ModelStateDictionary errors, CancellationToken ct)
    {
        var request = Input.ToRequest(await CandidateIdsAsync(errors, ct));
        foreach (var error in (await validator.ValidateAsync(request, ct)).Errors)
            errors.AddModelError($"{nameof(Input)}.{AutoPlanForm.FieldFor(ValidationExtensions.CamelCase(error.PropertyName))}", error.ErrorMessage);
        if (errors.ErrorCount > 0)
            return null;
        var outcome = await handler.HandleAsync(Input.RoomId ?? 0, request, run, ct);
        if (outcome.AddTo(errors, nameof(Input), formKey: "", AutoPlanForm.FieldFor))
            return null;
        var plan = outcome.Value!;
        RoomName = plan.Room.Name;
        Plan = plan.Fingerprint;
        ModelState.Remove(nameof(Plan));
        var majorIds = plan.Interviews.Select(i => i.Candidate.MajorId).Distinct().ToList();
        var majors = await db.Majors.AsNoTracking().Where(m => majorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => $"{m.Code} {m.Name}", ct);
        Blocks = plan.Interviews.Select(i => new PlannedBlock(i.StartsAt, i.EndsAt, i.Candidate.ExamNumber, i.Candidate.Name,
            majors.GetValueOrDefault(i.Candidate.MajorId, "—"))).ToList();
        return plan;
    }

    private async Task<List<int>?> CandidateIdsAsync(ModelStateDictionary errors, CancellationToken ct)
    {
        var numbers = Input.ExamNumberList;
        if (numbers.Count == 0)
            return null;
        var found = await db.Candidates.Where(c => numbers.Contains(c.ExamNumber)).ToDictionaryAsync(c => c.ExamNumber, c => c.Id, ct);
        if (numbers.FirstOrDefault(n => !found.ContainsKey(n)) is { } unknown)
            errors.AddModelError($"{nameof(Input)}.{nameof(AutoPlanForm.ExamNumbers)}", Texts.Get("Schedule.NoCandidateWithExamNumber", unknown));
        return numbers.Select(n => found.GetValueOrDefault(n)).ToList();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        RoomChoices = (await db.ExamRooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        var majors = db.Scope.CoveredMajors(db.Majors.AsNoTracking());
        Majors = (await majors.OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.Name }).ToListAsync(ct)).Select(m => (m.Id, $"{m.Code} {m.Name}")).ToList();
    }
}
