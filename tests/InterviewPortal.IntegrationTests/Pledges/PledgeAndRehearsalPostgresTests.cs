using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.IntegrationTests.Security;

namespace InterviewPortal.IntegrationTests.Pledges;

/// <summary>The pledge and rehearsal queries (subqueries, enum lists, nullable max) on the real PostgreSQL server.</summary>
public class PledgeAndRehearsalPostgresTests(PostgresPortalFactory portal) : IClassFixture<PostgresPortalFactory>
{
    [Fact]
    public async Task Pledge_status_confirmation_and_rehearsal_gaps_work_on_postgresql()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var room = await portal.RoomOfAsync("assistant1");
        var candidateId = await portal.FreeCandidateAsync(college);
        var secretary = await portal.ClientForStaffAsync("secretary1");

        var unconfirmed = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/pledge/unconfirmed?pageSize=200");
        Assert.Equal(3, unconfirmed.GetProperty("total").GetInt32()); // the demo leaves three a college unconfirmed
        var candidate = portal.ClientForCandidate(candidateId);
        var version = (await candidate.GetFromJsonAsync<JsonElement>("/api/v1/me/pledge")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await candidate.PostAsJsonAsync("/api/v1/me/pledge", new { version })).StatusCode);

        var rehearsal = await portal.BookRehearsalAsync(candidateId, room, DateTime.UtcNow.Date.AddDays(3).AddHours(2), InterviewStatus.Invited);
        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.OK, (await assistant.PostAsJsonAsync($"/api/v1/interviews/{rehearsal}/rehearsal-outcome", new { outcome = "DevicesAndNetworkFailed" })).StatusCode);
        var before = DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(6)).ToString("yyyy-MM-dd");
        var gaps = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/rehearsals/gaps?before={before}&pageSize=200");
        var item = gaps.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("candidateId").GetInt32() == candidateId);
        Assert.Equal("Failed", item.GetProperty("gap").GetString());
        Assert.Equal("DevicesAndNetworkFailed", item.GetProperty("outcome").GetString());
    }
}
