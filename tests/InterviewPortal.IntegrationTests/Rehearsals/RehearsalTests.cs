using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Rehearsals;

public class RehearsalTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    // Days ahead, clear of the demo's interviews today and tomorrow.
    private static readonly DateTime Soon = DateTime.UtcNow.Date.AddDays(3).AddHours(1);

    [Fact]
    public async Task The_assistant_records_a_rehearsal_outcome_with_a_note()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var room = await portal.RoomOfAsync("assistant1");
        var rehearsal = await portal.BookRehearsalAsync(await portal.FreeCandidateAsync(college, skip: 0), room, Soon, InterviewStatus.Invited);

        var assistant = await portal.ClientForStaffAsync("assistant1");
        var response = await assistant.PostAsJsonAsync($"/api/v1/interviews/{rehearsal}/rehearsal-outcome", new { outcome = "NetworkFailed", note = "Wi-Fi dropped twice" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NetworkFailed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var stored = await portal.WithDbAsync(db => db.Interviews.SingleAsync(i => i.Id == rehearsal));
        Assert.Equal(RehearsalOutcome.NetworkFailed, stored.RehearsalOutcome);
        Assert.Equal("Wi-Fi dropped twice", stored.RehearsalNote);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "rehearsal.outcome-recorded" && a.EntityId == rehearsal.ToString() && a.Actor == "assistant1")));
    }

    [Fact]
    public async Task A_rehearsal_outcome_on_an_exam_interview_is_409()
    {
        var room = await portal.RoomOfAsync("assistant1");
        var exam = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room && i.Kind == InterviewKind.Exam).Select(i => i.Id).FirstAsync());
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var response = await assistant.PostAsJsonAsync($"/api/v1/interviews/{exam}/rehearsal-outcome", new { outcome = "Passed" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("exam", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Null(await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == exam).Select(i => i.RehearsalOutcome).SingleAsync()));
    }

    [Theory]
    [InlineData("{\"note\":\"no outcome\"}")]
    [InlineData("{\"outcome\":\"Bogus\"}")]
    [InlineData("{bad json")]
    public async Task A_missing_or_unknown_outcome_is_400(string body)
    {
        var room = await portal.RoomOfAsync("assistant1");
        var exam = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room).Select(i => i.Id).FirstAsync());
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var response = await assistant.PostAsync($"/api/v1/interviews/{exam}/rehearsal-outcome", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_rooms_assistant_cannot_record_the_outcome_and_a_secretary_is_not_an_assistant()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var room = await portal.RoomOfAsync("assistant1");
        var rehearsal = await portal.BookRehearsalAsync(await portal.FreeCandidateAsync(college, skip: 1), room, Soon.AddHours(1), InterviewStatus.Invited);

        var stranger = await portal.ClientForStaffAsync("assistant2");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/interviews/{rehearsal}/rehearsal-outcome", new { outcome = "Passed" })).StatusCode);
        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/api/v1/interviews/{rehearsal}/rehearsal-outcome", new { outcome = "Passed" })).StatusCode);
        Assert.Null(await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == rehearsal).Select(i => i.RehearsalOutcome).SingleAsync()));
    }

    [Fact]
    public async Task The_gaps_list_shows_missing_unassessed_and_failed_rehearsals_before_the_date_in_the_secretarys_college_only()
    {
        var college = await portal.CollegeOfAsync("secretary2");
        var room = await portal.RoomOfAsync("assistant2");
        var passed = await portal.FreeCandidateAsync(college, skip: 0);
        var failed = await portal.FreeCandidateAsync(college, skip: 1);
        var unassessed = await portal.FreeCandidateAsync(college, skip: 2);
        var tooLate = await portal.FreeCandidateAsync(college, skip: 3);
        var day = Soon.Date.AddDays(1).AddHours(2);
        await portal.RecordOutcomeAsync(await portal.BookRehearsalAsync(passed, room, day, InterviewStatus.Invited), RehearsalOutcome.Passed);
        var failedRehearsal = await portal.BookRehearsalAsync(failed, room, day.AddMinutes(30), InterviewStatus.Invited);
        await portal.RecordOutcomeAsync(failedRehearsal, RehearsalOutcome.DevicesFailed);
        await portal.BookRehearsalAsync(unassessed, room, day.AddMinutes(60));
        await portal.RecordOutcomeAsync(await portal.BookRehearsalAsync(tooLate, room, day.AddDays(5), InterviewStatus.Invited), RehearsalOutcome.Passed);
        var before = DateOnly.FromDateTime(day.AddDays(2)).ToString("yyyy-MM-dd");

        var secretary = await portal.ClientForStaffAsync("secretary2");
        var page = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/rehearsals/gaps?before={before}&pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("candidateId").GetInt32());
        Assert.All(items.Values, i => Assert.Equal(college, i.GetProperty("collegeId").GetInt32()));
        Assert.DoesNotContain(passed, items.Keys);
        Assert.Equal("Failed", items[failed].GetProperty("gap").GetString());
        Assert.Equal("DevicesFailed", items[failed].GetProperty("outcome").GetString());
        Assert.Equal(failedRehearsal, items[failed].GetProperty("rehearsalId").GetInt32());
        Assert.Equal("NoOutcome", items[unassessed].GetProperty("gap").GetString());
        Assert.Equal("Missing", items[tooLate].GetProperty("gap").GetString());
        var total = await portal.WithDbAsync(db => db.Candidates.CountAsync(c => c.CollegeId == college));
        Assert.Equal(total - 1, page.GetProperty("total").GetInt32());

        // The other college's secretary sees none of them; the admin sees both colleges.
        var stranger = await portal.ClientForStaffAsync("secretary1");
        var theirs = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/rehearsals/gaps?before={before}&pageSize=200");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("collegeId").GetInt32() == college);
        var admin = await portal.ClientForStaffAsync("admin");
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/rehearsals/gaps?before={before}&pageSize=1");
        Assert.Equal(page.GetProperty("total").GetInt32() + theirs.GetProperty("total").GetInt32(), all.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?before=2026-13-01")]
    [InlineData("?before=tomorrow")]
    public async Task A_missing_or_bad_date_is_400(string query)
    {
        var secretary = await portal.ClientForStaffAsync("secretary1");
        var response = await secretary.GetAsync($"/api/v1/rehearsals/gaps{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("before", out _));
    }

    [Fact]
    public async Task Assistants_and_candidates_do_not_get_the_gaps_list()
    {
        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.GetAsync("/api/v1/rehearsals/gaps?before=2030-01-01")).StatusCode);
    }
}
