using System.Text;
using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>The college secretary's desk in the browser: a CSV of candidates in, then into the room's schedule.</summary>
public sealed class SecretaryJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private sealed record Row(string ExamNumber, string Name, string IdNumber, string Phone, string MajorCode);

    /// <summary>Three new CS candidates; phones start 166, a prefix the demo data never uses.</summary>
    private static readonly Row[] NewCandidates =
    [
        new("104872026900001", "浏览器甲", IdNumber("110105", "19990214", "101"), "16612340001", "081200"),
        new("104872026900002", "浏览器乙", IdNumber("310104", "20000530", "202"), "16612340002", "083500"),
        new("104872026900003", "浏览器丙", IdNumber("440106", "19981109", "303"), "16612340003", "085400"),
    ];

    [Fact]
    public async Task Secretary_imports_candidates_from_a_csv_sees_them_listed_and_schedules_them_into_the_room()
    {
        var csv = Path.Combine(portal.Portal.Database.Folder, "candidates.csv");
        var lines = NewCandidates.Select(c => string.Join(',', c.ExamNumber, c.Name, c.IdNumber, c.Phone, c.MajorCode));
        await File.WriteAllTextAsync(csv, string.Join("\r\n", lines.Prepend("考生编号,姓名,身份证号,手机号,专业代码")) + "\r\n", new UTF8Encoding(false));
        var room = await portal.Portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Assistant!.UserName == "assistant1").Select(r => new { r.Id, r.Name }).FirstAsync());
        var day = BeijingTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await portal.RunPageAsync(async page =>
        {
            // Import: the check writes nothing, then the confirmation imports.
            await page.GotoAsync("/Candidates/Import");
            await page.GetByLabel("选择文件").SetInputFilesAsync(csv);
            await page.GetByRole(AriaRole.Button, new() { Name = "预检（不写入）" }).ClickAsync();
            await Expect(page.Locator("#preview-title")).ToHaveTextAsync("预检通过");
            await Expect(page.Locator("main")).ToContainTextAsync("将新增 3 名、更新 0 名考生。");
            Assert.Equal(0, await CountImportedAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Expect(page.Locator("main [role=status]")).ToHaveTextAsync("导入完成：新增 3 名，更新 0 名。");

            await page.GotoAsync("/Candidates?q=10487202690000");
            var listed = page.Locator("main table.grid tbody tr");
            await Expect(listed).ToHaveCountAsync(3);
            foreach (var c in NewCandidates)
                await Expect(listed.Filter(new() { HasText = c.ExamNumber })).ToContainTextAsync(c.Name);

            await ScheduleAsync(page, string.Join('\n', NewCandidates.Select(c => c.ExamNumber)), room.Name, day);
            await Expect(page.Locator("main [role=status]").First).ToContainTextAsync("已按预览安排 3 场面试。");

            await page.GotoAsync($"/Schedule?roomId={room.Id}&date={day}");
            // The day timeline: the room's blocks in time order, each with its time, the candidate's name and major.
            var rows = page.Locator($"ul[aria-labelledby='room-{room.Id}-{day}'] li.tl-block");
            await Expect(rows).ToHaveCountAsync(3);
            await Expect(rows.Nth(0).Locator(".tl-time")).ToHaveTextAsync("09:00–09:20");
            await Expect(rows.Nth(1).Locator(".tl-time")).ToHaveTextAsync("09:25–09:45");
            await Expect(rows.Nth(2).Locator(".tl-time")).ToHaveTextAsync("09:50–10:10");
            for (var n = 0; n < NewCandidates.Length; n++)
                await Expect(rows.Nth(n).Locator(".tl-name")).ToHaveTextAsync(NewCandidates[n].Name);
        }, new Visit("secretary1"));
    }

    private Task<int> CountImportedAsync() => portal.Portal.WithDbAsync(db => db.Candidates.CountAsync(c => c.ExamNumber.StartsWith("10487202690000")));

    /// <summary>Auto-schedules through the preview page (/Schedule/AutoSchedule): exam numbers one a line, 20 minutes
    /// each, 5 between; previews, sees the planned blocks, then commits exactly those.</summary>
    private static async Task ScheduleAsync(IPage page, string examNumbers, string roomName, string day)
    {
        await page.GotoAsync("/Schedule/AutoSchedule");
        await page.GetByLabel("考生编号（每行一个；留空则按专业）").FillAsync(examNumbers);
        await page.GetByLabel("考场").SelectOptionAsync(new SelectOptionValue { Label = roomName });
        await page.GetByLabel("日期（北京时间）").FillAsync(day);
        await page.GetByLabel("首场开始时间").FillAsync("09:00");
        await page.GetByLabel("时长（分钟）").FillAsync("20");
        await page.GetByLabel("间隔（分钟）").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.Locator("tr[data-planned-block]")).ToHaveCountAsync(examNumbers.Split('\n').Length);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认排期" }).ClickAsync();
    }

    /// <summary>A GB 11643 citizen ID: region, birth date, sequence, and the ISO 7064 MOD 11-2 check character.</summary>
    private static string IdNumber(string region, string birth, string sequence)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var first17 = region + birth + sequence;
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
