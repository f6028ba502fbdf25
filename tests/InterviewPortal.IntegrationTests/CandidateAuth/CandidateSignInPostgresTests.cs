using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.CandidateAuth;

/// <summary>The same promises on PostgreSQL: conditional updates for single use and attempt counting, and the /me projection.</summary>
public class CandidateSignInPostgresTests(PostgresPortalFactory portal) : IClassFixture<PostgresPortalFactory>
{
    [Fact]
    public async Task Sign_in_through_the_outbox_works_once_and_me_reports_Beijing_time()
    {
        var candidate = await portal.CandidateAsync(0);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var wrong = code == "000000" ? "000001" : "000000";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync(candidate.Phone, wrong)).StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == candidate.Phone).Select(c => c.FailedAttempts).SingleAsync()));
        var response = await client.RequestTokenAsync(candidate.Phone, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync(candidate.Phone, code)).StatusCode);

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(candidate.ExamNumber, me.GetProperty("examNumber").GetString());
        Assert.EndsWith("+08:00", me.GetProperty("interview").GetProperty("startsAtLocal").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_simultaneous_uses_of_one_code_give_one_token()
    {
        var candidate = await portal.CandidateAsync(1);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => portal.CreateClient().RequestTokenAsync(candidate.Phone, code)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task An_assignment_report_reaches_the_candidates_college()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = await portal.ClientForCandidateAsync(candidate);
        var response = await client.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "学院不对" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(candidate.CollegeId, await portal.WithDbAsync(db => db.AssignmentReports.Where(r => r.CandidateId == candidate.Id).Select(r => r.CollegeId).SingleAsync()));
    }
}
