using System.Net.Http.Json;
using System.Text.Json;

namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>The harness itself: a failing test leaves its evidence, and the axe check does fail on a broken page.</summary>
public sealed class HarnessTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Failing_browser_test_saves_a_screenshot_and_the_page_html()
    {
        var name = $"{nameof(Failing_browser_test_saves_a_screenshot_and_the_page_html)}-{Guid.NewGuid():N}";
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            throw new InvalidOperationException("deliberate");
        }, test: name));

        Assert.Equal("deliberate", failure.Message);
        var png = Path.Combine(RepoPaths.Screenshots, name + ".png");
        var html = Path.Combine(RepoPaths.Screenshots, name + ".html");
        Assert.True(new FileInfo(png).Length > 1000, $"{png} holds a screenshot");
        Assert.Contains("Input.Password", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        File.Delete(png);
        File.Delete(html);
    }

    [Fact]
    public async Task Api_client_for_arranging_data_talks_to_the_same_server_the_browser_sees()
    {
        // Journeys arrange data through the API (or WithDbAsync) and then look at it in the browser.
        using var client = await portal.Portal.ClientForStaffAsync("secretary1");
        Assert.Equal(portal.BaseUrl.Port, client.BaseAddress!.Port);
        var candidates = await client.GetFromJsonAsync<JsonElement>("/api/v1/candidates?pageSize=1");
        Assert.Equal(36, candidates.GetProperty("total").GetInt32());

        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await Microsoft.Playwright.Assertions.Expect(page.Locator(".stat .figure").First).ToHaveTextAsync("36");
        }, new Visit("secretary1"));
    }

    [Fact]
    public Task Axe_check_fails_on_an_unlabelled_field_and_an_image_without_text() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.EvaluateAsync("""
                () => document.querySelector('main').insertAdjacentHTML('beforeend', '<input id="broken"><img src="/favicon.ico">')
                """);

            var found = (await Axe.RunAsync(page)).Select(v => v.Id).ToList();
            Assert.Contains("label", found);
            Assert.Contains("image-alt", found);
            await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => Axe.AssertNoSeriousViolationsAsync(page));
        }, new Visit { BypassCsp = true });
}
