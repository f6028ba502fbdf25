using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Account;

/// <summary>
/// Enrol an authenticator app. Open to any signed-in staff member, and to an admin who has only given the password
/// while Auth:RequireAdminTwoFactor holds: for them this is the one page there is until the code is confirmed.
/// </summary>
[AllowAnonymous]
public class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, EnrolAuthenticator enrol) : PageModel
{
    public AuthenticatorKey? Key { get; private set; }
    public bool Enrolled { get; private set; }
    public bool Pending { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await AccountAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await AccountAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        if (await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        if (await enrol.ConfirmAsync(user, Code) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), Texts.Get("Account.TheCodeIsWrongEnterThe"));
            return await ShowAsync(user);
        }
        // Enrolling changed the security stamp; the sign-in is renewed (an admin owing enrolment is now fully in).
        if (Pending)
            await PartialSignIn.EndAsync(HttpContext);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new("amr", "mfa")]);
        RecoveryCodes = codes;
        Enrolled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await AccountAsync() is not { } user || Pending || !await users.GetTwoFactorEnabledAsync(user))
            return RedirectToPage();
        RecoveryCodes = await enrol.NewRecoveryCodesAsync(user);
        Enrolled = true;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(StaffUser user)
    {
        Enrolled = await users.GetTwoFactorEnabledAsync(user);
        if (Enrolled)
        {
            RecoveryCodesLeft = await enrol.RecoveryCodesLeftAsync(user);
            return Page();
        }
        Key = await enrol.KeyAsync(user);
        return Page();
    }

    /// <summary>The signed-in staff member, else the admin whose password was right but who owes enrolment.</summary>
    private async Task<StaffUser?> AccountAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { DisabledAt: null } staff)
            return staff;
        var pending = await PartialSignIn.UserAsync(HttpContext, users, PartialSignIn.OwesEnrolment);
        Pending = pending is not null;
        return pending;
    }
}
