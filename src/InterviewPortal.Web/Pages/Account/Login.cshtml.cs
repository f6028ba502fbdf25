using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewPortal.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class LoginModel(SignInManager<StaffUser> signIn, IValidator<StaffTokenRequest> validator) : PageModel
{
    [BindProperty]
    public StaffTokenRequest Input { get; set; } = new(null, null);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Input));
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(LocalReturnUrl.Or(ReturnUrl, "/"));
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? Lang.T("连续失败次数过多，账号已暂时锁定，请稍后再试。", "Too many failed attempts: the account is locked for a while.")
            : Lang.T("用户名或密码错误。", "The user name or password is wrong."));
        return Page();
    }
}
