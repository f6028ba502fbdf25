using System.Threading.RateLimiting;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// Per-address limits on every sign-in and code route (an IPv6 client counts by its /64, see <see cref="ClientAddress"/>);
/// rejected callers get a 429 problem. The address is the connection's, or the one a configured proxy forwarded.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = Texts.Get("CandidateAuth.TooManyRequests"), Detail = Texts.Get("Auth.TooManyAttemptsFromThisAddress") },
                });
            };
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Key(http) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
