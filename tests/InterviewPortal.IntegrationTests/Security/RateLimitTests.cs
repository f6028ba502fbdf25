using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>A portal with a sign-in limit of 3 a minute per address, to prove every sign-in route is throttled.</summary>
public sealed class ThrottledPortalFactory : PortalFactory
{
    public ThrottledPortalFactory() => Settings["RateLimits:SignInPerMinute"] = "3";
}

public class RateLimitTests(ThrottledPortalFactory portal) : IClassFixture<ThrottledPortalFactory>
{
    [Fact]
    public async Task The_staff_token_route_answers_429_after_the_limit()
    {
        var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "wrong-password" })).StatusCode);
        // Both tests share one address and one limit, so only the refusals at the end are certain.
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var last = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "wrong-password" });
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_staff_login_page_answers_429_after_the_limit()
    {
        var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
