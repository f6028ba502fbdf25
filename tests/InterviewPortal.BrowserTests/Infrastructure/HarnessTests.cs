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
