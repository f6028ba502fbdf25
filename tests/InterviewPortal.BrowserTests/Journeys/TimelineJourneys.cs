using System.Net.Http.Json;
using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Interviews;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// The secretary's day timeline in zh-CN: book an unscheduled candidate into a room's free slot, move an interview with
/// the keyboard only, be refused a move onto a busy assistant (with the reason, the move still open), cancel one,
/// preview an auto-schedule and commit it.
/// Each journey takes its own day a few days ahead (the demo default windows: 08:30-12:00, 14:00-18:00).
/// </summary>
public sealed class TimelineJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private readonly PlanningDesk desk = new(portal.Portal);

    [Fact]
    public async Task Secretary_finds_an_unscheduled_candidate_and_books_them_into_a_free_slot_of_a_room()
    {
        var (room, roomName) = await RoomAsync();
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var (examNumber, name) = await NamesAsync(candidate);
        var day = Day(5);

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await page.GetByLabel("按姓名、考生编号或专业查找").FillAsync(examNumber);
            await Expect(page.Locator("#tl-candidates li:visible")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Radio, new() { Name = examNumber }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("09:10", "09:30", roomName) }).ClickAsync();

            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("已安排面试");
            var block = page.Locator("li.tl-block", new() { HasText = name });
            await Expect(block).ToContainTextAsync("09:10–09:30");
            await Expect(block.Locator(".status")).ToHaveTextAsync("已排期");
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = examNumber })).ToHaveCountAsync(0);
        }, new Visit("secretary1"));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 09:10", CultureInfo.InvariantCulture)), await StartAsync(candidate));
    }

    [Fact]
    public async Task Secretary_moves_an_interview_with_the_keyboard_only()
    {
        var (room, roomName) = await RoomAsync();
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var (_, name) = await NamesAsync(candidate);
        var day = Day(6);
        var id = await BookAsync(candidate, room, $"{day}T08:30:00+08:00");

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^改期\\s*{Regex.Escape(name)}") }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#moving-note")).ToContainTextAsync(name);
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("14:00", "14:20", roomName) }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync($"面试 {id} 已改期。");
            await Expect(page.Locator("li.tl-block", new() { HasText = name })).ToContainTextAsync("14:00–14:20");
        }, new Visit("secretary1"));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 14:00", CultureInfo.InvariantCulture)), await StartAsync(candidate));
    }

    [Fact]
    public async Task Secretary_is_refused_a_move_onto_a_busy_assistant_and_sees_why_with_the_move_still_open()
    {
        var (room, roomName) = await RoomAsync();
        var candidates = await desk.FreeCandidatesAsync("secretary1", 2);
        var (_, name) = await NamesAsync(candidates[0]);
        var day = Day(7);
        await BookAsync(candidates[0], room, $"{day}T08:30:00+08:00");
        using var api = await portal.Portal.ClientForStaffAsync("secretary1");
        var assistant = await portal.Portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Assistant!.UserName).FirstAsync());
        var sameAssistant = await desk.CreateRoomAsync(api, "时间轴旅程同助理考场", assistant);

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^改期\\s*{Regex.Escape(name)}") }).ClickAsync();
            var slot = page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("10:30", "10:50", roomName) });
            await Expect(slot).ToBeVisibleAsync();
            // Meanwhile the assistant's other room books 10:30: the slot shown a moment ago is no longer free.
            await BookAsync(candidates[1], sameAssistant, $"{day}T10:30:00+08:00");
            await slot.ClickAsync();

            await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("该考场的助理此时正在考场");
            await Expect(page.Locator("#moving-note")).ToContainTextAsync(name);
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("10:30", "10:50", roomName) })).ToHaveCountAsync(0);
        }, new Visit("secretary1"));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 08:30", CultureInfo.InvariantCulture)), await StartAsync(candidates[0]));
    }

    [Fact]
    public async Task Secretary_cancels_an_interview_after_confirming()
    {
        var (room, roomName) = await RoomAsync();
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var (_, name) = await NamesAsync(candidate);
        var day = Day(8);
        var id = await BookAsync(candidate, room, $"{day}T15:00:00+08:00");

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^取消\\s*{Regex.Escape(name)}") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "确认取消面试？" })).ToBeVisibleAsync();
            Assert.Equal(InterviewStatus.Scheduled, await StatusAsync(id));
            await page.GetByRole(AriaRole.Button, new() { Name = "确认取消" }).ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync($"面试 {id} 已取消。");
            await Expect(page.Locator("li.tl-block", new() { HasText = name })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("15:00", "15:20", roomName) })).ToBeVisibleAsync();
        }, new Visit("secretary1"));
        Assert.Equal(InterviewStatus.Cancelled, await StatusAsync(id));
    }

    [Fact]
    public async Task Secretary_previews_an_auto_schedule_then_commits_exactly_the_previewed_blocks()
    {
        var (room, _) = await RoomAsync();
        var candidates = await desk.FreeCandidatesAsync("secretary1", 2);
        var first = await NamesAsync(candidates[0]);
        var second = await NamesAsync(candidates[1]);
        var day = Day(11);

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await page.GetByRole(AriaRole.Link, new() { Name = "自动排考预览" }).ClickAsync();
            await page.GetByLabel("考生编号（每行一个；留空则按专业）").FillAsync($"{first.ExamNumber}\n{second.ExamNumber}");
            await page.GetByLabel("首场开始时间").FillAsync("08:30");
            await page.GetByLabel("时长（分钟）").FillAsync("20");
            await page.GetByLabel("间隔（分钟）").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();

            var planned = page.Locator("tr[data-planned-block]");
            await Expect(planned).ToHaveCountAsync(2);
            await Expect(planned.Nth(0)).ToContainTextAsync($"{day} 08:30–08:50");
            await Expect(planned.Nth(0)).ToContainTextAsync(first.Name);
            await Expect(planned.Nth(1)).ToContainTextAsync($"{day} 09:00–09:20");
            await Expect(planned.Nth(1)).ToContainTextAsync(second.Name);
            Assert.False(await portal.Portal.WithDbAsync(db => db.Interviews.AnyAsync(i => candidates.Contains(i.CandidateId))));

            await page.GetByRole(AriaRole.Button, new() { Name = "确认排期" }).ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("已按预览安排 2 场面试");
            await Expect(page.Locator("li.tl-block", new() { HasText = first.Name })).ToContainTextAsync("08:30–08:50");
            await Expect(page.Locator("li.tl-block", new() { HasText = second.Name })).ToContainTextAsync("09:00–09:20");
        }, new Visit("secretary1"));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 08:30", CultureInfo.InvariantCulture)), await StartAsync(candidates[0]));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 09:00", CultureInfo.InvariantCulture)), await StartAsync(candidates[1]));
    }

    [Fact]
    public async Task Dragging_a_candidate_onto_a_slot_books_them_and_dragging_a_block_onto_another_slot_moves_it()
    {
        var (room, roomName) = await RoomAsync();
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var (examNumber, name) = await NamesAsync(candidate);
        var day = Day(10);
        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            await page.Locator($"#tl-candidates li[data-exam-number='{examNumber}']")
                .DragToAsync(page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("09:10", "09:30", roomName) }));
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("已安排面试");
            var block = page.Locator("li.tl-block", new() { HasText = name });
            await Expect(block).ToContainTextAsync("09:10–09:30");

            await block.DragToAsync(page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("10:10", "10:30", roomName) }));
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("已改期");
            await Expect(page.Locator("li.tl-block", new() { HasText = name })).ToContainTextAsync("10:10–10:30");
        }, new Visit("secretary1"));
        Assert.Equal(BeijingTime.FromLocal(DateTime.Parse($"{day} 10:10", CultureInfo.InvariantCulture)), await StartAsync(candidate));
    }

    [Fact]
    public async Task On_a_phone_the_timeline_is_a_list_per_room_with_its_slot_buttons_and_no_sideways_scrolling()
    {
        var (room, roomName) = await RoomAsync();
        var day = Day(9);
        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync($"/Schedule?roomId={room}&date={day}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"/Schedule is {widths[0]}px wide on a {widths[1]}px screen");
            await Expect(page.Locator(".tl-hours")).ToBeHiddenAsync();
            var first = page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("08:30", "08:50", roomName) });
            var second = page.GetByRole(AriaRole.Button, new() { NameRegex = SlotName("08:50", "09:10", roomName) });
            var (a, b) = (await first.BoundingBoxAsync(), await second.BoundingBoxAsync());
            Assert.True(a is not null && b is not null && b.Y > a.Y && Math.Abs(b.X - a.X) < 1, "the slots stand one under another");
        }, new Visit("secretary1") { Viewport = Visit.Phone });
    }

    private static string Day(int ahead) => BeijingTime.Today(TimeProvider.System).AddDays(ahead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Regex SlotName(string from, string to, string room) => new($"^{from}\\s*–\\s*{to}\\s*{Regex.Escape(room)}");

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would; fails after 400 presses.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var n = 0; n < 400; n++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                return;
        }
        Assert.Fail("Tab never reached the element.");
    }

    private async Task<(int Id, string Name)> RoomAsync()
    {
        var room = await desk.RoomOfAsync("secretary1");
        return (room, await portal.Portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Name).FirstAsync()));
    }

    private async Task<int> BookAsync(int candidate, int room, string startsAt)
    {
        using var api = await portal.Portal.ClientForStaffAsync("secretary1");
        var response = await api.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, room, startsAt));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<(string ExamNumber, string Name)> NamesAsync(int candidate) => portal.Portal.WithDbAsync(async db =>
        await db.Candidates.Where(c => c.Id == candidate).Select(c => new { c.ExamNumber, c.Name }).FirstAsync() is var c ? (c.ExamNumber, c.Name) : default);

    private Task<DateTime> StartAsync(int candidate) => portal.Portal.WithDbAsync(db =>
        db.Interviews.Where(i => i.CandidateId == candidate && i.Status != InterviewStatus.Cancelled).Select(i => i.StartsAt).FirstAsync());

    private Task<InterviewStatus> StatusAsync(int id) => portal.Portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Status).FirstAsync());
}
