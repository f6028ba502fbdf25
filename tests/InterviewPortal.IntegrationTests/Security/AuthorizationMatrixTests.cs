using System.Net;
using System.Text;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// Takes the endpoint list from the running app (not from a hand-kept list), so a new /api route that is not
/// in <see cref="ExpectedAccess.Table"/> fails here; then calls each one as anonymous, as each role, and as a
/// caller of the wrong college or room, and checks the answer against the table.
/// </summary>
public class AuthorizationMatrixTests(SqlitePortalFactory portal, ITestOutputHelper output) : IClassFixture<SqlitePortalFactory>
{
    // An id no record has: the role check must not act on data, only be let in (404/400) or kept out (401/403).
    private const string MissingId = "999999";

    [Fact]
    public void Every_api_endpoint_has_an_entry_in_the_expected_access_table()
    {
        var missing = ApiEndpoints().Select(e => e.Key).Where(k => !ExpectedAccess.Table.ContainsKey(k)).Distinct().ToList();
        Assert.True(missing.Count == 0,
            "These API endpoints have no entry in tests/InterviewPortal.IntegrationTests/Security/ExpectedAccess.cs; "
            + "add each with the roles allowed to call it (and .On(Resource...) when its {id} is a scoped record):\n  "
            + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_anonymous_callers_and_each_role_as_the_table_says()
    {
        var clients = await ClientsAsync();
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in ApiEndpoints())
        {
            if (!ExpectedAccess.Table.TryGetValue(endpoint.Key, out var access))
                continue; // reported by the test above
            foreach (var (caller, client) in clients)
            {
                var status = await SendAsync(client, endpoint, _ => MissingId);
                calls++;
                var expected = access.Allows(caller);
                var ok = caller == Caller.Anonymous && !expected
                    ? status == HttpStatusCode.Unauthorized
                    : expected
                        ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                        : status == HttpStatusCode.Forbidden;
                if (!ok)
                    failures.Add($"{endpoint.Key} as {caller}: {(int)status}, expected {(expected ? "to be let in (not 401/403/5xx)" : caller == Caller.Anonymous ? "401" : "403")}");
            }
        }
        output.WriteLine($"{calls} calls to {ApiEndpoints().Count} endpoints");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Scoped_endpoints_never_answer_with_another_colleges_records()
    {
        var clients = await ClientsAsync();
        var foreign = await ForeignIdsAsync();
        var failures = new List<string>();
        foreach (var endpoint in ApiEndpoints())
        {
            if (!ExpectedAccess.Table.TryGetValue(endpoint.Key, out var access) || access.Scope == Resource.None)
                continue;
            // Admins see everything by design; the scoped roles are the ones that must be held to their college or rooms.
            foreach (var caller in access.Roles.Where(r => r is Caller.Secretary or Caller.Assistant or Caller.Candidate))
            {
                var status = await SendAsync(clients[caller], endpoint, _ => foreign[access.Scope]);
                if ((int)status is < 400 or >= 500 or 401 or 409)
                    failures.Add($"{endpoint.Key} as {caller} with {access.Scope} {foreign[access.Scope]} of the other college: {(int)status}, expected 403/404 (or a 4xx refusal of the body)");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private List<ApiEndpoint> ApiEndpoints() => AppRoutes.Api(portal);

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, ApiEndpoint endpoint, Func<string, string> fill)
    {
        var url = endpoint.Url(fill);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<Dictionary<Caller, HttpClient>> ClientsAsync()
    {
        var room = await portal.RoomOfAsync("assistant1");
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room).Select(i => i.CandidateId).FirstAsync());
        return new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = portal.CreateClient(),
            [Caller.Admin] = await portal.ClientForStaffAsync("admin"),
            [Caller.Secretary] = await portal.ClientForStaffAsync("secretary1"),
            [Caller.Assistant] = await portal.ClientForStaffAsync("assistant1"),
            [Caller.Candidate] = portal.ClientForCandidate(candidate),
        };
    }

    /// <summary>Records of the second college (secretary2, assistant2's room): out of scope for every scoped caller above.</summary>
    private async Task<Dictionary<Resource, string>> ForeignIdsAsync()
    {
        var room = await portal.RoomOfAsync("assistant2");
        return await portal.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.Where(i => i.ExamRoomId == room && i.Kind == InterviewKind.Exam).OrderBy(i => i.Id).FirstAsync();
            var verification = await db.IdVerifications.FirstOrDefaultAsync(v => v.Interview.ExamRoomId == room);
            if (verification is null)
            {
                verification = new IdVerification { InterviewId = interview.Id, CandidateId = interview.CandidateId, PhotoKey = "matrix-test-no-such-photo", SubmittedBy = "matrix-test" };
                db.IdVerifications.Add(verification);
                await db.SaveChangesAsync();
            }
            return new Dictionary<Resource, string>
            {
                [Resource.Candidate] = interview.CandidateId.ToString(),
                [Resource.Room] = room.ToString(),
                [Resource.Interview] = interview.Id.ToString(),
                [Resource.Verification] = verification.Id.ToString(),
            };
        });
    }
}
