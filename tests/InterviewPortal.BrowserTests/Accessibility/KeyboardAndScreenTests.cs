using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Localization;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Accessibility;

/// <summary>Keyboard-only use and a phone-sized screen, on the pages anyone reaches first.</summary>
public sealed class KeyboardAndScreenTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string FocusStyle = """
        () => {
          const el = document.activeElement, s = getComputedStyle(el);
          return { Id: el.id, Cls: el.className, FocusVisible: el.matches(':focus-visible'),
                   OutlineStyle: s.outlineStyle, OutlineWidth: parseFloat(s.outlineWidth), Left: el.getBoundingClientRect().left };
        }
        """;

    // A class with setters: Playwright fills evaluate results through a parameterless constructor.
    private sealed class Focus
    {
        public string Id { get; set; } = "";
        public string Cls { get; set; } = "";
        public bool FocusVisible { get; set; }
        public string OutlineStyle { get; set; } = "";
        public double OutlineWidth { get; set; }
        public double Left { get; set; }
    }

    [Fact]
    public Task First_tab_reaches_the_skip_link_which_jumps_to_the_main_content() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusStyle);
            Assert.Equal("skip-link", focus.Cls);
            Assert.True(focus.Left >= 0, "the focused skip link is on screen");
            AssertVisibleOutline(focus);

            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("#main$"));
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });

    [Fact]
    public Task Sign_in_fields_reached_by_keyboard_show_a_visible_focus_outline() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            foreach (var field in new[] { "Input_UserName", "Input_Password" })
            {
                var focus = await TabToAsync(page, field);
                AssertVisibleOutline(focus);
            }
            await page.Keyboard.PressAsync("Tab");
            var button = await page.EvaluateAsync<Focus>(FocusStyle);
            Assert.Contains("primary", button.Cls);
            AssertVisibleOutline(button);
        });

    [Theory]
    [InlineData("/", Lang.Chinese)]
    [InlineData("/", Lang.English)]
    [InlineData("/Account/Login", Lang.Chinese)]
    [InlineData("/Account/Login", Lang.English)]
    public Task Phone_sized_screen_shows_the_page_without_horizontal_scrolling(string url, string culture) =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync(url);
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            Assert.Equal(375, widths[1]);
            Assert.True(widths[0] <= widths[1], string.Create(CultureInfo.InvariantCulture, $"{url} is {widths[0]}px wide on a {widths[1]}px screen"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
        }, new Visit(Culture: culture) { Viewport = Visit.Phone }, label: $"{url}-{culture}");

    private static async Task<Focus> TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusStyle);
            if (focus.Id == id)
                return focus;
        }
        throw new Xunit.Sdk.XunitException($"#{id} was not reached in 30 presses of Tab.");
    }

    private static void AssertVisibleOutline(Focus focus)
    {
        Assert.True(focus.FocusVisible, $"#{focus.Id}.{focus.Cls} matches :focus-visible");
        Assert.NotEqual("none", focus.OutlineStyle);
        Assert.True(focus.OutlineWidth >= 2, $"#{focus.Id}.{focus.Cls} has a {focus.OutlineWidth}px outline");
    }
}
