using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewPortal.Web.Pages.Candidate;

/// <summary>Two steps on one page: the phone number, then the six-digit code; same handlers and limits as the API.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class SignInModel(
    RequestSignInCodeHandler codes, VerifySignInCodeHandler verifier,
    IValidator<SignInCodeRequest> phoneValidator, IValidator<CandidateTokenRequest> codeValidator, DatabaseOptions database) : PageModel
{
    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool CodeSent { get; private set; }
    public bool Demo => database.Demo;

    /// <summary>A candidate already signed in goes straight to their page.</summary>
    public IActionResult OnGet() =>
        User.IsInRole(CandidateRole.Name) ? LocalRedirect("/Me") : Page();

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        var validation = await phoneValidator.ValidateAsync(new SignInCodeRequest(Phone), ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "");
            return Page();
        }
        var outcome = await codes.HandleAsync(MobilePhone.Normalize(Phone), ClientAddress.Key(HttpContext), ct);
        if (outcome == CodeRequestOutcome.Throttled)
            ModelState.AddModelError(string.Empty, Texts.Get("Candidate.TooManyCodesRequestedFromThis"));
        else
            CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        CodeSent = true;
        var validation = await codeValidator.ValidateAsync(new CandidateTokenRequest(Phone, Code), ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "");
            return Page();
        }
        var (outcome, candidate) = await verifier.HandleAsync(MobilePhone.Normalize(Phone), Code!, ClientAddress.Key(HttpContext), ct);
        if (outcome != SignInCheck.Verified)
        {
            ModelState.AddModelError(nameof(Code), outcome == SignInCheck.Throttled
                ? Texts.Get("Candidate.TooManyAttemptsWaitAndRequest")
                : Texts.Get("Candidate.ThePhoneNumberOrCodeIs"));
            return Page();
        }
        // One person, one session: a staff session in the same browser would otherwise win over the candidate's.
        await HttpContext.SignOutAsync(AuthSchemes.StaffCookie);
        await HttpContext.SignInAsync(AuthSchemes.CandidateCookie, CandidatePrincipal.Create(candidate!, AuthSchemes.CandidateCookie));
        return LocalRedirect(LocalReturnUrl.Or(ReturnUrl, "/Me"));
    }
}
