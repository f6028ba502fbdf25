using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>
/// The schedule page's day timeline: free slots are what booking would accept (room, assistant, chosen candidate),
/// a slot button books or moves through the same handlers as the API, a refused move shows the reason and keeps the
/// move going, and a cancel asks first. Each test takes its own day and candidates of the shared demo university.
/// </summary>
public abstract class ScheduleTimelinePageTests(PortalFactory portal)
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task A_slot_button_books_the_chosen_unscheduled_candidate_and_the_slot_becomes_their_block()
    {
        var (client, room) = await SecretaryAsync();
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var (examNumber, name) = await NamesAsync(candidate);
        var url = $"/Schedule?date=2031-03-02&roomId={room}";

        var before = await client.GetStringAsync(url);
        Assert.Contains(SlotButton(room, "2031-03-02T08:50"), before);
        Assert.Contains($"name=\"Book.ExamNumbers\" value=\"{examNumber}\"", before);
        var found = await client.GetStringAsync($"{url}&q={examNumber}");
        Assert.Contains($"value=\"{examNumber}\"", found);
        Assert.DoesNotContain($"value=\"{await OtherUnscheduledAsync(candidate)}\"", found);

        var booked = await client.PostFormAsync($"/Schedule?handler=Book&date=2031-03-02&roomId={room}", new Dictionary<string, string>
        {
            ["Book.ExamNumbers"] = examNumber, ["Book.DurationMinutes"] = "20", ["Book.Kind"] = "Exam", ["Slot"] = $"{room}|2031-03-02T08:50",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var start = new DateTime(2031, 3, 2, 0, 50, 0, DateTimeKind.Utc);
        Assert.True(await portal.WithDbAsync(db => db.Interviews.AnyAsync(i => i.CandidateId == candidate && i.ExamRoomId == room && i.StartsAt == start && i.DurationMinutes == 20)));

        var after = await client.GetStringAsync(url);
        Assert.DoesNotContain(SlotButton(room, "2031-03-02T08:50"), after);
        Assert.Contains(SlotButton(room, "2031-03-02T08:30"), after);
        Assert.Contains(SlotButton(room, "2031-03-02T09:10"), after);
        Assert.Contains("08:50–09:10", after);
        Assert.Contains(name, after);
        Assert.DoesNotContain($"name=\"Book.ExamNumbers\" value=\"{examNumber}\"", after);
    }

    [Fact]
    public async Task Slots_leave_out_a_busy_assistant_and_the_chosen_candidates_other_interview()
    {
        var (client, room) = await SecretaryAsync();
        var api = await portal.ClientForStaffAsync("secretary1");
        var assistant = await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Assistant!.UserName).FirstAsync());
        var sameAssistant = await desk.CreateRoomAsync(api, "时间轴同助理考场", assistant);
        var noAssistant = await desk.CreateRoomAsync(api, "时间轴无助理考场");
        var candidates = await desk.FreeCandidatesAsync("secretary1", 2);
        await BookAsync(api, candidates[0], room, "2031-03-03T08:50:00+08:00");
        await BookAsync(api, candidates[1], noAssistant, "2031-03-03T10:10:00+08:00");

        var page = await client.GetStringAsync("/Schedule?date=2031-03-03");
        Assert.Contains(SlotButton(sameAssistant, "2031-03-03T08:30"), page);
        Assert.DoesNotContain(SlotButton(sameAssistant, "2031-03-03T08:50"), page);
        Assert.Contains(SlotButton(sameAssistant, "2031-03-03T09:10"), page);
        Assert.Contains(SlotButton(sameAssistant, "2031-03-03T10:10"), page);

        var forCandidate = await client.GetStringAsync($"/Schedule?date=2031-03-03&candidate={candidates[1]}");
        Assert.DoesNotContain(SlotButton(sameAssistant, "2031-03-03T10:10"), forCandidate);
        Assert.Contains(SlotButton(sameAssistant, "2031-03-03T10:30"), forCandidate);
    }

    [Fact]
    public async Task A_slot_moves_an_interview_and_a_move_onto_a_busy_assistant_is_refused_with_the_reason_and_the_move_kept()
    {
        var (client, room) = await SecretaryAsync();
        var api = await portal.ClientForStaffAsync("secretary1");
        var assistant = await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Assistant!.UserName).FirstAsync());
        var sameAssistant = await desk.CreateRoomAsync(api, "时间轴改期同助理", assistant);
        var candidates = await desk.FreeCandidatesAsync("secretary1", 2);
        var moved = await BookAsync(api, candidates[0], room, "2031-03-04T08:50:00+08:00");
        await BookAsync(api, candidates[1], sameAssistant, "2031-03-04T10:30:00+08:00");
        var url = $"/Schedule?date=2031-03-04&roomId={room}&move={moved}";

        var moving = await client.GetStringAsync(url);
        Assert.Contains("id=\"moving-note\"", moving);
        Assert.Contains(SlotButton(room, "2031-03-04T08:50"), moving); // its own slot does not block it
        Assert.DoesNotContain(SlotButton(room, "2031-03-04T10:30"), moving);

        var refused = await client.PostFormAsync($"/Schedule?handler=Move&date=2031-03-04&roomId={room}", new Dictionary<string, string>
        {
            ["Move.InterviewId"] = moved.ToString(CultureInfo.InvariantCulture), ["Slot"] = $"{room}|2031-03-04T10:30",
        }, url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches("role=\"alert\">该考场的助理此时正在考场“[^”]+”[^<]*的面试 \\d+", page);
        Assert.Contains("id=\"moving-note\"", page);
        Assert.Contains($"name=\"Move.InterviewId\" value=\"{moved}\"", page);
        var nine = new DateTime(2031, 3, 4, 0, 50, 0, DateTimeKind.Utc);
        Assert.Equal(nine, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == moved).Select(i => i.StartsAt).FirstAsync()));

        var done = await client.PostFormAsync($"/Schedule?handler=Move&date=2031-03-04&roomId={room}", new Dictionary<string, string>
        {
            ["Move.InterviewId"] = moved.ToString(CultureInfo.InvariantCulture), ["Slot"] = $"{room}|2031-03-04T14:00",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var two = new DateTime(2031, 3, 4, 6, 0, 0, DateTimeKind.Utc);
        var now = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == moved).Select(i => new { i.StartsAt, i.DurationMinutes, i.Status }).FirstAsync());
        Assert.Equal((two, 20, InterviewStatus.Scheduled), (now.StartsAt, now.DurationMinutes, now.Status));
    }

    [Fact]
    public async Task Cancel_from_a_block_asks_first_then_cancels_and_frees_the_slot()
    {
        var (client, room) = await SecretaryAsync();
        var api = await portal.ClientForStaffAsync("secretary1");
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var id = await BookAsync(api, candidate, room, "2031-03-05T15:00:00+08:00");
        var url = $"/Schedule?date=2031-03-05&roomId={room}";
        Assert.Contains($"cancel={id}", await client.GetStringAsync(url));

        var confirm = await client.GetStringAsync($"{url}&cancel={id}");
        Assert.Contains("id=\"confirm-title\"", confirm);
        Assert.Contains($"name=\"interviewId\" value=\"{id}\"", confirm);
        Assert.Equal(InterviewStatus.Scheduled, await StatusAsync(id));

        var cancelled = await client.PostFormAsync($"/Schedule?handler=Cancel&date=2031-03-05&roomId={room}",
            new Dictionary<string, string> { ["interviewId"] = id.ToString(CultureInfo.InvariantCulture) }, url);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(InterviewStatus.Cancelled, await StatusAsync(id));
        Assert.Contains(SlotButton(room, "2031-03-05T15:00"), await client.GetStringAsync(url));
    }

    [Fact]
    public async Task Several_days_show_one_after_another_and_a_bad_slot_value_is_a_field_message()
    {
        var (client, room) = await SecretaryAsync();
        var page = await client.GetStringAsync($"/Schedule?date=2031-03-06&days=3&roomId={room}");
        foreach (var day in new[] { "2031-03-06", "2031-03-07", "2031-03-08" })
            Assert.Contains($"id=\"day-{day}\"", page);
        Assert.DoesNotContain("id=\"day-2031-03-09\"", page);

        var bad = await client.PostFormAsync($"/Schedule?handler=Book&date=2031-03-06&roomId={room}",
            new Dictionary<string, string> { ["Slot"] = "not-a-slot", ["Book.DurationMinutes"] = "20" }, $"/Schedule?date=2031-03-06&roomId={room}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("所选时段无法识别", await bad.Content.ReadAsStringAsync());
    }

    private static string SlotButton(int room, string localStart) => $"name=\"Slot\" value=\"{room}|{localStart}\"";

    private async Task<(HttpClient Client, int Room)> SecretaryAsync()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInStaffAsync("secretary1");
        return (client, await desk.RoomOfAsync("secretary1"));
    }

    private static async Task<int> BookAsync(HttpClient api, int candidate, int room, string startsAt)
    {
        var response = await api.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, room, startsAt));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<(string ExamNumber, string Name)> NamesAsync(int candidate) => portal.WithDbAsync(async db =>
        await db.Candidates.Where(c => c.Id == candidate).Select(c => new { c.ExamNumber, c.Name }).FirstAsync() is var c ? (c.ExamNumber, c.Name) : default);

    private Task<string> OtherUnscheduledAsync(int candidate) => portal.WithDbAsync(db =>
        db.Candidates.Where(c => c.Id != candidate && !c.Interviews.Any()).OrderBy(c => c.Id).Select(c => c.ExamNumber).FirstAsync());

    private Task<InterviewStatus> StatusAsync(int id) => portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Status).FirstAsync());
}

public sealed class ScheduleTimelineSqliteTests(SqlitePortalFactory portal) : ScheduleTimelinePageTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class ScheduleTimelinePostgresTests(PostgresPortalFactory portal) : ScheduleTimelinePageTests(portal), IClassFixture<PostgresPortalFactory>;
