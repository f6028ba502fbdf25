using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Verifications;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// Exam day in the browser: the assistant reviews and approves a photo and moves the interview on from the console
/// while a secretary's console updates live; a candidate on a phone signs in with the code and uploads the photo.
/// The T-20 notice job is another feature's, so the Notified state is arranged on the entity.
/// </summary>
public sealed class ExamDayJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    /// <summary>
    /// The CS room's interviews of the coming hours in start order: the demo's first six start 30–155 minutes after
    /// seeding (their candidates have confirmed the pledge). Not "today in Beijing": near midnight there those six
    /// straddle two days.
    /// </summary>
    private Task<Interview> TodaysInterviewAsync(int index) => portal.Portal.WithDbAsync(async db =>
    {
        var room = await db.ExamRooms.Where(r => r.Assistant!.UserName == "assistant1").Select(r => r.Id).FirstAsync();
        var (from, to) = (DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(4));
        var interviews = await db.Interviews.Include(i => i.Candidate)
            .Where(i => i.ExamRoomId == room && i.StartsAt >= from && i.StartsAt < to).OrderBy(i => i.StartsAt).ToListAsync();
        return interviews[index];
    });

    private Task MarkNotifiedAsync(int interviewId) => portal.Portal.NotifyAsync(interviewId);

    [Fact]
    public async Task Assistant_approves_the_photo_and_moves_on_while_the_secretary_console_follows_live()
    {
        var interview = await TodaysInterviewAsync(0);
        var candidate = interview.Candidate;
        await MarkNotifiedAsync(interview.Id);
        using (var assistant = await portal.Portal.ClientForStaffAsync("assistant1"))
        using (var upload = await assistant.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg(320, 200)))
            Assert.True(upload.IsSuccessStatusCode, $"upload answered {(int)upload.StatusCode}");

        // The interview's own day: near midnight in Beijing the demo's first interviews are already tomorrow's.
        var console = "/Console?date=" + BeijingTime.ToLocal(interview.StartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await portal.RunPageAsync(async page =>
        {
            // The secretary watches the same day read-only in a second browser.
            await using var other = await portal.NewContextAsync(new Visit("secretary1"));
            var watch = await other.NewPageAsync();
            await watch.GotoAsync(console);
            var watchedStatus = watch.Locator($"#interview-{interview.Id} .status");
            await Expect(watchedStatus).ToHaveTextAsync("待核验");
            await Expect(watch.Locator("#console-connection")).ToHaveTextAsync("实时更新已连接");

            await page.GotoAsync("/Review");
            await page.Locator(".review-queue a", new() { HasText = candidate.Name }).ClickAsync();
            await Expect(page.Locator(".review-detail .id-number")).ToHaveTextAsync(candidate.IdNumber);
            var photo = page.Locator("#review-photo");
            await Expect(photo).ToBeVisibleAsync();
            // The photo really decodes (the protected store served a JPEG), not a broken-image icon.
            await page.WaitForFunctionAsync("() => { const img = document.getElementById('review-photo'); return img.complete && img.naturalWidth > 0; }");
            await page.GetByRole(AriaRole.Button, new() { Name = "核验通过" }).ClickAsync();
            await Expect(page.Locator("main [role=status]").First).ToBeVisibleAsync();
            await Expect(watchedStatus).ToHaveTextAsync("已核验");

            await page.GotoAsync(console);
            var row = page.Locator($"#interview-{interview.Id}");
            await Expect(row.Locator(".status")).ToHaveTextAsync("已核验");
            await row.GetByRole(AriaRole.Button, new() { Name = $"邀请入会 — {candidate.Name}" }).ClickAsync();
            await Expect(row.Locator(".status")).ToHaveTextAsync("已邀请");
            await Expect(watchedStatus).ToHaveTextAsync("已邀请");
        }, new Visit("assistant1"));
    }

    [Fact]
    public async Task Candidate_signs_in_on_a_phone_sees_the_assignment_and_uploads_the_photo()
    {
        var interview = await TodaysInterviewAsync(1);
        var candidate = interview.Candidate;
        await MarkNotifiedAsync(interview.Id);
        var photoFile = Path.Combine(portal.Portal.Database.Folder, "id-card.jpg");
        await File.WriteAllBytesAsync(photoFile, TestPhotos.Jpeg(640, 400));

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Me");
            await Expect(page.Locator(".me-exam-number")).ToHaveTextAsync(candidate.ExamNumber);
            await Expect(page.Locator(".me-facts").First).ToContainTextAsync("计算机科学与技术学院");
            await Expect(page.Locator(".me-facts").First).ToContainTextAsync(await MajorCodeAsync(candidate.MajorId));
            var local = BeijingTime.ToLocal(interview.StartsAt);
            await Expect(page.Locator(".me-when time")).ToHaveTextAsync(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            await Expect(page.Locator(".me-when")).ToContainTextAsync("北京时间");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

            await page.GetByLabel("拍照或选择照片").SetInputFilesAsync(photoFile);
            await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
            await Expect(page.Locator("#me-photo-result")).ToHaveTextAsync("已提交，请等待考试助理审核。");
            await Expect(page.Locator(".me-card .status-idsubmitted")).ToHaveTextAsync("照片已提交，等待审核");
        }, Visit.CandidateWith(candidate.Phone) with { Viewport = Visit.Phone });

        var status = await portal.Portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interview.Id).Select(i => i.Status).FirstAsync());
        Assert.Equal(InterviewStatus.IdSubmitted, status);
    }

    private Task<string> MajorCodeAsync(int majorId) =>
        portal.Portal.WithDbAsync(db => db.Majors.Where(m => m.Id == majorId).Select(m => m.Code).FirstAsync());
}
