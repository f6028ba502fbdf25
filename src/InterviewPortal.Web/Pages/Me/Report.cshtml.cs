using FluentValidation;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>
/// "Wrong college or major?": the report form and the reports sent with the college's answers. Its own page, not a
/// form on My interview: few candidates ever send one, and the form (an antiforgery token, tag helpers, the list
/// query) was most of the cost of the page every candidate reloads on exam day.
/// </summary>
[Authorize(Policy = Policies.Candidate)]
public class ReportModel(CreateAssignmentReportHandler reports, IValidator<AssignmentReportRequest> validator) : PageModel
{
    public IReadOnlyList<AssignmentReportView> Reports { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Reports = await reports.ListAsync(User.CandidateId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new AssignmentReportRequest(Message);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "");
            Reports = await reports.ListAsync(User.CandidateId(), ct);
            return Page();
        }
        if (await reports.HandleAsync(User.CandidateId(), request, ct) is null)
            return NotFound();
        Flash = Texts.Get("Me.SentToYourCollegeSecretaryThe");
        return RedirectToPage();
    }
}
