using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Demo;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>Staff type their name and password into the real sign-in page and land on a dashboard of their own scope.</summary>
public sealed class StaffSignInJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly DemoCollege Cs = DemoUniversity.Colleges[0];
    private static readonly DemoCollege Em = DemoUniversity.Colleges[1];

    public static TheoryData<string, string, string[]> Accounts() => new()
    {
        { "admin", "范围：全校", [Cs.RoomName, Em.RoomName] },
        { "secretary1", $"范围：{Cs.Name}", [Cs.RoomName] },
        { "secretary2", $"范围：{Em.Name}", [Em.RoomName] },
        { "assistant1", $"范围：{Cs.RoomName}", [Cs.RoomName] },
        { "assistant2", $"范围：{Em.RoomName}", [Em.RoomName] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public Task Staff_member_signs_in_and_sees_only_their_own_scope(string userName, string scope, string[] rooms) =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "工作人员登录" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
            await page.GetByLabel("用户名").FillAsync(userName);
            await page.GetByLabel("密码").FillAsync(BrowserPortal.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作台");
            await Expect(page.Locator("main p.muted")).ToHaveTextAsync(scope);
            await Expect(page.Locator(".stat .figure").Nth(1)).ToHaveTextAsync(rooms.Length.ToString(CultureInfo.InvariantCulture));
            var roomCells = await page.Locator("table.grid tbody tr td:nth-child(2)").AllTextContentsAsync();
            Assert.NotEmpty(roomCells);
            Assert.Equal(rooms.Order(), roomCells.Distinct().Order());
            // Signing out from the header's button (it was once refused 400 for want of an antiforgery token).
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "工作人员登录" }).First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToHaveCountAsync(0);
        }, label: userName);

    [Fact]
    public Task Wrong_password_shows_the_message_inside_the_form_and_keeps_the_user_name() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("用户名").FillAsync("secretary2");
            await page.GetByLabel("密码").FillAsync("not-the-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

            var alert = page.Locator("main form [role=alert]");
            await Expect(alert).ToContainTextAsync("用户名或密码错误。");
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
            await Expect(page.GetByLabel("用户名")).ToHaveValueAsync("secretary2");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToHaveCountAsync(0);
        });

    [Fact]
    public Task Language_switch_flips_the_page_to_English_and_back() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await page.Locator(".culture-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign-in");
            await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();

            // The choice sticks: a later page is English too, until the user switches back.
            await page.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Remote graduate-admission interviews");
            await page.Locator(".culture-switch").GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("研究生复试远程面试");
        });

    [Fact]
    public Task Signed_in_dashboard_switches_to_English_in_place() =>
        portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.Locator(".culture-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
            await Expect(page.Locator("main p.muted")).ToHaveTextAsync($"Scope: {Cs.Name}");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        }, new Visit("secretary1"));
}
