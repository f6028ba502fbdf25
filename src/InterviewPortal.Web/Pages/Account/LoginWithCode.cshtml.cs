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
            ModelState.AddModelError(nameof(Code), Lang.T("请输入身份验证器上的6位验证码，或一个恢复码。", "Enter the 6-digit code from your authenticator app, or a recovery code."));
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
