using InterviewPortal.BrowserTests.Accessibility;
using InterviewPortal.BrowserTests.Infrastructure;

namespace InterviewPortal.BrowserTests.Security;

/// <summary>
/// Opening a main page, as each visitor who may, makes no request that fails: no 4xx/5xx answer (the favicon was a
/// 404 on every page) and no request the network refused. The pages are <see cref="AxePageTests.Pages"/>.
/// </summary>
public sealed class PageRequestTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
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
    public Task Opening_the_page_makes_no_failed_request(string url, string visitor) =>
        portal.RunPageAsync(async page =>
        {
            var failed = new List<string>();
            var icons = new List<string>();
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                    failed.Add($"{response.Status} {response.Request.Method} {response.Url}");
                if (response.Url.Contains("/favicon.", StringComparison.Ordinal))
                    icons.Add($"{response.Status} {response.Url}");
            };
            page.RequestFailed += (_, request) => failed.Add($"{request.Failure} {request.Method} {request.Url}");

            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });

            Assert.NotNull(response);
            Assert.True(response.Ok, $"{url} answered {response.Status}");
            Assert.True(failed.Count == 0, $"{url} as {visitor}: {string.Join("; ", failed)}");
            // The layout links its icon; the browser fetched it (so a missing icon would have shown above).
            Assert.Contains(icons, i => i.StartsWith("200 ", StringComparison.Ordinal));
        }, new Visit(visitor), label: $"{url}-{visitor}");
}
