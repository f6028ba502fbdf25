using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Security;
using System.Net.Http.Json;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>A portal behind one configured proxy, 10.0.0.5 (ForwardedHeaders:KnownProxies).</summary>
public sealed class ProxiedPortalFactory : AddressedPortalFactory
{
    public const string Proxy = "10.0.0.5";

    public ProxiedPortalFactory() : base(DatabaseProvider.Sqlite) => Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
}

/// <summary>
/// Behind nginx the portal sees plain HTTP and the proxy's address; X-Forwarded-Proto decides whether cookies are
/// Secure and X-Forwarded-For names the client, whose address the sign-in limits count. Both are read only when they
/// come from a configured proxy: from anyone else (loopback included) they would let a caller choose its own address.
/// </summary>
public partial class ForwardedHeadersTests(ProxiedPortalFactory portal, SqliteAddressedPortalFactory unconfigured)
    : IClassFixture<ProxiedPortalFactory>, IClassFixture<SqliteAddressedPortalFactory>
{
    [Theory]
    [InlineData(ProxiedPortalFactory.Proxy, "198.51.100.7", "198.51.100.7")]
    [InlineData(ProxiedPortalFactory.Proxy, "2001:db8:9::5", "2001:db8:9::/64")]
    [InlineData("127.0.0.1", "198.51.100.7", "127.0.0.1")]
    [InlineData("10.0.0.6", "198.51.100.7", "10.0.0.6")]
    public async Task The_client_address_comes_from_X_Forwarded_For_only_through_the_configured_proxy(string sender, string forwardedFor, string counted)
    {
        var client = portal.ClientFrom(sender);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        Assert.Equal(counted, await CountedAddressAsync(portal, client));
    }

    [Fact]
    public async Task Without_a_configured_proxy_no_forwarded_header_is_read_even_from_loopback()
    {
        var client = unconfigured.ClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.8");
        Assert.Equal("127.0.0.1", await CountedAddressAsync(unconfigured, client));

        var https = unconfigured.ClientFrom("127.0.0.1");
        https.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await https.GetAsync("/Account/Login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SecuritySetup.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The address a code request was counted under (SignInCodes.RequestedFrom), for a fresh unregistered number.</summary>
    private static async Task<string?> CountedAddressAsync(PortalFactory host, HttpClient client)
    {
        var phone = "199" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/candidate/auth/code", new { phone });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await host.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == phone).Select(c => c.RequestedFrom).SingleAsync());
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task The_staff_cookie_is_secure_when_the_proxy_forwarded_https(string? forwardedProto, bool secure)
    {
        // Cookies are relayed by hand, as the browser does on its side of the proxy: a cookie container would keep a
        // Secure cookie from being sent back to the test server's http:// address, which the browser never sees.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(AddressedPortalFactory.AddressHeader, ProxiedPortalFactory.Proxy);
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
