using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

[Authorize(Policy = Policies.Candidate)]
public class IndexModel(GetMyInterviewHandler me, CreateAssignmentReportHandler reports, IValidator<AssignmentReportRequest> validator) : PageModel
{
    public MyRecord Record { get; private set; } = null!;
    public IReadOnlyList<AssignmentReportView> Reports { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var request = new AssignmentReportRequest(Message);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "");
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        if (await reports.HandleAsync(User.CandidateId(), request, ct) is null)
            return NotFound();
        Flash = Lang.T("已提交给学院秘书，答复会显示在本页。", "Sent to your college secretary; the answer will appear on this page.");
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = User.CandidateId();
        if (await me.HandleAsync(id, ct) is not { } record)
            return false;
        Record = record;
        Reports = await reports.ListAsync(id, ct);
        return true;
    }
}
