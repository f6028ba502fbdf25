using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Localization;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// The import page a new secretary meets: download the template, send it back unchanged for the check, read the rows
/// in the table (masked numbers, the check's verdict beside each) with no serious accessibility violation, in both languages.
/// </summary>
public sealed class ImportJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("xlsx", Lang.Chinese)]
    [InlineData("csv", Lang.English)]
    public Task The_downloaded_template_checks_as_one_valid_row_shown_in_an_accessible_table(string format, string culture) =>
        portal.RunPageAsync(async page =>
        {
            var english = culture == Lang.English;
            await page.GotoAsync("/Candidates/Import");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = english ? $"template (.{format})" : $"模板 (.{format})" }).ClickAsync());
            var file = Path.Combine(portal.Portal.Database.Folder, $"template-{culture}.{format}");
            await download.SaveAsAsync(file);

            await page.GetByLabel(english ? "Choose a file" : "选择文件").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = english ? "Check (writes nothing)" : "预检（不写入）" }).ClickAsync();

            await Expect(page.Locator("#preview-title")).ToHaveTextAsync(english ? "The check passed" : "预检通过");
            var rows = page.Locator("table.import-preview tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync("104879999000001");
            await Expect(rows.First).ToContainTextAsync("1101**********");
            await Expect(rows.First).ToContainTextAsync("130****0000");
            await Expect(rows.First).ToContainTextAsync(english ? "OK" : "无误");
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, new Visit("secretary1", culture) { BypassCsp = true }, label: $"{format}-{culture}");
}
