using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Rehearsals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// Every Razor page of the running app, opened by each kind of person with nonsense in its query and route, and every
/// form on it posted back (with its antiforgery token) with nonsense in each field: nothing may answer 500. A page
/// refuses with its own message, a redirect, 400 or 404.
/// </summary>
public abstract partial class PageSweepTests(PortalFactory portal, ITestOutputHelper output)
{
    // No handler name here: an unknown one is a 404 before any handler runs (see the next test), and would hide the rest.
    private const string JunkQuery = "?page=-1&pageSize=99999999&date=2026-02-31&q=%27%3B--%20%E2%80%AE&status=Nope&roomId=abc&collegeId=1e9";

    private static readonly string[] JunkValues = ["", "-1", "99999999999999999999", "2026-02-31T25:61", "'; DROP TABLE Candidates;--", new('字', 5000)];

    [Fact]
    public async Task Every_page_and_every_form_on_it_survives_nonsense_from_every_role()
    {
        var ids = await IdsAsync();
        var callers = await CallersAsync();
        var failures = new List<string>();
        int gets = 0, posts = 0;
        foreach (var route in AppRoutes.Pages(portal))
        {
            foreach (var (who, client) in callers)
            {
                foreach (var id in new[] { ids.For(route), "-1", "abc" })
                {
                    var url = AppRoutes.Fill(route, _ => id);
                    var page = await client.GetAsync(url + JunkQuery);
                    gets++;
                    if ((int)page.StatusCode >= 500)
                        failures.Add($"GET {url}{JunkQuery} as {who}: {(int)page.StatusCode}");
                }
                // The forms, from the page opened plainly (with a real id).
                var plain = AppRoutes.Fill(route, _ => ids.For(route));
                var response = await client.GetAsync(plain);
                if (response.StatusCode != HttpStatusCode.OK)
                    continue;
                var html = await response.Content.ReadAsStringAsync();
                foreach (Match form in PostForm().Matches(html))
                {
                    var action = WebUtility.HtmlDecode(Action().Match(form.Value) is { Success: true } a ? a.Groups[1].Value : plain);
                    if (action.Contains("Logout", StringComparison.OrdinalIgnoreCase) || !action.StartsWith('/'))
                        continue; // signing out would end the sweep for this person
                    var token = Token().Match(form.Value);
                    if (!token.Success)
                        continue;
                    var names = InputName().Matches(form.Value).Select(m => m.Groups[1].Value)
                        .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                    foreach (var junk in JunkValues)
                    {
                        var fields = names.Select(n => new KeyValuePair<string, string>(n, junk)).ToList();
                        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
                        var posted = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                        posts++;
                        if ((int)posted.StatusCode >= 500)
                            failures.Add($"POST {action} (form on {plain}) as {who} with every field \"{(junk.Length > 20 ? junk[..20] + "…" : junk)}\": {(int)posted.StatusCode}");
                    }
                }
            }
        }
        output.WriteLine($"{gets} page views, {posts} form posts");
        Assert.True(posts > 50, $"only {posts} form posts: the forms were not found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// A handler the page does not have (in the query, the form, or a method no handler takes) used to render the page
    /// without its model: a NullReferenceException. Now it is refused on every page, for every kind of person, and the
    /// page is never rendered as if the request had been handled (no 200).
    /// </summary>
    [Fact]
    public async Task An_unknown_handler_on_any_page_is_refused_and_never_rendered()
    {
        var ids = await IdsAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (who, client) in await CallersAsync())
        {
            // The staff sign-in form renders for anyone; its token is bound to whoever is signed in, so it serves every page.
            var token = Token().Match(await client.GetStringAsync("/Account/Login"));
            Assert.True(token.Success, $"no antiforgery token on the start page of {who}");
            var tokenValue = WebUtility.HtmlDecode(token.Groups[1].Value);
            foreach (var route in AppRoutes.Pages(portal))
            {
                var url = AppRoutes.Fill(route, _ => ids.For(route));
                foreach (var (what, request, mustRefuse) in UnknownHandlerRequests(url, tokenValue))
                {
                    var path = request.RequestUri!.OriginalString.Split('?')[0];
                    using var response = await client.SendAsync(request);
                    requests++;
                    var status = (int)response.StatusCode;
                    // The candidate's client follows redirects: a 200 from the sign-in or access-denied page is a refusal.
                    var rendered = status == 200 && response.RequestMessage?.RequestUri?.AbsolutePath == path;
                    if (status >= 500 || (mustRefuse && rendered))
                        failures.Add($"{what} as {who}: {status}");
                }
            }
        }
        output.WriteLine($"{requests} requests with unknown handlers");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string What, HttpRequestMessage Request, bool MustRefuse)> UnknownHandlerRequests(string url, string token)
    {
        const string unknown = "?handler=NoSuchHandler";
        yield return ($"GET {url}{unknown}", new HttpRequestMessage(HttpMethod.Get, url + unknown), true);
        yield return ($"POST {url}{unknown}", Post(HttpMethod.Post, url + unknown, token), true);
        yield return ($"POST {url} with the form field handler=NoSuchHandler", Post(HttpMethod.Post, url, token, ("handler", "NoSuchHandler")), true);
        // Pages with an unnamed OnPost answer this one legitimately; the rest must not render without their model.
        yield return ($"POST {url} (no handler)", Post(HttpMethod.Post, url, token), false);
        yield return ($"PUT {url}", Post(HttpMethod.Put, url, token), true);
        yield return ($"DELETE {url}", Post(HttpMethod.Delete, url, token), true);
    }

    private static HttpRequestMessage Post(HttpMethod method, string url, string token, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    private async Task<Dictionary<string, HttpClient>> CallersAsync() => new()
    {
        ["anonymous"] = Browser(),
        ["admin"] = await StaffAsync("admin"),
        ["secretary"] = await StaffAsync("secretary1"),
        ["assistant"] = await StaffAsync("assistant1"),
        ["candidate"] = (await portal.PageClientForCandidateAsync(await portal.CandidateAsync(5))).Client,
    };

    private HttpClient Browser() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> StaffAsync(string userName)
    {
        var client = Browser();
        await client.SignInStaffAsync(userName);
        return client;
    }

    private sealed record Ids(string Candidate, string Room)
    {
        public string For(string route) =>
            route.StartsWith("/Candidates/", StringComparison.Ordinal) ? Candidate
            : route.StartsWith("/Rooms/", StringComparison.Ordinal) ? Room
            : "1";
    }

    private async Task<Ids> IdsAsync()
    {
        var room = await portal.RoomOfAsync("assistant1");
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room && i.Kind == InterviewKind.Exam).Select(i => i.CandidateId).FirstAsync());
        return new Ids(candidate.ToString(), room.ToString());
    }

    [GeneratedRegex(@"<form\b[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex(@"^<form\b[^>]*\baction=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Action();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();

    [GeneratedRegex(@"<(?:input|textarea|select)\b[^>]*\bname=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex InputName();
}

/// <summary>SQLite keeps any length in a text column; PostgreSQL refuses one over its limit, so a missing length check shows there.</summary>
public sealed class SqlitePageSweepTests(SqlitePortalFactory portal, ITestOutputHelper output) : PageSweepTests(portal, output), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresPageSweepTests(PostgresPortalFactory portal, ITestOutputHelper output) : PageSweepTests(portal, output), IClassFixture<PostgresPortalFactory>;
