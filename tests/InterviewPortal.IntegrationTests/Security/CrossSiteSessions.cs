using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Localization;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.Web.Infrastructure.Security;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>How a request presents itself to the cross-site guard.</summary>
public enum Presenting
{
    /// <summary>The session cookie, no token, from the portal's own page (Sec-Fetch-Site: same-origin).</summary>
    CookieWithoutToken,
    /// <summary>The cookie and the page's token, as the portal's own scripts send them.</summary>
    CookieWithToken,
    /// <summary>The cookie and a valid token, but Origin names a subdomain of the same university (same-site, other origin).</summary>
    TokenFromSubdomainOrigin,
    TokenFromCrossSite,
    TokenFromSameSite,
}

/// <summary>
/// A browser-like session: the cookie client signed in through the pages, and the antiforgery token read from a page
/// it may open (the client keeps the antiforgery cookie), the way the page scripts take it from the hidden field.
/// </summary>
public sealed partial class CrossSiteSession(HttpClient client, string token)
{
    public const string SubdomainOrigin = "https://club.example.edu.cn";

    public HttpClient Client { get; } = client;
    public string Token { get; } = token;

    public static async Task<CrossSiteSession> StaffAsync(PortalFactory portal, string userName)
    {
        var client = portal.CreateClient();
        (await client.SignInStaffAsync(userName)).EnsureSuccessStatusCode();
        return new CrossSiteSession(client, await TokenOfAsync(client, "/Console"));
    }

    public static async Task<CrossSiteSession> CandidateAsync(PortalFactory portal, DemoCandidate candidate)
    {
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);
        landing.EnsureSuccessStatusCode();
        return new CrossSiteSession(client, await TokenOfAsync(client, "/Me/Report"));
    }

    public static async Task<string> TokenOfAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Presenting presenting, HttpContent? content = null) =>
        Client.SendAsync(Request(method, url, presenting, Token, content));

    public static HttpRequestMessage Request(HttpMethod method, string url, Presenting presenting, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (presenting != Presenting.CookieWithoutToken && token is not null)
            request.Headers.Add("RequestVerificationToken", token);
        switch (presenting)
        {
            case Presenting.TokenFromSubdomainOrigin:
                request.Headers.Add("Origin", SubdomainOrigin);
                break;
            case Presenting.TokenFromCrossSite:
                request.Headers.Add("Sec-Fetch-Site", "cross-site");
                break;
            case Presenting.TokenFromSameSite:
                request.Headers.Add("Sec-Fetch-Site", "same-site");
                request.Headers.Add("Origin", SubdomainOrigin);
                break;
            default:
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
                request.Headers.Add("Origin", "http://localhost");
                break;
        }
        return request;
    }

    public static HttpContent Json(object body) => JsonContent.Create(body);

    public static StringContent EmptyJson() => new("{}", Encoding.UTF8, "application/json");

    /// <summary>The guard's refusal (400 no token / 403 other origin), told apart from the endpoint's own 400/403 by its title.</summary>
    public static async Task<string?> RefusalAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden))
            return null;
        var text = await response.Content.ReadAsStringAsync();
        if (!text.StartsWith('{'))
            return null;
        var title = JsonDocument.Parse(text).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        return InCulture.IsEither(title, () => CrossSiteWriteGuard.MissingTokenTitle) || InCulture.IsEither(title, () => CrossSiteWriteGuard.ForeignOriginTitle) ? title : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
