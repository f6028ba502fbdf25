using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>The college secretary's desk in the browser: candidates into the schedule of the college's room.</summary>
public sealed class SecretaryJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Secretary_auto_schedules_candidates_into_the_room_and_sees_them_in_the_day_view()
    {
        // Three CS candidates the demo left without an interview, on a day nobody planned yet.
        var waiting = await portal.Portal.WithDbAsync(db => db.Candidates
            .Where(c => c.College.Code == "CS" && !db.Interviews.Any(i => i.CandidateId == c.Id))
            .OrderBy(c => c.Id).Take(3).Select(c => new { c.ExamNumber, c.Name }).ToListAsync());
        Assert.Equal(3, waiting.Count);
        var room = await portal.Portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Assistant!.UserName == "assistant1").Select(r => new { r.Id, r.Name }).FirstAsync());
        var day = BeijingTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await portal.RunPageAsync(async page =>
        {
            await ScheduleAsync(page, string.Join('\n', waiting.Select(c => c.ExamNumber)), room.Name, day);
            await Expect(page.Locator("main [role=status]").First).ToContainTextAsync("已自动安排 3 场。");

            await page.GotoAsync($"/Schedule?roomId={room.Id}&date={day}");
            var rows = page.Locator($"section[aria-labelledby='room-{room.Id}'] table.schedule-timeline tbody tr");
            await Expect(rows).ToHaveCountAsync(3);
            await Expect(rows.Nth(0).Locator("th")).ToHaveTextAsync("09:00–09:20");
            await Expect(rows.Nth(1).Locator("th")).ToHaveTextAsync("09:25–09:45");
            for (var n = 0; n < waiting.Count; n++)
                await Expect(rows.Nth(n)).ToContainTextAsync($"{waiting[n].ExamNumber} {waiting[n].Name}");
        }, new Visit("secretary1"));
    }

    /// <summary>Fills the auto-schedule form of /Schedule: exam numbers one a line, 20 minutes each, 5 between.</summary>
    private static async Task ScheduleAsync(IPage page, string examNumbers, string roomName, string day)
    {
        await page.GotoAsync("/Schedule");
        var form = page.Locator("#auto");
        await form.GetByLabel("考生编号").FillAsync(examNumbers);
        await form.GetByLabel("考场").SelectOptionAsync(new SelectOptionValue { Label = roomName });
        await form.GetByLabel("日期（北京时间）").FillAsync(day);
        await form.GetByLabel("首场开始时间").FillAsync("09:00");
        await form.GetByLabel("时长（分钟）").FillAsync("20");
        await form.GetByLabel("间隔（分钟）").FillAsync("5");
        await form.GetByRole(AriaRole.Button, new() { Name = "自动排考" }).ClickAsync();
    }
}
