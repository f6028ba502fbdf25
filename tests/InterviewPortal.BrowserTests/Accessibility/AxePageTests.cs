using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.BrowserTests.Accessibility;

/// <summary>
/// axe-core on every main page, for every visitor who may open it, in both cultures: no serious or critical
/// violation. To cover a new page, add a row to <see cref="Pages"/>.
/// </summary>
public sealed class AxePageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] Everyone = [Visit.Anonymous, .. Visit.StaffAccounts];
    private static readonly string[] Planners = ["admin", "secretary1"];
    private static readonly string[] Secretaries = ["secretary1"];
    private static readonly string[] Assistants = ["assistant1"];

    /// <summary>The pages on main now: url and who opens it.</summary>
    public static readonly (string Url, string[] Visitors)[] Pages =
    [
        ("/", Everyone),
        ("/Account/Login", [Visit.Anonymous]),
        ("/Account/TwoFactor", ["assistant1"]),
        ("/Account/AccessDenied", [Visit.Anonymous, "assistant1"]),
        ("/Error", [Visit.Anonymous]),
        ("/Rooms", Planners),
        ("/Schedule", Planners),
        ("/Schedule/AutoSchedule", Planners),
        ("/Schedule/Print", Planners),
        ("/Schedule?days=3", Planners),
        ("/College", Secretaries),
        ("/Console", Assistants),
        ("/Review", Assistants),
        ("/Candidate/SignIn", [Visit.Anonymous]),
        ("/Me", [Visit.Candidate]),
        ("/Me/Prepare", [Visit.Candidate]),
        ("/Me/Report", [Visit.Candidate]),
        ("/Me/SelfCheck", [Visit.Candidate]),
        ("/Candidates", Planners),
        ("/Candidates/Import", Secretaries),
        ("/Inbox", Secretaries),
        ("/Admin", ["admin"]),
        ("/Admin/Outbox", ["admin"]),
        ("/College/Pledge", Secretaries),
        ("/College/Rehearsals", Secretaries),
        ("/Me/Pledge", [Visit.Candidate]),
    ];

    /// <summary>
    /// Pages a feature branch brings, not on main yet (not run). When the branch lands, move its rows into
    /// <see cref="Pages"/>. Visitor "candidate" is a demo candidate signed in with the phone code.
    /// </summary>
    public static readonly (string Url, string[] Visitors)[] PagesToAddAfterMerge =
    [
    ];

    public static TheoryData<string, string, string> PageVisits()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (url, visitors) in Pages)
            foreach (var visitor in visitors)
                foreach (var culture in Lang.Cultures)
                    data.Add(url, visitor, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(PageVisits))]
    public Task Page_has_no_serious_or_critical_accessibility_violations(string url, string visitor, string culture) =>
        portal.RunPageAsync(async page =>
        {
            var response = await page.GotoAsync(url);
            Assert.NotNull(response);
            Assert.True(response.Ok, $"{url} answered {response.Status}");
            Assert.Equal(culture == Lang.English ? "en" : "zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, new Visit(visitor, culture) { BypassCsp = true }, label: $"{url}-{visitor}-{culture}");

    [Theory]
    [InlineData("admin")]
    [InlineData("secretary1")]
    [InlineData("assistant1")]
    public Task Every_navigation_link_is_listed_for_the_accessibility_scan(string visitor) =>
        portal.RunPageAsync(async page =>
        {
            // A page linked from the menu but missing from both lists would never be scanned.
            await page.GotoAsync("/");
            var links = await page.Locator("header nav a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            Assert.NotEmpty(links);
            var listed = Pages.Concat(PagesToAddAfterMerge).Where(p => p.Visitors.Contains(visitor)).Select(p => p.Url).ToHashSet();
            Assert.All(links, href => Assert.Contains(href, listed));
        }, new Visit(visitor), label: visitor);
}
