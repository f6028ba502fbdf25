using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.Security;

public class FormAndRedirectTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin",
            ["Input.Password"] = PortalFactory.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ip.staff=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Sign_in_and_the_culture_switch_never_redirect_off_site(string target)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var culture = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString(target)}");
        Assert.Equal("/", culture.Headers.Location?.OriginalString);

        var login = await client.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(target)}",
            new Dictionary<string, string> { ["Input.UserName"] = "secretary2", ["Input.Password"] = PortalFactory.DemoPassword, ["ReturnUrl"] = target },
            formPage: "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    public static TheoryData<string> UnsafeLocalTargets =>
    [
        "/\nSet-Cookie: a=b", "/\r\nLocation: https://evil.example/", "/a\u0000b", "/a\u007fb", "/a\u0085b", "/a\u2028b", "/a\u2029b", "/" + new string('x', 2_000),
    ];

    [Theory]
    [MemberData(nameof(UnsafeLocalTargets))]
    public async Task A_return_url_with_a_control_character_or_absurd_length_falls_back_to_the_start_page(string target)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var culture = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString(target)}");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location?.OriginalString);

        var login = await client.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(target)}",
            new Dictionary<string, string> { ["Input.UserName"] = "secretary2", ["Input.Password"] = PortalFactory.DemoPassword, ["ReturnUrl"] = target },
            formPage: "/Account/Login");
        // ASP.NET Core refuses a posted form holding a NUL with 400 before the page runs; anything else signs in and goes home.
        Assert.True(login.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)login.StatusCode}");
        if (login.StatusCode == HttpStatusCode.Redirect)
            Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_url_in_chinese_is_followed_percent_encoded()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var culture = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString("/Candidates?q=张 三")}");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/Candidates?q=%E5%BC%A0%20%E4%B8%89", culture.Headers.Location?.OriginalString);
    }
}
