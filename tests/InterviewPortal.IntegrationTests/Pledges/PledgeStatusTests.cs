using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.IntegrationTests.Security;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Pledges;

/// <summary>Who has not confirmed, and the reminder through the gateway, each within the caller's scope.</summary>
public class PledgeStatusTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_secretary_sees_only_their_colleges_unconfirmed_candidates_with_masked_phones()
    {
        var own = await portal.CollegeOfAsync("secretary1");
        var other = await portal.CollegeOfAsync("secretary2");
        var secretary = await portal.ClientForStaffAsync("secretary1");

        var page = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/pledge/unconfirmed?pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(await UnconfirmedCountAsync(own), page.GetProperty("total").GetInt32());
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(own, i.GetProperty("collegeId").GetInt32()));
        Assert.All(items, i => Assert.Matches(@"^1\d{2}\*{4}\d{4}$", i.GetProperty("phone").GetString()));

        var foreign = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/pledge/unconfirmed?collegeId={other}");
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_assistant_sees_only_the_unconfirmed_candidates_of_their_rooms()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var room = await portal.RoomOfAsync("assistant1");
        // Give an unconfirmed candidate of the assistant's college a rehearsal in their room.
        var unconfirmed = await portal.WithDbAsync(async db =>
        {
            var version = await db.PledgeVersions.MaxAsync(p => p.Version);
            return await db.Candidates.Where(c => c.CollegeId == college && !c.Interviews.Any()
                    && !db.PledgeConfirmations.Any(p => p.CandidateId == c.Id && p.Version == version))
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        });
        await portal.BookRehearsalAsync(unconfirmed, room, DateTime.UtcNow.Date.AddDays(4).AddHours(1));

        var assistant = await portal.ClientForStaffAsync("assistant1");
        var page = await assistant.GetFromJsonAsync<JsonElement>("/api/v1/pledge/unconfirmed?pageSize=200");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("candidateId").GetInt32()).ToList();
        Assert.Contains(unconfirmed, ids);
        var inRoom = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room).Select(i => i.CandidateId).Distinct().ToListAsync());
        Assert.All(ids, id => Assert.Contains(id, inRoom));

        var other = await portal.ClientForStaffAsync("assistant2");
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/pledge/unconfirmed?pageSize=200");
        Assert.DoesNotContain(unconfirmed, theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("candidateId").GetInt32()));
    }

    [Fact]
    public async Task The_reminder_reaches_each_unconfirmed_candidate_in_scope_through_the_gateway_and_is_audited()
    {
        var own = await portal.CollegeOfAsync("secretary2");
        var expected = await portal.WithDbAsync(async db =>
        {
            var version = await db.PledgeVersions.MaxAsync(p => p.Version);
            return await db.Candidates.Where(c => c.CollegeId == own && !db.PledgeConfirmations.Any(p => p.CandidateId == c.Id && p.Version == version))
                .Select(c => new { c.Id, c.Phone }).ToListAsync();
        });
        Assert.NotEmpty(expected);
        var since = DateTime.UtcNow.AddSeconds(-1);

        var secretary = await portal.ClientForStaffAsync("secretary2");
        var response = await secretary.PostAsJsonAsync("/api/v1/pledge/reminders", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Count, result.GetProperty("sent").GetInt32());

        var phones = expected.Select(e => e.Phone).ToList();
        var outbox = await portal.WithDbAsync(db => db.GatewayOutbox.Where(g => g.Kind == "PledgeReminder" && g.CreatedAt >= since).ToListAsync());
        Assert.Equal(phones.Order(), outbox.Select(o => o.Recipient).Order());
        Assert.All(outbox, o => Assert.Contains("诚信承诺", o.Text));
        var audited = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "pledge.reminder-sent" && a.Actor == "secretary2" && a.At >= since).CountAsync());
        Assert.Equal(expected.Count, audited);
    }

    [Fact]
    public async Task A_secretary_cannot_remind_another_colleges_candidates()
    {
        var other = await portal.CollegeOfAsync("secretary2");
        var foreign = await portal.WithDbAsync(db => db.Candidates.Where(c => c.CollegeId == other).OrderByDescending(c => c.ExamNumber).Select(c => c.Id).FirstAsync());
        var since = DateTime.UtcNow.AddSeconds(-1);
        var secretary = await portal.ClientForStaffAsync("secretary1");
        var response = await secretary.PostAsJsonAsync("/api/v1/pledge/reminders", new { candidateIds = new[] { foreign } });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("sent").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        Assert.False(await portal.WithDbAsync(db => db.GatewayOutbox.AnyAsync(g => g.Kind == "PledgeReminder" && g.CreatedAt >= since)));
    }

    [Fact]
    public async Task Candidates_cannot_see_who_has_not_confirmed()
    {
        var candidate = portal.ClientForCandidate(await portal.FreeCandidateAsync(await portal.CollegeOfAsync("secretary1")));
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync("/api/v1/pledge/unconfirmed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PostAsJsonAsync("/api/v1/pledge/reminders", new { })).StatusCode);
    }

    private Task<int> UnconfirmedCountAsync(int collegeId) => portal.WithDbAsync(async db =>
    {
        var version = await db.PledgeVersions.MaxAsync(p => p.Version);
        return await db.Candidates.CountAsync(c => c.CollegeId == collegeId && !db.PledgeConfirmations.Any(p => p.CandidateId == c.Id && p.Version == version));
    });
}
