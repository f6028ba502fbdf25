using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Infrastructure.Auth;
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
public class LoginModel(StaffSignIn staff, SignInManager<StaffUser> signIn, IValidator<StaffTokenRequest> validator) : PageModel
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
        var address = HttpContext.Connection.RemoteIpAddress;
        if ((await staff.CheckPasswordAsync(Input.UserName!, Input.Password!, address)).User is not { } user)
        {
            ModelState.AddModelError(string.Empty, StaffSignInMessages.Refused);
            return Page();
        }
        var result = await staff.SecondStepAsync(user, null, null, address);
        return await StaffSignInPages.FinishAsync(this, result, signIn, ReturnUrl);
    }
}
