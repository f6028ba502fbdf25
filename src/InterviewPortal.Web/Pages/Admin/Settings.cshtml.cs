using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Settings;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public class SettingsModel(UpdateSettingsHandler settings, IValidator<SettingsInput> validator) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Input));
            return Page();
        }
        Input = await settings.HandleAsync(Input, ct);
        Saved = true;
        return Page();
    }
}
