using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>Browsers ask for /favicon.ico on every page whatever the markup says, and for the icons the layout links.</summary>
public partial class FaviconTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task Favicon_ico_answers_200_with_an_icon()
    {
        var response = await portal.CreateClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // the ICO header: reserved 0, type 1 (icon)
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Candidate/SignIn")]
    public async Task Every_icon_the_layout_links_answers_200_with_an_image(string page)
    {
        var client = portal.CreateClient();
        var html = await client.GetStringAsync(page);

        var icons = IconLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(icons, href => href.Contains(".svg", StringComparison.Ordinal));
        foreach (var href in icons)
        {
            var response = await client.GetAsync(WebUtility.HtmlDecode(href));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("<link rel=\"icon\" href=\"([^\"]+)\"")]
    private static partial Regex IconLink();
}
