using System.Net.Http.Headers;
using System.Text;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// "Never a 500 for bad input", checked on every /api endpoint of the running app, not on a hand-kept list: each
/// body-taking endpoint gets broken, mistyped, oversized and wrongly labelled bodies, and each GET gets nonsense in
/// its query, sent by a caller the endpoint lets in, with ids of records that exist so the body is really read.
/// Every answer must be below 500, and a refusal must be problem details, not a page.
/// </summary>
public abstract class BadInputSweepTests(PortalFactory portal, ITestOutputHelper output)
{
    private static readonly string Long = new('长', 100_000);

    private static readonly (string Name, string Body, string ContentType)[] Bodies =
    [
        ("truncated JSON", "{\"name\": \"张", "application/json"),
        ("an array", "[1, 2, 3]", "application/json"),
        ("a string", "\"hello\"", "application/json"),
        ("null", "null", "application/json"),
        ("wrong types", """
            {"id":"abc","name":12345678901234567890,"collegeId":"x","majorId":1e400,"roomId":-1,"startsAt":"not a date",
             "startsAtLocal":"2026-13-45T25:61","durationMinutes":-5,"date":"31/02/2026","status":"NoSuchStatus","kind":42,
             "message":null,"reason":{"a":1},"ids":[null,"x",1.5],"candidateIds":"1,2","phone":[],"code":true,"password":{}}
            """, "application/json"),
        ("oversized strings", $$"""{"name":"{{Long}}","message":"{{Long}}","reason":"{{Long}}","examNumber":"{{Long}}"}""", "application/json"),
        ("nested too deep", new string('[', 200) + new string(']', 200), "application/json"),
        ("plain text", "name=张三", "text/plain"),
        ("multipart without a boundary", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--", "multipart/form-data"),
        ("form fields instead of a file", "photo=abc&file=def", "application/x-www-form-urlencoded"),
    ];

    private const string JunkQuery =
        "?page=-1&pageSize=999999999&date=2026-02-31&from=notadate&to=%00&status=Nope&kind=-7&collegeId=abc&roomId=1e9"
        + "&q=%27%3B--%20%E2%80%AE&sort=%3Cscript%3E&search=" + "x";

    [Fact]
    public async Task Every_api_endpoint_answers_broken_bodies_and_junk_queries_below_500_with_problem_details()
    {
        var ids = await IdsAsync();
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = portal.CreateClient(),
            [Caller.Admin] = await portal.ClientForStaffAsync("admin"),
            [Caller.Candidate] = portal.ClientForCandidate(ids.CandidateOfRoom),
        };
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in AppRoutes.Api(portal))
        {
            if (endpoint.Method is "DELETE" || !ExpectedAccess.Table.TryGetValue(endpoint.Key, out var access))
                continue;
            var caller = access.Allows(Caller.Admin) ? Caller.Admin : access.Allows(Caller.Candidate) ? Caller.Candidate : Caller.Anonymous;
            if (!access.Allows(caller))
                continue;
            var url = endpoint.Url(name => Fill(endpoint.Pattern, name, ids));
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                foreach (var (name, body, contentType) in Bodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url)
                    {
                        Content = new StringContent(body, Encoding.UTF8),
                    };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                    await CheckAsync(clients[caller], request, $"{endpoint.Key} as {caller} with {name}", failures);
                    calls++;
                }
            }
            else
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url + JunkQuery);
                await CheckAsync(clients[caller], request, $"{endpoint.Key} as {caller} with a junk query", failures);
                calls++;
            }
        }
        output.WriteLine($"{calls} calls");
        Assert.True(calls > 200, $"only {calls} calls: the endpoint list or the access table went missing");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500)
            failures.Add($"{what}: {status} {Snippet(await response.Content.ReadAsStringAsync())}");
        else if (status >= 400 && status != 401 && status != 403 && status != 404 && mediaType != "application/problem+json")
            failures.Add($"{what}: {status} answered as {mediaType ?? "no content type"}, not problem details");
    }

    private static string Snippet(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private sealed record Ids(int College, int Candidate, int Room, int Interview, int CandidateOfRoom);

    private static string Fill(string pattern, string parameter, Ids ids) => parameter switch
    {
        "id" when pattern.StartsWith("/api/v1/colleges/", StringComparison.Ordinal) => ids.College.ToString(),
        "id" when pattern.StartsWith("/api/v1/candidates/", StringComparison.Ordinal) => ids.Candidate.ToString(),
        "id" when pattern.StartsWith("/api/v1/rooms/", StringComparison.Ordinal) => ids.Room.ToString(),
        "id" when pattern.StartsWith("/api/v1/interviews/", StringComparison.Ordinal) => ids.Interview.ToString(),
        "name" => "no-such-name",
        _ => "999999",
    };

    private async Task<Ids> IdsAsync()
    {
        var room = await portal.RoomOfAsync("assistant1");
        return await portal.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.Where(i => i.ExamRoomId == room && i.Kind == InterviewKind.Exam).OrderBy(i => i.Id).FirstAsync();
            var candidate = await db.Candidates.Where(c => c.Id == interview.CandidateId).Select(c => new { c.Id, c.CollegeId }).FirstAsync();
            return new Ids(candidate.CollegeId, candidate.Id, room, interview.Id, candidate.Id);
        });
    }
}

/// <summary>SQLite keeps any length in a text column; PostgreSQL refuses one over its limit, so a missing length check shows there.</summary>
public sealed class SqliteBadInputSweepTests(SqlitePortalFactory portal, ITestOutputHelper output) : BadInputSweepTests(portal, output), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresBadInputSweepTests(PostgresPortalFactory portal, ITestOutputHelper output) : BadInputSweepTests(portal, output), IClassFixture<PostgresPortalFactory>;
