using System.Text;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// "Never a 500 for bad input" at the edges the other sweeps do not reach: control characters, broken and overlong
/// UTF-8, double encoding, lone surrogates and 10,000 characters in every query parameter the portal reads and in
/// every route value, and garbage in every header it reads (its cookies, Authorization, the antiforgery header,
/// Accept-Language, X-Forwarded-*, If-None-Match, Range, Content-Type). Every page and every /api endpoint; API
/// refusals must be problem details. Parsing, not data, is on trial here, so SQLite alone.
/// </summary>
public sealed class OddInputSweepTests(SqlitePortalFactory portal, ITestOutputHelper output) : IClassFixture<SqlitePortalFactory>
{
    private readonly List<string> failures = [];
    private int requests, untransmittable;

    [Fact]
    public async Task Every_query_parameter_and_route_value_answers_odd_encodings_below_500()
    {
        var ids = await IdsAsync();
        var names = AppRoutes.QueryNames(portal);
        Assert.Contains("q", names);
        Assert.Contains("returnUrl", names, StringComparer.OrdinalIgnoreCase);
        var pageCallers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Browser(),
            ["admin"] = await StaffPagesAsync("admin"),
            ["candidate"] = (await portal.PageClientForCandidateAsync(await portal.CandidateAsync(5))).Client,
        };
        foreach (var odd in AppRoutes.OddValues)
        {
            var query = "?" + string.Join('&', names.Select(n => $"{n}={odd}"));
            foreach (var route in AppRoutes.Pages(portal))
                foreach (var (who, client) in pageCallers)
                {
                    await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, AppRoutes.Fill(route, _ => ids.Page(route)) + query), $"as {who}", api: false);
                    if (route.Contains('{'))
                        await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, AppRoutes.Fill(route, _ => odd)), $"as {who}", api: false);
                }
            // The culture switch: the one redirect outside the pages that takes its target from the caller.
            await CheckAsync(pageCallers["anonymous"], new HttpRequestMessage(HttpMethod.Get, "/culture/en-US?returnUrl=%2F" + odd), "", api: false);
            await CheckAsync(pageCallers["anonymous"], new HttpRequestMessage(HttpMethod.Get, "/culture/" + odd + "?returnUrl=" + odd), "", api: false);
            foreach (var (endpoint, client) in await ApiCallersAsync(ids))
            {
                if (endpoint.Method == "GET")
                    await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, endpoint.Url(_ => ids.Api(endpoint.Pattern)) + query), "", api: true);
                if (endpoint.Pattern.Contains('{'))
                    await CheckAsync(client, Json(endpoint.Method, endpoint.Url(_ => odd)), "", api: true);
            }
        }
        output.WriteLine($"{requests} requests ({untransmittable} the test host cannot send), {names.Count} query parameters: {string.Join(", ", names)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public async Task Every_page_and_api_endpoint_answers_garbage_headers_below_500()
    {
        var ids = await IdsAsync();
        var admin = await StaffPagesAsync("admin");
        var anonymous = Browser();
        foreach (var (what, header, value) in GarbageHeaders())
        {
            // Garbage cookies stand in for the real ones, so they go from a client that holds none.
            var pageClient = header == "Cookie" ? anonymous : admin;
            foreach (var route in AppRoutes.Pages(portal))
            {
                var url = AppRoutes.Fill(route, _ => ids.Page(route));
                await CheckAsync(pageClient, With(new HttpRequestMessage(HttpMethod.Get, url), header, value), what, api: false);
                await CheckAsync(pageClient, With(Form(url), header, value), what, api: false);
            }
            foreach (var (endpoint, client) in await ApiCallersAsync(ids))
            {
                var url = endpoint.Url(_ => ids.Api(endpoint.Pattern));
                var request = endpoint.Method == "GET" ? new HttpRequestMessage(HttpMethod.Get, url) : Json(endpoint.Method, url);
                await CheckAsync(header == "Cookie" ? portal.CreateClient() : client, With(request, header, value), what, api: true);
            }
        }
        foreach (var contentType in OddContentTypes)
        {
            foreach (var route in AppRoutes.Pages(portal))
                await CheckAsync(admin, Typed(Form(AppRoutes.Fill(route, _ => ids.Page(route))), contentType), $"Content-Type: {contentType}", api: false);
            foreach (var (endpoint, client) in await ApiCallersAsync(ids))
                if (endpoint.Method is "POST" or "PUT")
                    await CheckAsync(client, Typed(Json(endpoint.Method, endpoint.Url(_ => ids.Api(endpoint.Pattern))), contentType), $"Content-Type: {contentType}", api: true);
        }
        output.WriteLine($"{requests} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    private static IEnumerable<(string What, string Header, string Value)> GarbageHeaders()
    {
        var junk = "\u0000\u007f\u00ff字" + new string('x', 10_000);
        yield return ("garbage portal cookies", "Cookie",
            $"ip.staff=garbage%00; ip.candidate={new string('A', 5_000)}; {SecuritySetup.AntiforgeryCookieName}=%FF%C0%AF; .AspNetCore.Culture=c%3Dxx-%00%7Cuic%3D{junk[..50]}");
        yield return ("a garbage bearer token", "Authorization", "Bearer garbage.%00.\u00ff");
        yield return ("a 10,000-character bearer token", "Authorization", "Bearer " + new string('A', 10_000));
        yield return ("an odd scheme", "Authorization", "Basic %%%");
        yield return ("a garbage antiforgery header", "RequestVerificationToken", junk);
        yield return ("a garbage Accept-Language", "Accept-Language", "xx-\u0000;q=abc, " + junk);
        yield return ("garbage X-Forwarded-For", "X-Forwarded-For", "999.999.1.1, ::zz, , %00, " + junk);
        yield return ("garbage X-Forwarded-Proto", "X-Forwarded-Proto", "gopher\u0000, " + junk);
        yield return ("garbage X-Forwarded-Host", "X-Forwarded-Host", "evil.example:99999\u0000");
        yield return ("a garbage If-None-Match", "If-None-Match", "\"" + junk + "\", W/, *");
        yield return ("an impossible Range", "Range", "bytes=99999999999999999999-1, -, x-y");
    }

    private static readonly string[] OddContentTypes =
    [
        "multipart/form-data; boundary=", "multipart/form-data; boundary=\"" + new string('b', 300) + "\"",
        "application/x-www-form-urlencoded; charset=utf-7", "application/json; charset=x-no-such", "text/plain; charset=utf-16",
        ";;;", "*/*", "application/json; charset=\u00ff",
    ];

    private async Task CheckAsync(HttpClient client, HttpRequestMessage request, string what, bool api)
    {
        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(request);
        }
        catch (InvalidOperationException e) when (e.StackTrace?.Contains("Microsoft.AspNetCore.TestHost", StringComparison.Ordinal) == true)
        {
            // The in-memory host cannot carry this request at all (a NUL in the path); Kestrel answers it 400 itself.
            untransmittable++;
            request.Dispose();
            return;
        }
        using (request)
        using (var response = sent)
        {
            requests++;
            var status = (int)response.StatusCode;
            var target = request.RequestUri!.OriginalString;
            var where = $"{request.Method} {(target.Length > 120 ? target[..120] + "…" : target)} {what}";
            if (status >= 500)
                failures.Add($"{where}: {status}");
            else if (api && status >= 400 && status is not (401 or 403 or 404 or 405) && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{where}: {status} answered as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem details");
        }
    }

    private static HttpRequestMessage With(HttpRequestMessage request, string header, string value)
    {
        if (!request.Headers.TryAddWithoutValidation(header, value))
            throw new InvalidOperationException($"{header} could not be set");
        return request;
    }

    private static HttpRequestMessage Typed(HttpRequestMessage request, string contentType)
    {
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    private static HttpRequestMessage Json(string method, string url) =>
        new(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

    // Field names and values in odd encodings; no antiforgery token, so only the refusal path is exercised.
    private static HttpRequestMessage Form(string url) =>
        new(HttpMethod.Post, url) { Content = new StringContent("%FF=%C0%AF&a=%ED%A0%80&handler=%00&b=%", Encoding.ASCII, "application/x-www-form-urlencoded") };

    private async Task<List<(ApiEndpoint Endpoint, HttpClient Client)>> ApiCallersAsync(Ids ids)
    {
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = portal.CreateClient(),
            [Caller.Admin] = await portal.ClientForStaffAsync("admin"),
            [Caller.Candidate] = portal.ClientForCandidate(ids.Candidate),
        };
        var callers = new List<(ApiEndpoint, HttpClient)>();
        foreach (var endpoint in AppRoutes.Api(portal))
        {
            if (endpoint.Method is "DELETE" || !ExpectedAccess.Table.TryGetValue(endpoint.Key, out var access))
                continue;
            var caller = access.Allows(Caller.Admin) ? Caller.Admin : access.Allows(Caller.Candidate) ? Caller.Candidate : Caller.Anonymous;
            if (access.Allows(caller))
                callers.Add((endpoint, clients[caller]));
        }
        return callers;
    }

    private HttpClient Browser() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> StaffPagesAsync(string userName)
    {
        var client = Browser();
        await client.SignInStaffAsync(userName);
        return client;
    }

    private sealed record Ids(int College, int Candidate, int Room, int Interview)
    {
        public string Page(string route) =>
            (route.StartsWith("/Candidates/", StringComparison.Ordinal) ? Candidate : route.StartsWith("/Rooms/", StringComparison.Ordinal) ? Room : 1).ToString();

        public string Api(string pattern) =>
            (pattern.StartsWith("/api/v1/colleges/", StringComparison.Ordinal) ? College
            : pattern.StartsWith("/api/v1/candidates/", StringComparison.Ordinal) ? Candidate
            : pattern.StartsWith("/api/v1/rooms/", StringComparison.Ordinal) ? Room
            : pattern.StartsWith("/api/v1/interviews/", StringComparison.Ordinal) ? Interview
            : 999999).ToString();
    }

    private async Task<Ids> IdsAsync()
    {
        var room = await portal.RoomOfAsync("assistant1");
        return await portal.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.Where(i => i.ExamRoomId == room && i.Kind == InterviewKind.Exam).OrderBy(i => i.Id).FirstAsync();
            var college = await db.Candidates.Where(c => c.Id == interview.CandidateId).Select(c => c.CollegeId).FirstAsync();
            return new Ids(college, interview.CandidateId, room, interview.Id);
        });
    }
}
