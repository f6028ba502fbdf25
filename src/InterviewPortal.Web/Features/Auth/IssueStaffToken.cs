using FluentValidation;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

public sealed record StaffTokenRequest(string? UserName, string? Password);

public sealed class StaffTokenValidator : AbstractValidator<StaffTokenRequest>
{
    public StaffTokenValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/token", IssueStaffToken)
            .Validate<StaffTokenRequest>()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchange a staff user name and password for a bearer token.");
        group.MapTokenRefresh();
        return api;
    }

    /// <summary>Same answer for an unknown user and a wrong password; repeated failures lock the account out.</summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueStaffToken(
        StaffTokenRequest request, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null)
            return Refused("The user name or password is wrong.");
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Refused("Too many failed attempts: the account is locked for a while.");
        if (!result.Succeeded)
            return Refused("The user name or password is wrong.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: AuthSchemes.Bearer);
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(title: "Sign-in refused", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
