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
}
