using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

/// <summary>The admin edits the exam rules and integrity pledge; saving publishes a new version.</summary>
[Authorize(Policy = Policies.Admin)]
public class PledgeModel(PublishPledgeHandler handler, IValidator<PublishPledgeRequest> validator) : PageModel
{
    [BindProperty]
    public PublishPledgeRequest Input { get; set; } = new(null, null);

    public List<PledgeVersionItem> Versions { get; private set; } = [];

    [TempData]
    public int? Published { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await handler.ListAsync(ct);
        if (Versions.FirstOrDefault() is { } current)
            Input = new PublishPledgeRequest(current.TextZh, current.TextEn);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Input));
            Versions = await handler.ListAsync(ct);
            return Page();
        }
        var item = await handler.HandleAsync(Input, ct);
        Published = item.Version;
        return RedirectToPage();
    }
}
