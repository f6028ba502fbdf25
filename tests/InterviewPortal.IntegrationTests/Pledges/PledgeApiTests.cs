using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.IntegrationTests.Security;
using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Pledges;

public class PledgeApiTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_demo_publishes_a_first_pledge_that_says_the_session_may_be_recorded()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/pledge/versions");
        var first = versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1);
        Assert.Contains("录像", first.GetProperty("textZh").GetString());
        Assert.Contains("recorded", first.GetProperty("textEn").GetString());
    }

    [Fact]
    public async Task An_empty_pledge_text_is_a_400_problem_naming_both_fields()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var before = await portal.WithDbAsync(db => db.PledgeVersions.CountAsync());
        var response = await admin.PostAsJsonAsync("/api/v1/pledge/versions", new { textZh = "", textEn = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("textZh", out _));
        Assert.True(errors.TryGetProperty("textEn", out _));
        Assert.Equal(before, await portal.WithDbAsync(db => db.PledgeVersions.CountAsync()));
    }

    [Fact]
    public async Task Only_the_admin_publishes_a_pledge_version()
    {
        var secretary = await portal.ClientForStaffAsync("secretary1");
        var response = await secretary.PostAsJsonAsync("/api/v1/pledge/versions", new { textZh = "规则", textEn = "Rules" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_candidate_confirms_the_version_in_force_and_a_new_version_needs_a_new_confirmation()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var candidateId = await portal.FreeCandidateAsync(college);
        var candidate = portal.ClientForCandidate(candidateId);
        candidate.DefaultRequestHeaders.AcceptLanguage.Clear(); // no Accept-Language: the API answers in zh-CN
        var first = await PublishAsync("第一版规则", "Rules, first edit");

        var shown = await candidate.GetFromJsonAsync<JsonElement>("/api/v1/me/pledge");
        Assert.Equal(first, shown.GetProperty("version").GetInt32());
        Assert.Equal("第一版规则", shown.GetProperty("text").GetString());
        candidate.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US"); // the refusals below are read in English
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("confirmedAt").ValueKind);
        Assert.Equal(OutcomeKind.Conflict, (await GateAsync(candidateId))?.Kind);

        var confirmed = await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version = first });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmedAt").ValueKind);
        Assert.Null(await GateAsync(candidateId));
        var stored = await portal.WithDbAsync(db => db.PledgeConfirmations.SingleAsync(c => c.CandidateId == candidateId && c.Version == first));
        Assert.True(DateTime.UtcNow - stored.ConfirmedAt < TimeSpan.FromMinutes(1));
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "pledge.confirmed" && a.EntityId == candidateId.ToString() && a.Actor == $"candidate:{candidateId}")));

        // Confirming twice changes nothing; an edit of the text asks everybody again.
        Assert.Equal(HttpStatusCode.OK, (await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version = first })).StatusCode);
        var second = await PublishAsync("第二版规则", "Rules, second edit");
        Assert.Equal(first + 1, second);
        var again = await candidate.GetFromJsonAsync<JsonElement>("/api/v1/me/pledge");
        Assert.Equal(second, again.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("confirmedAt").ValueKind);
        Assert.Equal(OutcomeKind.Conflict, (await GateAsync(candidateId))?.Kind);

        var outdated = await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version = first });
        Assert.Equal(HttpStatusCode.Conflict, outdated.StatusCode);
        Assert.Equal("application/problem+json", outdated.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"version {second}", (await outdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version = second })).StatusCode);
        Assert.Null(await GateAsync(candidateId));
    }

    [Fact]
    public async Task An_unknown_version_is_409_and_a_missing_version_is_400()
    {
        var candidate = portal.ClientForCandidate(await portal.FreeCandidateAsync(await portal.CollegeOfAsync("secretary2")));
        var unknown = await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version = 9999 });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        var missing = await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task The_candidate_reads_the_pledge_in_english_when_asking_for_english()
    {
        var candidate = portal.ClientForCandidate(await portal.FreeCandidateAsync(await portal.CollegeOfAsync("secretary2"), skip: 1));
        candidate.DefaultRequestHeaders.AcceptLanguage.Clear(); // the query alone asks for English
        var current = await portal.WithDbAsync(db => db.PledgeVersions.OrderByDescending(p => p.Version).FirstAsync());
        var english = await candidate.GetFromJsonAsync<JsonElement>("/api/v1/me/pledge?culture=en-US");
        Assert.Equal(current.TextEn, english.GetProperty("text").GetString());
        Assert.Equal(current.TextZh, english.GetProperty("textZh").GetString());
    }

    [Fact]
    public async Task Staff_cannot_use_the_candidate_pledge_routes()
    {
        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/v1/me/pledge")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync("/api/v1/me/pledge")).StatusCode);
    }

    private async Task<int> PublishAsync(string zh, string en)
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/pledge/versions", new { textZh = zh, textEn = en });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    private Task<Refusal?> GateAsync(int candidateId) => portal.WithDbAsync(db => PledgeGate.RefusalAsync(db, candidateId, CancellationToken.None));
}
