using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Inbox;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Inbox;

/// <summary>The secretary's inbox: assignment reports to answer, phone changes to approve or refuse (same handlers as /api/v1/inbox).</summary>
[Authorize(Policy = Policies.Planner)]
public class IndexModel(InboxQueries queries, AnswerRequestsHandler handler, PhoneChangeDocuments documents,
    IValidator<AnswerInput> answers, IValidator<RefuseInput> refusals) : PageModel
{
    public List<AssignmentReportItem> Reports { get; private set; } = [];
    public List<PhoneChangeRequestItem> PhoneChanges { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public int? ErrorFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A scan of an open phone-change request: the same bytes, headers and audit as the API's documents route.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, string? document, CancellationToken ct)
    {
        if (!SupportingDocument.TryParse(document, out var kind) || await documents.ViewAsync(id, kind, HttpContext.TraceIdentifier, ct) is not { } scan)
            return NotFound();
        PhoneChangeDocuments.WriteHeaders(Response, scan);
        return File(scan.Content, PhoneChangeScan.ContentType);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, string? answer, CancellationToken ct)
    {
        var input = new AnswerInput(answer);
        var validation = await answers.ValidateAsync(input, ct);
        return await Finish(id, validation.IsValid ? await handler.AnswerReportAsync(id, input, ct) : Invalid(validation), ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => await Finish(id, await handler.ApprovePhoneChangeAsync(id, ct), ct);

    public async Task<IActionResult> OnPostRefuseAsync(int id, string? reason, CancellationToken ct)
    {
        var input = new RefuseInput(reason);
        var validation = await refusals.ValidateAsync(input, ct);
        return await Finish(id, validation.IsValid ? await handler.RefusePhoneChangeAsync(id, input, ct) : Invalid(validation), ct);
    }

    private static Refusal Invalid(FluentValidation.Results.ValidationResult validation) => Outcome.Invalid(validation.ToErrorDictionary());

    private async Task<IActionResult> Finish(int id, Outcome<int> result, CancellationToken ct)
    {
        if (result.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            Message = Infrastructure.Localization.Texts.Get("Inbox.Done");
        else
            (Error, ErrorFor) = (result.Message, id);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Reports = await queries.AssignmentReportsAsync(null, ct);
        PhoneChanges = await queries.PhoneChangeRequestsAsync(null, ct);
    }
}
