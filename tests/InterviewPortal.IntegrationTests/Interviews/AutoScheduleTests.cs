using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

public class AutoScheduleTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task Slots_stay_inside_the_daily_windows_moving_to_the_next_window_and_the_next_day()
    {
        var client = await portal.ClientForStaffAsync("secretary2");
        var room = await desk.RoomOfAsync("secretary2");
        var candidates = await desk.FreeCandidatesAsync("secretary2", 6);

        // Default windows 08:30-12:00 and 14:00-18:00: a 07:50 start moves to 08:30; 11:10 would cross noon.
        var response = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new
        {
            candidateIds = candidates.Take(3), firstStartsAt = "2030-04-01T07:50:00+08:00", durationMinutes = 80, breakMinutes = 20, kind = "Exam",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var starts = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("startsAtLocal").GetString()).ToList();
        Assert.Equal(["2030-04-01T08:30:00+08:00", "2030-04-01T10:10:00+08:00", "2030-04-01T14:00:00+08:00"], starts);

        var evening = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new
        {
            candidateIds = candidates.Skip(3), firstStartsAt = "2030-04-01T16:30:00+08:00", durationMinutes = 60, breakMinutes = 0, kind = "Rehearsal",
        });
        Assert.Equal(HttpStatusCode.Created, evening.StatusCode);
        var items = (await evening.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["2030-04-01T16:30:00+08:00", "2030-04-02T08:30:00+08:00", "2030-04-02T09:30:00+08:00"],
            items.Select(i => i.GetProperty("startsAtLocal").GetString()));
        Assert.All(items, i => Assert.Equal("Rehearsal", i.GetProperty("kind").GetString()));
        Assert.Equal(3, await portal.WithDbAsync(db => db.Notifications.CountAsync(n => items.Select(i => i.GetProperty("id").GetInt32()).Contains(n.InterviewId!.Value))));
    }

    [Fact]
    public async Task One_collision_refuses_the_whole_batch_and_creates_nothing()
    {
        var client = await portal.ClientForStaffAsync("secretary2");
        var room = await desk.RoomOfAsync("secretary2");
        var candidates = await desk.FreeCandidatesAsync("secretary2", 4, skip: 6);
        var blocker = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidates[3], room, "2030-04-03T09:45:00+08:00", 10));
        var blockerId = (await blocker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var before = await portal.WithDbAsync(db => db.Interviews.CountAsync());

        var response = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new
        {
            candidateIds = candidates.Take(3), firstStartsAt = "2030-04-03T09:00:00+08:00", durationMinutes = 30, breakMinutes = 0,
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"interview {blockerId}", (await PlanningDesk.ProblemAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(before, await portal.WithDbAsync(db => db.Interviews.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Interviews.CountAsync(i => candidates.Take(3).Contains(i.CandidateId))));
    }

    [Fact]
    public async Task A_major_is_scheduled_by_exam_number_and_a_second_run_finds_nobody_left()
    {
        var client = await portal.ClientForStaffAsync("secretary2");
        var room = await desk.RoomOfAsync("secretary2");
        var college = await desk.CollegeOfAsync("secretary2");
        var major = await portal.WithDbAsync(db => db.Majors.Where(m => m.CollegeId == college).OrderByDescending(m => m.Code).Select(m => m.Id).FirstAsync());
        var expected = await portal.WithDbAsync(db => db.Candidates.Where(c => c.MajorId == major && !c.Interviews.Any(i => i.Kind == Data.Interviews.InterviewKind.Rehearsal))
            .OrderBy(c => c.ExamNumber).Select(c => c.Id).ToListAsync());

        var body = new { majorId = major, firstStartsAt = "2030-05-06T08:30:00+08:00", durationMinutes = 15, breakMinutes = 5, kind = "Rehearsal" };
        var response = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("candidateId").GetInt32()).ToList();
        Assert.Equal(expected, created);

        var again = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("""{ "firstStartsAt": "2030-04-03T09:00:00+08:00", "durationMinutes": 30 }""", "candidateIds")]
    [InlineData("""{ "candidateIds": [1, 1], "firstStartsAt": "2030-04-03T09:00:00+08:00", "durationMinutes": 30 }""", "candidateIds")]
    [InlineData("""{ "candidateIds": [1], "firstStartsAt": "2030-04-03 09:00", "durationMinutes": 30 }""", "firstStartsAt")]
    [InlineData("""{ "candidateIds": [1], "firstStartsAt": "2030-04-03T09:00:00+08:00", "durationMinutes": 300 }""", "durationMinutes")]
    [InlineData("""{ "candidateIds": [1], "firstStartsAt": "2030-04-03T09:00:00+08:00", "durationMinutes": 30, "breakMinutes": -5 }""", "breakMinutes")]
    public async Task Bad_auto_schedule_requests_are_400_problems_naming_the_field(string body, string field)
    {
        var client = await portal.ClientForStaffAsync("secretary2");
        var room = await desk.RoomOfAsync("secretary2");
        var response = await client.PostAsync($"/api/v1/rooms/{room}/schedule", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await PlanningDesk.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }
}
