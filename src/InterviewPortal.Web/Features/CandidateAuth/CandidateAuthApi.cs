using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.CandidateAuth;

public static class CandidateAuthApi
{
    /// <summary>One wording for every refused code, so a caller cannot tell an unknown number from a wrong, expired or used code.</summary>
    public static string RefusedDetail => Texts.Get("Candidate.ThePhoneNumberOrCodeIs");
    public static string ThrottledDetail => Texts.Get("CandidateAuth.TooManyAttemptsForThisNumber");
    public static string AddressThrottledDetail => Texts.Get("CandidateAuth.TooManyCodesRequestedFromThis");

    public static IServiceCollection AddCandidateAuth(this IServiceCollection services)
    {
        services.AddOptions<CandidateSignInOptions>().BindConfiguration(CandidateSignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInCodeMessage>().AddSingleton<SignInCodeSender>().AddHostedService(sp => sp.GetRequiredService<SignInCodeSender>());
        return services.AddSingleton<SignInCodeHasher>().AddScoped<RequestSignInCodeHandler>().AddScoped<VerifySignInCodeHandler>();
    }

    public static RouteGroupBuilder MapCandidateAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/candidate/auth").WithTags("Candidate sign-in").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        group.MapPost("/code", RequestCode).Validate<SignInCodeRequest>()
            .WithSummary("Send a six-digit sign-in code to a registered mobile number; 202 whatever the number (429 only when this address asked too often).");
        group.MapPost("/token", IssueToken).Validate<CandidateTokenRequest>()
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchange the phone and its code for a candidate bearer token.");
        return api;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestCode(
        SignInCodeRequest request, RequestSignInCodeHandler handler, HttpContext http, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(MobilePhone.Normalize(request.Phone), ClientAddress.Key(http), ct);
        return outcome == CodeRequestOutcome.Throttled
            ? TypedResults.Problem(title: Texts.Get("CandidateAuth.TooManyRequests"), detail: AddressThrottledDetail, statusCode: StatusCodes.Status429TooManyRequests)
            : TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueToken(
        CandidateTokenRequest request, VerifySignInCodeHandler handler, HttpContext http, CancellationToken ct)
    {
        var (outcome, candidate) = await handler.HandleAsync(MobilePhone.Normalize(request.Phone), request.Code!, ClientAddress.Key(http), ct);
        return outcome switch
        {
            SignInCheck.Verified => TypedResults.SignIn(CandidatePrincipal.Create(candidate!, AuthSchemes.Bearer), authenticationScheme: AuthSchemes.Bearer),
            SignInCheck.Throttled => Throttled(),
            _ => TypedResults.Problem(title: Texts.Get("Auth.SignInRefused"), detail: RefusedDetail, statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static ProblemHttpResult Throttled() =>
        TypedResults.Problem(title: Texts.Get("CandidateAuth.TooManyRequests"), detail: ThrottledDetail, statusCode: StatusCodes.Status429TooManyRequests);
}
