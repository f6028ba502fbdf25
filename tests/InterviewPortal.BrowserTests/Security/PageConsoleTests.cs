using InterviewPortal.BrowserTests.Accessibility;
using InterviewPortal.BrowserTests.Infrastructure;

namespace InterviewPortal.BrowserTests.Security;

/// <summary>
/// Every main page, for every visitor who may open it, with the real Content-Security-Policy on: the browser reports
/// no policy violation (a script, style or connection the policy blocks is a feature that silently does not work)
/// and no script error. The page list is the accessibility scan's, so a new page is covered by both.
/// </summary>
public sealed class PageConsoleTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string, string> PageVisits()
    {
        var data = new TheoryData<string, string>();
        foreach (var (url, visitors) in AxePageTests.Pages)
            foreach (var visitor in visitors)
                data.Add(url, visitor);
        return data;
    }

    [Theory]
    [MemberData(nameof(PageVisits))]
    public Task Page_runs_without_policy_violations_or_script_errors(string url, string visitor) =>
        portal.RunPageAsync(async page =>
        {
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal))
                    problems.Add($"console: {message.Text}");
            };
            page.PageError += (_, error) => problems.Add($"script error: {error}");
            // The violation event also catches what the console words differently between Chromium versions.
            await page.AddInitScriptAsync("""
                document.addEventListener('securitypolicyviolation', e =>
                  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
                """);

            var response = await page.GotoAsync(url);
            Assert.NotNull(response);
            Assert.True(response.Ok, $"{url} answered {response.Status}");
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

            Assert.True(problems.Count == 0, $"{url} as {visitor}:\n{string.Join("\n", problems)}");
        }, new Visit(visitor), label: $"console-{url}-{visitor}");
}
