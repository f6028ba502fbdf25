using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Localization;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.Web.Infrastructure.Security;
using Xunit.Abstractions;
using static InterviewPortal.IntegrationTests.Security.CrossSiteSession;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// The cross-site matrix: every unsafe route of the running app (its /api endpoints and the hubs' negotiation, taken
/// from the live endpoint list) called with a staff cookie and with a candidate cookie, without the token, with it,
/// and with it from another origin; and with a bearer token, which needs none. Ids name no record, so a request the
/// guard lets through is refused by the endpoint itself (404/400) and nothing changes; CrossSiteDataTests checks the
/// data when writes do reach real records.
/// </summary>
public class CrossSiteWriteTests(SqlitePortalFactory portal, ITestOutputHelper output) : IClassFixture<SqlitePortalFactory>
{
    private const string MissingId = "999999";
    private static readonly string[] Unsafe = ["POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] Hubs = ["/hubs/exam-day/negotiate?negotiateVersion=1", "/hubs/ping/negotiate?negotiateVersion=1"];

    [Fact]
    public async Task Every_unsafe_route_refuses_a_cookie_without_token_or_from_another_origin_and_takes_a_token_or_a_bearer()
    {
        var staff = await StaffAsync(portal, "admin");
        var candidate = await CandidateAsync(portal, await portal.CandidateAsync(20));
        var bearer = await portal.ClientForStaffAsync("admin");
        var routes = AppRoutes.Api(portal).Where(e => Unsafe.Contains(e.Method)).Select(e => (e.Method, Url: e.Url(_ => MissingId)))
            .Concat(Hubs.Select(h => ("POST", h))).ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} unsafe routes found");

        var failures = new List<string>();
        foreach (var (method, url) in routes)
        {
            foreach (var (who, session) in new[] { ("staff", staff), ("candidate", candidate) })
            {
                await Expect(session, method, url, Presenting.CookieWithoutToken, InCulture.For(url, () => CrossSiteWriteGuard.MissingTokenTitle), 400, who, failures);
                await Expect(session, method, url, Presenting.TokenFromSubdomainOrigin, InCulture.For(url, () => CrossSiteWriteGuard.ForeignOriginTitle), 403, who, failures);
                await Expect(session, method, url, Presenting.TokenFromCrossSite, InCulture.For(url, () => CrossSiteWriteGuard.ForeignOriginTitle), 403, who, failures);
                await Expect(session, method, url, Presenting.TokenFromSameSite, InCulture.For(url, () => CrossSiteWriteGuard.ForeignOriginTitle), 403, who, failures);
                await Expect(session, method, url, Presenting.CookieWithToken, null, null, who, failures);
            }
            // A bearer caller sends no token, and a foreign Origin does not matter: no browser attaches a bearer token on its own.
            var request = Request(new HttpMethod(method), url, Presenting.TokenFromCrossSite, token: null, EmptyJson());
            using var response = await bearer.SendAsync(request);
            if ((int)response.StatusCode >= 500 || await RefusalAsync(response) is not null)
                failures.Add($"{method} {url} with a bearer token: {(int)response.StatusCode} {await RefusalAsync(response)}");
        }
        output.WriteLine($"{routes.Count} unsafe routes, {routes.Count * 11} calls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_hub_negotiation_takes_a_cookie_only_with_the_token_and_its_socket_only_from_this_origin()
    {
        var assistant = await StaffAsync(portal, "assistant1");
        var negotiate = "/hubs/exam-day/negotiate?negotiateVersion=1";

        Assert.Equal(HttpStatusCode.BadRequest, (await assistant.SendAsync(HttpMethod.Post, negotiate, Presenting.CookieWithoutToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.SendAsync(HttpMethod.Post, negotiate, Presenting.TokenFromSameSite)).StatusCode);
        var ok = await assistant.SendAsync(HttpMethod.Post, negotiate, Presenting.CookieWithToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("connectionToken", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The WebSocket upgrade is a GET: browsers always send its Origin, and another origin's page may not open it with the cookie.
        var socket = Request(HttpMethod.Get, "/hubs/exam-day?id=anything", Presenting.TokenFromSubdomainOrigin, token: null);
        var refused = await assistant.Client.SendAsync(socket);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(InCulture.Chinese(() => CrossSiteWriteGuard.ForeignOriginTitle), await RefusalAsync(refused));

        var bearer = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync(negotiate, null)).StatusCode);
    }

    [Fact]
    public async Task Every_page_refuses_a_cookie_post_without_the_token_and_a_post_from_a_subdomain()
    {
        var staff = await StaffAsync(portal, "admin");
        var pages = AppRoutes.Pages(portal).Where(p => p != CrossSiteWriteGuard.SignOutPath).Select(p => AppRoutes.Fill(p, _ => "1")).ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found");
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
            var bare = await staff.SendAsync(HttpMethod.Post, page + "?handler=Delete", Presenting.CookieWithoutToken, form);
            if (bare.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"POST {page} without token: {(int)bare.StatusCode}");
            var subdomain = await staff.SendAsync(HttpMethod.Post, page + "?handler=Delete", Presenting.TokenFromSameSite,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = staff.Token }));
            if (subdomain.StatusCode != HttpStatusCode.Forbidden)
                failures.Add($"POST {page} with the token from a same-site subdomain: {(int)subdomain.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Still signed in: none of these posts did anything, sign-out included.
        Assert.Contains("Account/Logout", await staff.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_minted_for_another_user_does_not_pass()
    {
        var secretary = await StaffAsync(portal, "secretary1");
        var other = await StaffAsync(portal, "secretary2");
        var request = Request(HttpMethod.Post, $"/api/v1/interviews/{MissingId}/cancel", Presenting.CookieWithToken, other.Token);
        var response = await secretary.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InCulture.English(() => CrossSiteWriteGuard.MissingTokenTitle), await RefusalAsync(response));
    }

    [Fact]
    public async Task The_job_dashboard_posts_with_its_own_token_header_and_is_refused_without_it()
    {
        var admin = await StaffAsync(portal, "admin");
        var html = await admin.Client.GetStringAsync("/hangfire/recurring");
        var header = Regex.Match(html, "<meta name=\"csrf-header\" content=\"([^\"]+)\"");
        var token = Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        Assert.True(header.Success && token.Success, "the dashboard carries no antiforgery token for its scripts");
        FormUrlEncodedContent Jobs() => new([new("jobs[]", "no-such-job")]);

        var bare = await admin.SendAsync(HttpMethod.Post, "/hangfire/recurring/trigger", Presenting.CookieWithoutToken, Jobs());
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        // What the dashboard's script sends: its header, named by the page, which is the portal's antiforgery header.
        var request = Request(HttpMethod.Post, "/hangfire/recurring/trigger", Presenting.CookieWithoutToken, token: null, Jobs());
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        var sent = await admin.Client.SendAsync(request);
        Assert.True((int)sent.StatusCode < 400, $"{(int)sent.StatusCode}");
    }

    private static async Task Expect(CrossSiteSession session, string method, string url, Presenting presenting, string? title, int? status, string who, List<string> failures)
    {
        using var response = await session.SendAsync(new HttpMethod(method), url, presenting, EmptyJson());
        var refusal = await RefusalAsync(response);
        var ok = title is null
            ? refusal is null && (int)response.StatusCode < 500
            : refusal == title && (int)response.StatusCode == status;
        if (!ok)
            failures.Add($"{method} {url} as {who} {presenting}: {(int)response.StatusCode} {refusal}, expected {(title is null ? "not refused by the guard" : $"{status} {title}")}");
    }
}
