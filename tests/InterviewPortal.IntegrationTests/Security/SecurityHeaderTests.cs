using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using InterviewPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.Security;

public class SecurityHeaderTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/candidates")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=(self)", Header(response, "Permissions-Policy"));
        Assert.Contains("microphone=(self)", Header(response, "Permissions-Policy"));
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Fact]
    public void The_page_policy_allows_no_inline_script_no_framing_and_no_plugins()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]); // no socket or fetch to any other host
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.SwaggerContentSecurityPolicy.Split(';').Single(d => d.Trim().StartsWith("script-src")));
    }

    [Fact]
    public async Task Pages_render_no_inline_script_and_no_style_or_event_attributes()
    {
        var client = portal.CreateClient();
        await client.SignInStaffAsync("admin");
        foreach (var path in new[] { "/", "/Account/Login", "/Admin/Pledge", "/College/Pledge", "/College/Rehearsals" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch(@"\sstyle=""", html);
            Assert.DoesNotMatch(@"\son[a-z]+=""", html);
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        var https = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false });
        var response = await https.GetAsync("/Account/Login");
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"));
        var plain = await portal.CreateClient().GetAsync("/Account/Login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Sign_in_and_antiforgery_cookies_are_secure_http_only_and_same_site_over_https()
    {
        var https = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false });
        var login = await https.GetAsync("/Account/Login");
        var antiforgery = Cookie(login, SecuritySetup.AntiforgeryCookieName);
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        var signedIn = await https.SignInStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var staff = Cookie(signedIn, "ip.staff");
        Assert.Contains("secure", staff);
        Assert.Contains("httponly", staff);
        // Strict since issue 16 (it was Lax): a same-site subdomain's link or form must not bring the staff session along.
        Assert.Contains("samesite=strict", staff);
    }

    [Fact]
    public async Task Swagger_is_for_admins_only_outside_development()
    {
        var anonymous = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location?.ToString());

        var bearerAnonymous = await portal.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/swagger/index.html") { Headers = { { "Authorization", "Bearer not-a-token" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, bearerAnonymous.StatusCode);

        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/swagger/index.html")).StatusCode);

        var admin = await portal.ClientForStaffAsync("admin");
        var document = await admin.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/v1/me/pledge", await document.Content.ReadAsStringAsync());
        var ui = await admin.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal(SecurityHeaders.SwaggerContentSecurityPolicy, Header(ui, "Content-Security-Policy"));
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", await ui.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swagger_is_open_in_development()
    {
        using var development = new DevelopmentPortalFactory();
        var response = await development.CreateClient().GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie.ToLowerInvariant()
            : throw new Xunit.Sdk.XunitException($"No {name} cookie set by {response.RequestMessage?.RequestUri}");

    private sealed class DevelopmentPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            // Development turns on DI scope validation, which (at the time of writing) refuses the singleton
            // SimulatedWeLinkGateway taking the scoped DbContextOptions; this test is about Swagger, not DI.
            builder.UseDefaultServiceProvider(o => { o.ValidateOnBuild = false; o.ValidateScopes = false; });
        }
    }
}
