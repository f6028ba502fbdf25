using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.IntegrationTests.ExamDay;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// The room's WeLink meeting fails and the assistant switches the room to the backup platform (the demo's simulated
/// Tencent Meeting) while a candidate's page is open on a phone: the page shows the backup meeting code without a reload.
/// </summary>
public sealed class BackupMeetingJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Assistant_switches_the_room_and_the_candidates_open_page_shows_the_backup_code_without_a_reload()
    {
        var (room, phone) = await portal.Portal.WithDbAsync(async db =>
        {
            var roomId = await db.ExamRooms.Where(r => r.Assistant!.UserName == "assistant1").Select(r => r.Id).FirstAsync();
            // The demo's next interview in that room starts within the hour (today's session).
            var soon = DateTime.UtcNow.AddMinutes(5);
            var candidatePhone = await db.Interviews.Where(i => i.ExamRoomId == roomId && i.StartsAt >= soon).OrderBy(i => i.StartsAt)
                .Select(i => i.Candidate.Phone).FirstAsync();
            return (roomId, candidatePhone);
        });

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Me");
            await Expect(page.Locator("#me-meeting")).ToBeHiddenAsync(); // not invited yet: no meeting to show
            await Expect(page.Locator("#me-meeting[data-live='connected']")).ToHaveCountAsync(1); // the page listens now

            using var assistant = await portal.Portal.ClientForStaffAsync("assistant1");
            var answer = await assistant.PostAsJsonAsync($"/api/v1/rooms/{room}/meeting-platform", new { platform = "Backup", reason = "WeLink 会议服务无响应" });
            answer.EnsureSuccessStatusCode();
            var code = (await answer.Content.ReadFromJsonAsync<JsonObject>())!["meetingCode"]!.ToString();

            await Expect(page.Locator("#me-meeting .me-meeting-id")).ToHaveTextAsync(code, new() { Timeout = 2000 });
            await Expect(page.Locator("#me-meeting")).ToBeVisibleAsync();
            await Expect(page.Locator("#me-meeting .me-meeting-backup")).ToBeVisibleAsync();
            await Expect(page.Locator("#me-meeting .me-meeting-link a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://meeting\\.tencent\\.com/"));
        }, Visit.CandidateWith(phone) with { Viewport = Visit.Phone });
    }
}
