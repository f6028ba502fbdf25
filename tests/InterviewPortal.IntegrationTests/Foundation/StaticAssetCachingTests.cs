using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>A fingerprinted file (asp-append-version) may be kept a year; any other URL of it is revalidated as before.</summary>
public partial class StaticAssetCachingTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [GeneratedRegex("href=\"(/css/site\\.css\\?v=[^\"]+)\"")]
    private static partial Regex FingerprintedStylesheet();

    [Fact]
    public async Task The_fingerprinted_url_a_page_links_is_immutable_and_no_other_url_of_the_file_is()
    {
        var client = portal.CreateClient();
        var html = await client.GetStringAsync("/Candidate/SignIn");
        var url = FingerprintedStylesheet().Match(html).Groups[1].Value;
        Assert.NotEmpty(url);

        var fingerprinted = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        var cache = fingerprinted.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");

        foreach (var other in new[] { "/css/site.css", "/css/site.css?v=not-its-hash" })
        {
            var response = await client.GetAsync(other);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }
}
