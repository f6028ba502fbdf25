using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>A candidate sees only themself: staff routes are 403, another candidate's data is 403 or 404, pages show only their own record.</summary>
public partial class CandidateIsolationTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private static readonly HashSet<string> StaffPolicies = [Policies.Admin, Policies.Staff, Policies.Planner, Policies.Assistant, Policies.Reviewer];

    [Fact]
    public async Task A_candidate_token_gets_403_on_every_staff_route_of_the_api()
    {
        var other = await portal.CandidateAsync(21);
        var client = await portal.ClientForCandidateAsync(await portal.CandidateAsync(20));
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null && StaffPolicies.Contains(a.Policy))
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Candidate)
                        && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Url: RouteParameter().Replace(e.RoutePattern.RawText!, other.Id.ToString()))))
            .Distinct().ToList();
        Assert.Contains(routes, r => r.Url == $"/api/v1/candidates/{other.Id}");

        foreach (var (method, url) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_candidate_sees_only_their_own_record_and_requests_through_the_api()
    {
        var mine = await portal.CandidateAsync(22);
        var theirs = await portal.CandidateAsync(23);
        var me = await portal.ClientForCandidateAsync(mine);
        var them = await portal.ClientForCandidateAsync(theirs);
        Assert.Equal(HttpStatusCode.Created, (await them.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "另一位考生的报告" })).StatusCode);

        var record = await me.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(mine.ExamNumber, record.GetProperty("examNumber").GetString());
        var reports = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/assignment-reports");
        Assert.Equal(0, reports.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync($"/api/v1/candidates/{theirs.Id}")).StatusCode);

        // The exam-day photo route is another engineer's: whether it exists yet or not, it must never take this candidate's photo for someone else.
        var theirInterview = await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == theirs.Id).Select(i => i.Id).FirstAsync());
        using var photo = new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]), "photo", "id.jpg" } };
        var upload = await me.PutAsync($"/api/v1/interviews/{theirInterview}/id-photo", photo);
        Assert.True(upload.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"answered {(int)upload.StatusCode}");
    }

    [Fact]
    public async Task The_My_interview_page_shows_the_signed_in_candidate_and_nobody_else()
    {
        var mine = await portal.CandidateAsync(24);
        var theirs = await portal.CandidateAsync(25);
        var (client, landing) = await portal.PageClientForCandidateAsync(mine);

        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains(mine.ExamNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ExamNumber, html, StringComparison.Ordinal);
        // The cookie works on the API too, and the staff API still says no.
        var record = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(mine.ExamNumber, record.GetProperty("examNumber").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/candidates")).StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
