using System.Diagnostics;
using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// The boards in the browser (zh-CN): the college board follows an assistant's move live, and the admin's home is the
/// university board. The states before the move are arranged on the entity (other features' jobs make them).
/// </summary>
public sealed class BoardJourneys(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    /// <summary>The board's promise: an assistant's move shows on it within this.</summary>
    private const int LiveWithinMs = 2000;

    [Fact]
    public async Task The_college_board_shows_the_assistant_starting_an_interview_within_two_seconds()
    {
        var (interview, name, room) = await BookTodayAsync("assistant1", minutesFromNow: -1, InterviewStatus.Invited);
        var day = BeijingTime.ToLocal(interview.StartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await portal.RunPageAsync(async board =>
        {
            await board.GotoAsync("/College");
            var row = board.Locator($"#college-progress tr[data-room-id=\"{room}\"]");
            await Expect(row.Locator("[data-current]")).ToContainTextAsync(name);
            await Expect(row.Locator("[data-current] .status")).ToHaveTextAsync("已邀请");
            await Expect(board.Locator("#college-connection")).ToHaveTextAsync("实时更新已连接");
            var running = int.Parse(await row.Locator(".progress-figures").GetAttributeAsync("data-progress-running") ?? "-1");

            await using var second = await portal.NewContextAsync(new Visit("assistant1"));
            var console = await second.NewPageAsync();
            await console.GotoAsync("/Console?date=" + day);
            var start = console.Locator($"#interview-{interview.Id}").GetByRole(AriaRole.Button, new() { Name = $"环境检查通过 — {name}" });
            await Expect(start).ToBeEnabledAsync();

            var clock = Stopwatch.StartNew();
            await start.ClickAsync();
            // Polled every 50 ms in the page, so the time measured is the board's, not the assertion's back-off.
            await board.WaitForFunctionAsync(
                "room => document.querySelector('#college-progress tr[data-room-id=\"' + room + '\"] [data-current] .status')?.textContent.trim() === '面试中'",
                room, new() { PollingInterval = 50, Timeout = LiveWithinMs });
            var shownAfter = clock.ElapsedMilliseconds;
            await Expect(row.Locator(".progress-figures")).ToHaveAttributeAsync("data-progress-running", (running + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                new() { Timeout = Math.Max(1, LiveWithinMs - clock.ElapsedMilliseconds) });
            await Expect(row.Locator(".progress-figures")).ToContainTextAsync($"进行中 {running + 1}");
            output.WriteLine($"The board showed the move {shownAfter} ms after the click.");
        }, new Visit("secretary1"));
    }

    [Fact]
    public async Task The_admin_home_is_the_university_board_with_each_colleges_figures_and_the_hourly_chart()
    {
        var (done, _, _) = await BookTodayAsync("assistant2", minutesFromNow: -30, InterviewStatus.Completed);
        var college = done.CollegeId;
        var (from, to) = BeijingTime.DayRange(BeijingTime.Today(TimeProvider.System));
        var total = await portal.Portal.WithDbAsync(db => db.Interviews
            .CountAsync(i => i.CollegeId == college && i.StartsAt >= from && i.StartsAt < to && i.Status != InterviewStatus.Cancelled));
        var hour = BeijingTime.ToLocal(done.StartsAt).Hour;

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Admin");
            var row = page.Locator($"tr[data-college-id=\"{college}\"]");
            await Expect(row.Locator(".progress-figures")).ToHaveAttributeAsync("data-progress-done", "1");
            await Expect(row.Locator(".progress-figures")).ToContainTextAsync("完成 1");
            await Expect(row.Locator(".progress-figures")).ToContainTextAsync($"（共 {total}）");
            var chart = page.Locator("svg.hour-chart");
            await Expect(chart).ToBeVisibleAsync();
            await Expect(chart.Locator("title")).ToHaveTextAsync("今日每小时面试数");
            await Expect(page.Locator($"svg.hour-chart g[data-hour=\"{hour}\"]")).ToHaveAttributeAsync("data-done", "1");
            var hidden = page.Locator("table.visually-hidden tr", new() { Has = page.Locator("th", new() { HasText = $"{hour:00}:00" }) });
            await Expect(hidden.Locator("td").Nth(1)).ToHaveTextAsync("1");
            // The seven administration links are still on the page.
            await Expect(page.Locator("nav .admin-links a")).ToHaveCountAsync(7);
        }, new Visit("admin"));
    }

    /// <summary>A new interview today for a free candidate of the assistant's room, moved to <paramref name="status"/>.</summary>
    private Task<(Interview Interview, string Name, int Room)> BookTodayAsync(string assistant, int minutesFromNow, InterviewStatus status) =>
        portal.Portal.WithDbAsync(async db =>
        {
            var room = await db.ExamRooms.Where(r => r.Assistant!.UserName == assistant).FirstAsync();
            var candidate = await db.Candidates.Where(c => c.CollegeId == room.CollegeId && !c.Interviews.Any()).OrderBy(c => c.Id).FirstAsync();
            var now = DateTime.UtcNow;
            var startsAt = now.AddMinutes(minutesFromNow);
            // Just after midnight in Beijing "before now" is yesterday: start a little later instead, still today.
            if (BeijingTime.ToLocal(startsAt).Date != BeijingTime.ToLocal(now).Date)
                startsAt = now.AddMinutes(1);
            var interview = Interview.Book(candidate, room, new DateTime(startsAt.Ticks - startsAt.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc), 20, InterviewKind.Exam);
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            interview = await db.NotifyAsync(interview.Id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            interview.Invite(now);
            if (status == InterviewStatus.Completed)
            {
                interview.AcceptRoomScan(now);
                interview.Complete(now);
            }
            await db.SaveChangesAsync();
            return (interview, candidate.Name, room.Id);
        });
}
