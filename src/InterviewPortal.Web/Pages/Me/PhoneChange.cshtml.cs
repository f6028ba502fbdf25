using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Me;

[Authorize(Policy = Policies.Candidate)]
// The page's antiforgery check reads the form before the handler runs: the whole body is bounded (Kestrel answers 413
// past it), each file only by that, so a photo somewhat over 8 MB still gets its message next to the field.
[RequestSizeLimit(SupportingDocument.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = SupportingDocument.MaxRequestBytes)]
public class PhoneChangeModel(RequestPhoneChangeHandler handler) : PageModel
{
    [BindProperty]
    public string? NewPhone { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public IFormFile? IdCard { get; set; }

    [BindProperty]
    public IFormFile? AdmissionTicket { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public IReadOnlyList<PhoneChangeView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await handler.ListAsync(User.CandidateId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new PhoneChangeInput(NewPhone, Reason, UploadedFile.From(IdCard), UploadedFile.From(AdmissionTicket));
        var outcome = await handler.HandleAsync(User.CandidateId(), input, ct);
        if (!outcome.AddTo(ModelState, prefix: ""))
        {
            Flash = Texts.Get("Me.YourRequestWentToTheCollege");
            return RedirectToPage();
        }
        Requests = await handler.ListAsync(User.CandidateId(), ct);
        return Page();
    }
}
