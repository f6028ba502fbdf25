using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>The auto-schedule preview page: a preview writes nothing, a commit books exactly the previewed plan, a changed world is refused.</summary>
public abstract partial class AutoSchedulePreviewTests(PortalFactory portal)
{
    private const string Page = "/Schedule/AutoSchedule";
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task A_preview_writes_nothing_and_the_commit_books_exactly_the_previewed_blocks()
    {
        var (client, room) = (await SecretaryAsync("secretary1"), await desk.RoomOfAsync("secretary1"));
        var candidates = await desk.FreeCandidatesAsync("secretary1", 3);
        var numbers = await ExamNumbersAsync(candidates);
        var fields = Fields(room, string.Join("\n", numbers), "2031-05-12", "09:00");
        var before = await CountsAsync();

        var preview = await client.PostFormAsync($"{Page}?handler=Preview", fields, Page);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(3, Block().Count(html));
        Assert.Contains("2031-05-12 09:00–09:20", html);
        Assert.Contains("2031-05-12 09:25–09:45", html);
        Assert.Contains("2031-05-12 09:50–10:10", html);
        Assert.All(numbers, n => Assert.Contains(n, html));
        Assert.Equal(before, await CountsAsync());

        var commit = await client.PostFormAsync($"{Page}?handler=Commit", new Dictionary<string, string>(fields) { ["Plan"] = PlanOf(html) }, Page);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.StartsWith("/Schedule?", commit.Headers.Location?.OriginalString);
        var booked = await portal.WithDbAsync(db => db.Interviews.Where(i => candidates.Contains(i.CandidateId))
            .OrderBy(i => i.StartsAt).Select(i => new { i.CandidateId, i.ExamRoomId, i.StartsAt, i.DurationMinutes }).ToListAsync());
        Assert.Equal(candidates, booked.Select(b => b.CandidateId));
        Assert.All(booked, b => Assert.Equal((room, 20), (b.ExamRoomId, b.DurationMinutes)));
        Assert.Equal([new DateTime(2031, 5, 12, 1, 0, 0), new DateTime(2031, 5, 12, 1, 25, 0), new DateTime(2031, 5, 12, 1, 50, 0)],
            booked.Select(b => DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Unspecified)));
        Assert.Equal(before.Interviews + 3, (await CountsAsync()).Interviews);
    }

    [Fact]
    public async Task A_booking_made_between_preview_and_commit_refuses_the_commit_and_books_nothing()
    {
        var (client, room) = (await SecretaryAsync("secretary1"), await desk.RoomOfAsync("secretary1"));
        var candidates = await desk.FreeCandidatesAsync("secretary1", 4);
        var fields = Fields(room, string.Join(",", await ExamNumbersAsync(candidates.Take(3))), "2031-05-13", "10:00");
        var html = await (await client.PostFormAsync($"{Page}?handler=Preview", fields, Page)).Content.ReadAsStringAsync();
        Assert.Equal(3, Block().Count(html));

        // Someone else books the room at 10:30, inside the previewed second block.
        var api = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidates[3], room, "2031-05-13T10:30:00+08:00", 10))).StatusCode);
        var before = await CountsAsync();

        var commit = await client.PostFormAsync($"{Page}?handler=Commit", new Dictionary<string, string>(fields) { ["Plan"] = PlanOf(html) }, Page);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.Contains("collides", await commit.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
        Assert.False(await portal.WithDbAsync(db => db.Interviews.AnyAsync(i => candidates.Take(3).Contains(i.CandidateId))));
    }

    [Fact]
    public async Task A_plan_that_changed_since_the_preview_is_refused_and_the_new_plan_is_shown()
    {
        var client = await SecretaryAsync("secretary1");
        var room = await desk.CreateRoomAsync(await portal.ClientForStaffAsync("secretary1"), $"预览考场 {portal.Provider}");
        var college = await desk.CollegeOfAsync("secretary1");
        var (major, free) = await portal.WithDbAsync(async db =>
        {
            var unbooked = await db.Candidates.Where(c => c.CollegeId == college && !c.Interviews.Any()).Select(c => new { c.MajorId, c.Id }).ToListAsync();
            var m = unbooked.GroupBy(c => c.MajorId).OrderByDescending(g => g.Count()).First();
            return (m.Key, m.Select(c => c.Id).ToList());
        });
        Assert.True(free.Count >= 2);
        var fields = new Dictionary<string, string>(Fields(room, "", "2031-05-14", "08:30")) { ["Input.MajorId"] = Text(major) };
        var html = await (await client.PostFormAsync($"{Page}?handler=Preview", fields, Page)).Content.ReadAsStringAsync();
        var planned = Block().Count(html);
        Assert.True(planned >= free.Count);

        // One of the major's candidates gets an exam elsewhere: the major's plan now has one block fewer.
        var api = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/interviews",
            PlanningDesk.Booking(free[0], await desk.RoomOfAsync("secretary1"), "2031-06-20T09:00:00+08:00", 10))).StatusCode);
        var before = await CountsAsync();

        var commit = await client.PostFormAsync($"{Page}?handler=Commit", new Dictionary<string, string>(fields) { ["Plan"] = PlanOf(html) }, Page);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var again = await commit.Content.ReadAsStringAsync();
        Assert.Contains("方案已与预览不同", again); // the zh-CN page says why nothing was scheduled
        Assert.Equal(planned - 1, Block().Count(again));
        Assert.NotEqual(PlanOf(html), PlanOf(again));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Another_colleges_room_is_not_found_and_non_planners_are_refused()
    {
        var room = await desk.RoomOfAsync("secretary1");
        var candidate = (await desk.FreeCandidatesAsync("secretary2", 1))[0];
        var stranger = await SecretaryAsync("secretary2");
        var before = await CountsAsync();
        var preview = await stranger.PostFormAsync($"{Page}?handler=Preview", Fields(room, (await ExamNumbersAsync([candidate]))[0], "2031-05-15", "09:00"), Page);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"找不到考场 {room}。", html);
        Assert.Equal(0, Block().Count(html));
        Assert.Equal(before, await CountsAsync());

        var assistant = await SecretaryAsync("assistant1");
        var denied = await assistant.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("AccessDenied", denied.Headers.Location?.ToString());
        // A valid token (from a page the assistant may open), so it is the policy that refuses the post.
        var post = await assistant.PostFormAsync($"{Page}?handler=Commit", new Dictionary<string, string>(Fields(room, "x", "2031-05-15", "09:00")) { ["Plan"] = "x" }, "/Account/TwoFactor");
        Assert.Contains("AccessDenied", post.Headers.Location?.ToString());
        var anonymous = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("/Account/Login", (await anonymous.GetAsync(Page)).Headers.Location?.ToString());
        Assert.Equal(before, await CountsAsync());
    }

    private async Task<HttpClient> SecretaryAsync(string userName)
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInStaffAsync(userName);
        return client;
    }

    private Task<List<string>> ExamNumbersAsync(IEnumerable<int> ids)
    {
        var list = ids.ToList();
        return portal.WithDbAsync(async db =>
        {
            var numbers = await db.Candidates.Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ExamNumber);
            return list.Select(id => numbers[id]).ToList();
        });
    }

    /// <summary>Interviews, notifications and audit entries: a preview or a refused commit changes none of them.</summary>
    private Task<(int Interviews, int Notifications, int Audit)> CountsAsync() =>
        portal.WithDbAsync(async db => (await db.Interviews.IgnoreQueryFilters().CountAsync(), await db.Notifications.IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync()));

    private static Dictionary<string, string> Fields(int room, string examNumbers, string date, string time) => new()
    {
        ["Input.RoomId"] = Text(room), ["Input.ExamNumbers"] = examNumbers, ["Input.Date"] = date, ["Input.Time"] = time,
        ["Input.DurationMinutes"] = "20", ["Input.BreakMinutes"] = "5", ["Input.Kind"] = "Exam",
    };

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string PlanOf(string html) => PlanField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No plan on the page.");

    [GeneratedRegex("data-planned-block")]
    private static partial Regex Block();

    [GeneratedRegex("name=\"Plan\" value=\"([0-9A-F]+)\"")]
    private static partial Regex PlanField();
}

public sealed class SqliteAutoSchedulePreviewTests(SqlitePortalFactory portal) : AutoSchedulePreviewTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresAutoSchedulePreviewTests(PostgresPortalFactory portal) : AutoSchedulePreviewTests(portal), IClassFixture<PostgresPortalFactory>;
