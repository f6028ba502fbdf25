using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>Behind nginx the portal sees plain HTTP; the proxy's X-Forwarded-Proto decides whether cookies are Secure.</summary>
public class ForwardedHeadersTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task The_staff_cookie_is_secure_when_the_proxy_forwarded_https(string? forwardedProto, bool secure)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (forwardedProto is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);

        var response = await client.SignInStaffAsync("secretary2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ip.staff=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
