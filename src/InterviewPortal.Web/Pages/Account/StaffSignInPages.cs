using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Account;

/// <summary>Where a page sign-in goes once the password is right: home, the code step, or the enrolment page.</summary>
public static class StaffSignInPages
{
    public static async Task<IActionResult> FinishAsync(PageModel page, StaffSignInResult result, SignInManager<StaffUser> signIn, string? returnUrl)
    {
        var back = LocalReturnUrl.Or(returnUrl, "/");
        switch (result.Step)
        {
            case StaffSignInStep.SignedIn:
                await PartialSignIn.EndAsync(page.HttpContext);
                await signIn.SignInWithClaimsAsync(result.User!, isPersistent: false, [new("amr", result.TwoFactor ? "mfa" : "pwd")]);
                return page.LocalRedirect(back);
            case StaffSignInStep.CodeRequired:
                await PartialSignIn.StartAsync(page.HttpContext, result.User!, PartialSignIn.OwesCode);
                return page.RedirectToPage("/Account/LoginWithCode", new { returnUrl = back });
            case StaffSignInStep.EnrolmentRequired:
                await PartialSignIn.StartAsync(page.HttpContext, result.User!, PartialSignIn.OwesEnrolment);
                return page.RedirectToPage("/Account/TwoFactor");
            default:
                page.ModelState.AddModelError(string.Empty, StaffSignInMessages.Refused);
                return page.Page();
        }
    }
}
