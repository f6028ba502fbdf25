using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>Runs only when PORTAL_SCREENSHOTS=1 (scripts/screenshots.sh): it writes the README's pictures, it proves nothing.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") != "1")
            Skip = "Writes docs/screenshots: run scripts/screenshots.sh.";
    }
}

/// <summary>
/// The README's screenshots from the demo university, in Chinese: the secretary's schedule on a laptop (1280×800)
/// on the busiest day of her college, and a candidate's page on a phone (390×844). First screen only, as a reader sees it.
/// </summary>
public sealed class ReadmeScreenshots(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static string Folder => Path.Combine(RepoPaths.Root, "docs", "screenshots");

    [ScreenshotFact]
    public async Task Secretary_schedule_on_a_laptop()
    {
        var day = await portal.Portal.WithDbAsync(async db =>
        {
            var college = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync();
            var starts = await db.Interviews.Where(i => i.CollegeId == college).Select(i => i.StartsAt).ToListAsync();
            return starts.GroupBy(s => DateOnly.FromDateTime(BeijingTime.ToLocal(s).DateTime)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        });
        await portal.RunPageAsync(async page =>
        {
            var response = await page.GotoAsync($"/Schedule?date={day:yyyy-MM-dd}");
            Assert.True(response!.Ok);
            await SaveAsync(page, "schedule-timeline.png");
        }, new Visit("secretary1") { Viewport = Visit.Laptop });
    }

    [ScreenshotFact]
    public Task Candidate_page_on_a_phone() =>
        portal.RunPageAsync(async page =>
        {
            var response = await page.GotoAsync("/Me");
            Assert.True(response!.Ok);
            await SaveAsync(page, "candidate-phone.png");
        }, new Visit(Visit.Candidate) { Viewport = new() { Width = 390, Height = 844 } });

    private static async Task SaveAsync(IPage page, string name)
    {
        // Fonts and late scripts (the timeline, the live status) settle before the picture is taken.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => document.fonts.ready");
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new() { Path = file, FullPage = false });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty.");
    }
}
