using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Candidates;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Privacy;

/// <summary>Every sight of a candidate's full ID or mobile number leaves one audit entry naming who and where; lists leave none.</summary>
public abstract class FullRecordAuditTests(PortalFactory portal)
{
    private Task<List<(string Actor, string? Detail)>> ReadsAsync(int candidateId) => portal.WithDbAsync(async db =>
        (await db.AuditEntries.Where(a => a.Action == FullRecordReads.Action && a.EntityId == candidateId.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Actor, a.Detail }).ToListAsync())
        .Select(a => (a.Actor, a.Detail)).ToList());

    [Fact]
    public async Task Each_full_read_over_the_api_and_the_pages_is_audited_once_with_the_actor_and_the_place()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var api = await portal.ClientForStaffAsync("secretary1");
        var n = CandidateData.Next();
        var id = await CandidateData.CreateAsync(api, n, major); // the 201 answer carries the full record
        Assert.Equal([("secretary1", FullRecordReads.ApiCreated)], await ReadsAsync(id));

        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/candidates/{id}");
        Assert.Equal(CandidateData.Id(n), record.GetProperty("idNumber").GetString());
        var updated = await api.PutAsJsonAsync($"/api/v1/candidates/{id}", CandidateData.Candidate(n, major, "改名考生"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");
        var details = await browser.GetStringAsync($"/Candidates/Details/{id}");
        var edit = await browser.GetStringAsync($"/Candidates/Edit/{id}");
        Assert.Contains(CandidateData.Phone(n), details, StringComparison.Ordinal);
        Assert.Contains(CandidateData.Id(n), edit, StringComparison.Ordinal);

        Assert.Equal(
            [("secretary1", FullRecordReads.ApiCreated), ("secretary1", FullRecordReads.Api), ("secretary1", FullRecordReads.ApiUpdated),
             ("secretary1", FullRecordReads.DetailsPage), ("secretary1", FullRecordReads.EditPage)],
            await ReadsAsync(id));
    }

    [Fact]
    public async Task Lists_and_refused_reads_leave_no_full_read_entry()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var api = await portal.ClientForStaffAsync("secretary1");
        var n = CandidateData.Next();
        var id = await CandidateData.CreateAsync(api, n, major);
        var before = (await ReadsAsync(id)).Count;

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/candidates?q={CandidateData.Exam(n)}");
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetInt32());
        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");
        Assert.Contains(CandidateData.Exam(n), await browser.GetStringAsync($"/Candidates?q={CandidateData.Exam(n)}"), StringComparison.Ordinal);
        var stranger = await portal.ClientForStaffAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/candidates/{id}")).StatusCode);

        Assert.Equal(before, (await ReadsAsync(id)).Count);
    }

    [Fact]
    public async Task Q_matches_a_phone_by_all_eleven_digits_or_the_last_four_never_by_a_prefix()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var api = await portal.ClientForStaffAsync("secretary1");
        var n = CandidateData.Next();
        var id = await CandidateData.CreateAsync(api, n, major);
        var phone = CandidateData.Phone(n);
        async Task<List<int>> FindAsync(string q) =>
            [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/candidates?pageSize=100&q={q}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

        Assert.Equal([id], await FindAsync(phone));
        Assert.Contains(id, await FindAsync(phone[^4..]));
        foreach (var prefix in new[] { phone[..3], phone[..5], phone[..7], phone[..10] })
            Assert.DoesNotContain(id, await FindAsync(prefix));
        // The page uses the same handler.
        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");
        Assert.Contains(CandidateData.Exam(n), await browser.GetStringAsync($"/Candidates?q={phone}"), StringComparison.Ordinal);
        Assert.DoesNotContain(CandidateData.Exam(n), await browser.GetStringAsync($"/Candidates?q={phone[..7]}"), StringComparison.Ordinal);

        // A full number that matches confirms it: audited like a full read (the API search and the page search).
        Assert.Equal(2, (await ReadsAsync(id)).Count(r => r.Detail == FullRecordReads.PhoneSearch));
    }
}

public sealed class SqliteFullRecordAuditTests(SqlitePortalFactory portal) : FullRecordAuditTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresFullRecordAuditTests(PostgresPortalFactory portal) : FullRecordAuditTests(portal), IClassFixture<PostgresPortalFactory>;
