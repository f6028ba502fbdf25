using System.Security.Claims;
using FluentValidation;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

/// <summary>An account that enrolled an authenticator app adds its current code, or one of its recovery codes.</summary>
public sealed record StaffTokenRequest(string? UserName, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

public sealed class StaffTokenValidator : AbstractValidator<StaffTokenRequest>
{
    public StaffTokenValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
        RuleFor(r => r.TwoFactorCode).MaximumLength(16);
        RuleFor(r => r.RecoveryCode).MaximumLength(32);
    }
}

/// <summary>What a refused staff sign-in says, the same words on the page and in the API problem, whatever the cause.</summary>
public static class StaffSignInMessages
{
    public static string Refused => Texts.Get("Auth.TheUserNameOrPasswordIs");

    public static string CodeWrong => Texts.Get("Auth.TheCodeIsWrongOrWas");
}

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/token", IssueStaffToken)
            .Validate<StaffTokenRequest>()
            .RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchange a staff user name and password (and, once enrolled, an authenticator or recovery code) for a bearer token.");
        group.MapTokenRefresh();
        return api;
    }

    /// <summary>
    /// Every failure before the password is proven is one 401 problem. Only a caller who sent the right password
    /// learns more: that a code is owed (401), or that an admin must enrol first (403).
    /// </summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueStaffToken(
        StaffTokenRequest request, StaffSignIn staff, SignInManager<StaffUser> signIn, HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        var checkedPassword = await staff.CheckPasswordAsync(request.UserName!, request.Password!, address);
        if (checkedPassword.User is not { } user)
            return Problem(StatusCodes.Status401Unauthorized, "Sign-in refused", StaffSignInMessages.Refused);
        var result = await staff.SecondStepAsync(user, request.TwoFactorCode, request.RecoveryCode, address);
        switch (result.Step)
        {
            case StaffSignInStep.CodeRequired:
                return Problem(StatusCodes.Status401Unauthorized, "Two-factor code required",
                    Texts.Get("Auth.ThisAccountSignsInWithA"));
            case StaffSignInStep.CodeWrong:
                return Problem(StatusCodes.Status401Unauthorized, "Two-factor code refused", StaffSignInMessages.CodeWrong);
            case StaffSignInStep.EnrolmentRequired:
                return Problem(StatusCodes.Status403Forbidden, "Two-factor enrolment required",
                    Texts.Get("Auth.AdminsEnrolAnAuthenticatorAppBefore"));
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", result.TwoFactor ? "mfa" : "pwd"));
        return TypedResults.SignIn(principal, authenticationScheme: AuthSchemes.Bearer);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
