using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

public class SchedulePageTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task A_secretary_books_by_hand_on_the_page_sees_field_errors_and_the_rehearsal_in_the_day_view()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInStaffAsync("secretary1");
        var room = await desk.RoomOfAsync("secretary1");
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var examNumber = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate).Select(c => c.ExamNumber).FirstAsync());
        var url = $"/Schedule?date=2030-09-01&roomId={room}";

        var bad = await client.PostFormAsync($"/Schedule?handler=Book&date=2030-09-01&roomId={room}", new Dictionary<string, string>
        {
            ["Book.ExamNumbers"] = examNumber, ["Book.RoomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Book.Date"] = "2030-09-01", ["Book.DurationMinutes"] = "0", ["Book.Kind"] = "Rehearsal",
        }, url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync();
        // The page is in zh-CN: the validator's messages too (they were English-only before issue 17).
        Assert.Contains("startsAt 为必填项。", page);
        Assert.Contains("durationMinutes 必须在 1 到 480 之间。", page);

        var good = await client.PostFormAsync($"/Schedule?handler=Book&date=2030-09-01&roomId={room}", new Dictionary<string, string>
        {
            ["Book.ExamNumbers"] = examNumber, ["Book.RoomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Book.Date"] = "2030-09-01", ["Book.Time"] = "14:10", ["Book.DurationMinutes"] = "20", ["Book.Kind"] = "Rehearsal",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var view = await client.GetStringAsync(url);
        Assert.Contains("14:10–14:30", view);
        Assert.Contains(examNumber, view);
        Assert.Contains("kind-badge", view);
        var start = new DateTime(2030, 9, 1, 6, 10, 0);
        Assert.True(await portal.WithDbAsync(db => db.Interviews.AnyAsync(i => i.CandidateId == candidate && i.StartsAt == start)));

        var clash = await client.PostFormAsync($"/Schedule?handler=Book&date=2030-09-01&roomId={room}", new Dictionary<string, string>
        {
            ["Book.ExamNumbers"] = examNumber, ["Book.RoomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Book.Date"] = "2030-09-01", ["Book.Time"] = "14:20", ["Book.DurationMinutes"] = "20",
        }, url);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("已有考场", await clash.Content.ReadAsStringAsync()); // the zh-CN page: "考生 … 已有考场“…”…的面试 …"
    }

    [Fact]
    public async Task The_rooms_page_creates_a_room_and_shows_a_field_error_for_a_non_assistant()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInStaffAsync("secretary2");

        var bad = await client.PostFormAsync("/Rooms/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "页面考场", ["Input.AssistantUserName"] = "secretary1", ["Input.Examiners"] = "周老师\n吴老师",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("“secretary1”不是考试助理账号", await bad.Content.ReadAsStringAsync()); // the page is in zh-CN, its field errors too

        var good = await client.PostFormAsync("/Rooms/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "页面考场", ["Input.AssistantUserName"] = "assistant2", ["Input.Examiners"] = "周老师\n吴老师",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("页面考场", await client.GetStringAsync("/Rooms"));
        var examiners = await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Name == "页面考场").SelectMany(r => r.Examiners.Select(e => e.Name)).ToListAsync());
        Assert.Equal(["吴老师", "周老师"], examiners.Order());
    }
}
