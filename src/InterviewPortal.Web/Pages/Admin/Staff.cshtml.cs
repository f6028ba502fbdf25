using System.Security.Claims;
using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Colleges;
using InterviewPortal.Web.Features.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public class StaffModel(
    StaffAccountsHandler accounts, ChangeStaffAccessHandler access, SaveCollegeHandler colleges,
    IValidator<StaffAccountInput> validator, IValidator<StaffRoleInput> roleValidator) : PageModel
{
    [BindProperty] public StaffAccountInput Input { get; set; } = new();

    public List<StaffAccountItem> Accounts { get; private set; } = [];
    public List<CollegeItem> Colleges { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var validation = await validator.ValidateAsync(Input, ct);
        if (!validation.IsValid)
            validation.AddTo(ModelState, nameof(Input));
        else if (await accounts.CreateAsync(Input, ct) is { Succeeded: false } refused)
            refused.AddTo(ModelState, nameof(Input));
        else
        {
            Message = Texts.Get("Admin.AccountCreated", Input.UserName);
            Input = new();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string id, string? password, CancellationToken ct) =>
        await Finish(await accounts.ResetPasswordAsync(id, password, ct), Texts.Get("Admin.ThePasswordWasReset"), ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await Finish(await accounts.UnlockAsync(id, ct), Texts.Get("Admin.TheAccountWasUnlocked"), ct);

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await Finish(await access.DisableAsync(id, Me, ct), Texts.Get("Admin.TheAccountWasDisabledAndAll"), ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await Finish(await access.EnableAsync(id, ct), Texts.Get("Admin.TheAccountWasEnabled"), ct);

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role, int? collegeId, CancellationToken ct)
    {
        var input = new StaffRoleInput(role, collegeId);
        var validation = await roleValidator.ValidateAsync(input, ct);
        var result = validation.IsValid
            ? await access.ChangeRoleAsync(id, input, Me, ct)
            : Outcome.Invalid(validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        return await Finish(result, Texts.Get("Admin.TheRoleWasChangedTheAccount"), ct);
    }

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<IActionResult> Finish(Outcome<Done> result, string done, CancellationToken ct)
    {
        if (result.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (result.Succeeded)
            Message = done;
        else
            Error = result.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = await accounts.ListAsync(ct);
        Colleges = await colleges.ListAsync(ct);
    }
}
