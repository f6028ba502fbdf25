using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.ExamDay;

/// <summary>The college board and the university board count the seeded day (<see cref="BoardPortal"/>) right, for the right people.</summary>
public abstract partial class BoardTests(BoardPortal portal)
{
    [Fact]
    public async Task The_college_board_counts_each_rooms_progress_current_and_next_the_late_the_absent_and_totals_by_status()
    {
        var day = await portal.DayAsync();
        var secretary = await portal.ClientForStaffAsync("secretary1");

        var view = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/colleges/{day.CollegeA}/exam-day");

        AssertFigures(view.GetProperty("progress"), done: 3, absent: 1, inProgress: 2, remaining: 5);
        var rooms = view.GetProperty("rooms").EnumerateArray().ToDictionary(r => r.GetProperty("roomId").GetInt32());
        Assert.Equal(2, rooms.Count);
        AssertFigures(rooms[day.RoomOne].GetProperty("progress"), done: 2, absent: 1, inProgress: 1, remaining: 2);
        Assert.Equal(day.Interviews["A 11:40"], rooms[day.RoomOne].GetProperty("current").GetProperty("id").GetInt32());
        Assert.Equal("InProgress", rooms[day.RoomOne].GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(day.Interviews["A 13:00"], rooms[day.RoomOne].GetProperty("next").GetProperty("id").GetInt32());
        AssertFigures(rooms[day.RoomTwo].GetProperty("progress"), done: 1, absent: 0, inProgress: 1, remaining: 3);
        Assert.Equal(day.Interviews["A2 11:30"], rooms[day.RoomTwo].GetProperty("current").GetProperty("id").GetInt32());
        Assert.Equal("Interrupted", rooms[day.RoomTwo].GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(day.Interviews["A2 11:50"], rooms[day.RoomTwo].GetProperty("next").GetProperty("id").GetInt32());
        Assert.Equal([day.Interviews["A2 11:50"], day.Interviews["A2 11:55"]], Ids(view.GetProperty("late")));
        Assert.Equal([day.Interviews["A 10:00"]], Ids(view.GetProperty("absent")));
        var totals = view.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("status").GetString()!, t => t.GetProperty("count").GetInt32());
        Assert.Equal(4, totals["Scheduled"]);
        Assert.Equal(1, totals["IdVerified"]);
        Assert.Equal(1, totals["InProgress"]);
        Assert.Equal(1, totals["Interrupted"]);
        Assert.Equal(2, totals["Completed"]);
        Assert.Equal(1, totals["Ended"]);
        Assert.Equal(1, totals["Absent"]);
        // The lists that were there before keep their shape.
        Assert.Equal([day.Interviews["A2 11:30"]], Ids(view.GetProperty("interrupted")));
        Assert.Equal([day.Interviews["A2 11:50"]], Ids(view.GetProperty("failedInvitations")));
    }

    [Fact]
    public async Task The_college_page_draws_the_bars_with_the_figures_beside_them_and_its_progress_part_alone_for_live_refresh()
    {
        var day = await portal.DayAsync();
        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");

        var page = await browser.GetStringAsync("/College");
        var part = await browser.GetStringAsync($"/College?handler=Progress&collegeId={day.CollegeA}");

        foreach (var html in new[] { page, part })
        {
            Assert.Contains("<svg class=\"progress-bar\"", html);
            Assert.Contains("data-progress-done=\"3\" data-progress-running=\"2\" data-progress-remaining=\"5\"", html);
            Assert.Contains($"data-room-id=\"{day.RoomTwo}\"", html);
            Assert.Contains("完成 3", html); // the figures in words beside the bar
            Assert.DoesNotContain(" style=\"", html);
        }
        Assert.DoesNotContain("<html", part);
        Assert.Contains("<html", page);
    }

    [Fact]
    public async Task A_secretary_sees_only_their_own_colleges_board()
    {
        var day = await portal.DayAsync();
        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/colleges/{day.CollegeB}/exam-day")).StatusCode);

        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");
        // Asking for the other college still shows their own.
        var part = await browser.GetStringAsync($"/College?handler=Progress&collegeId={day.CollegeB}");
        Assert.Contains($"data-room-id=\"{day.RoomOne}\"", part);
        Assert.Contains("data-progress-done=\"3\"", part);

        var assistant = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await assistant.SignInStaffAsync("assistant1");
        var refused = await assistant.GetAsync($"/College?handler=Progress&collegeId={day.CollegeA}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_university_board_shows_each_colleges_progress_failures_today_the_gateways_hour_and_interviews_per_hour()
    {
        var day = await portal.DayAsync();
        var admin = portal.CreateClient();
        await admin.SignInStaffAsync("admin");

        var page = await admin.GetStringAsync("/Admin");

        Assert.Contains("data-progress-done=\"3\" data-progress-running=\"2\" data-progress-remaining=\"5\"", Row(page, day.CollegeA));
        Assert.Contains("data-failed-invitations=\"1\"", Row(page, day.CollegeA));
        Assert.Contains("data-progress-done=\"1\" data-progress-running=\"0\" data-progress-remaining=\"1\"", Row(page, day.CollegeB));
        Assert.Contains("data-failed-invitations=\"1\"", Row(page, day.CollegeB));
        Assert.Contains("data-progress-done=\"4\" data-progress-running=\"2\" data-progress-remaining=\"6\"", Between(page, "data-board=\"progress\"", "data-board=\"failed-invitations\""));
        Assert.Matches("data-board=\"failed-invitations\">\\s*<span>[^<]+</span> <strong>2</strong>", page);
        Assert.Matches("data-board=\"failed-notices\">\\s*<span>[^<]+</span> <strong>1</strong>", page);
        Assert.Contains("data-gateway=\"sent\">1<", page);
        Assert.Contains("data-gateway=\"failed\">1<", page);
        Assert.Contains("data-gateway=\"overdue\">1<", page);
        // 09: three, all done; 10: two, one done (the other absent); 11: five; 12: none, still a column; 13-15: one each.
        var hours = HourColumn().Matches(page).ToDictionary(m => int.Parse(m.Groups[1].Value), m => (int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)));
        Assert.Equal(new Dictionary<int, (int, int)> { [9] = (3, 3), [10] = (2, 1), [11] = (5, 0), [12] = (0, 0), [13] = (1, 0), [14] = (1, 0), [15] = (1, 0) }, hours);
        Assert.Contains("<title id=\"hour-chart-title\">", page);
        Assert.Contains("<desc id=\"hour-chart-desc\">", page);
        Assert.Contains("<table class=\"visually-hidden\">", page);
        Assert.Contains("href=\"/Admin/Staff\"", page); // the administration links are still there
        Assert.DoesNotContain(" style=\"", page);
    }

    [Theory]
    [InlineData("secretary1")]
    [InlineData("assistant1")]
    public async Task Only_the_admin_sees_the_university_board(string userName)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString());
    }

    private static void AssertFigures(JsonElement figures, int done, int absent, int inProgress, int remaining)
    {
        Assert.Equal((done, absent, inProgress, remaining, done + absent + inProgress + remaining), (figures.GetProperty("done").GetInt32(),
            figures.GetProperty("absent").GetInt32(), figures.GetProperty("inProgress").GetInt32(), figures.GetProperty("remaining").GetInt32(),
            figures.GetProperty("total").GetInt32()));
    }

    private static List<int> Ids(JsonElement list) => list.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();

    private static string Row(string page, int collegeId) => Between(page, $"<tr data-college-id=\"{collegeId}\">", "</tr>");

    private static string Between(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        var to = page.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return page[from..to];
    }

    [GeneratedRegex("<g data-hour=\"(\\d+)\" data-interviews=\"(\\d+)\" data-done=\"(\\d+)\">")]
    private static partial Regex HourColumn();
}

public sealed class BoardSqliteTests(SqliteBoardPortal portal) : BoardTests(portal), IClassFixture<SqliteBoardPortal>;

public sealed class BoardPostgresTests(PostgresBoardPortal portal) : BoardTests(portal), IClassFixture<PostgresBoardPortal>;
