using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewPortal.Web.Pages.Account;

/// <summary>The second step of a staff sign-in, for accounts that enrolled an authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class LoginWithCodeModel(StaffSignIn staff, SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await PartialSignIn.UserAsync(HttpContext, users, PartialSignIn.OwesCode) is null ? StartOver() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PartialSignIn.UserAsync(HttpContext, users, PartialSignIn.OwesCode) is not { } user)
            return StartOver();
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode) || Code?.Length > 16 || RecoveryCode?.Length > 32)
        {
            ModelState.AddModelError(nameof(Code), Texts.Get("Account.EnterThe6DigitCodeFrom"));
            return Page();
        }
        var result = await staff.SecondStepAsync(user, Code, RecoveryCode, HttpContext.Connection.RemoteIpAddress);
        if (result.Step != StaffSignInStep.SignedIn)
        {
            ModelState.AddModelError(nameof(Code), StaffSignInMessages.CodeWrong);
            return Page();
        }
        return await StaffSignInPages.FinishAsync(this, result, signIn, ReturnUrl);
    }

    private RedirectToPageResult StartOver() => RedirectToPage("/Account/Login", new { returnUrl = LocalReturnUrl.Or(ReturnUrl, "/") });
}
