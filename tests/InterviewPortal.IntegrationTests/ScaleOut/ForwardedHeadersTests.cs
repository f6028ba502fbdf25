using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>Behind nginx the portal sees plain HTTP; the proxy's X-Forwarded-Proto decides whether cookies are Secure.</summary>
public partial class ForwardedHeadersTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task The_staff_cookie_is_secure_when_the_proxy_forwarded_https(string? forwardedProto, bool secure)
    {
        // Cookies are relayed by hand, as the browser does on its side of the proxy: a cookie container would keep a
        // Secure cookie from being sent back to the test server's http:// address, which the browser never sees.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (forwardedProto is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);

        var form = await client.GetAsync("/Account/Login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SecuritySetup.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync());
        Assert.True(token.Success);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "secretary2",
                ["Input.Password"] = PortalFactory.DemoPassword,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ip.staff=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
