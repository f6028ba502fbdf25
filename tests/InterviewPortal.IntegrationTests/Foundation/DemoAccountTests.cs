using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Foundation;

public class DemoAccountTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("admin", "全校")]
    [InlineData("secretary1", "计算机科学与技术学院")]
    [InlineData("secretary2", "经济与管理学院")]
    [InlineData("assistant1", "计算机学院 1号面试室")]
    [InlineData("assistant2", "经管学院 1号面试室")]
    public async Task Every_demo_account_signs_in_on_the_page_and_sees_its_own_scope(string userName, string scope)
    {
        var client = portal.CreateClient();
        var response = await client.SignInStaffAsync(userName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(scope), home, StringComparison.Ordinal);
        Assert.Contains("Account/Logout", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_out_button_signs_out_and_a_post_from_another_site_is_refused()
    {
        var client = portal.CreateClient();
        await client.SignInStaffAsync("secretary1");

        // As the header's button posts it: no antiforgery token; from another site the browser says so, and the
        // cross-site guard answers 403 (it was 400 when the page checked this itself; a same-site subdomain now counts too).
        var foreign = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(crossSite)).StatusCode);
        var sameSite = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        sameSite.Headers.Add("Sec-Fetch-Site", "same-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(sameSite)).StatusCode);
        Assert.Contains("Account/Logout", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var own = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout") { Content = new FormUrlEncodedContent([]) };
        own.Headers.Add("Origin", "null"); // what Chromium sends under Referrer-Policy: no-referrer
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        var signedOut = await client.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Account/Logout", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var staffPage = await client.GetAsync("/Candidates");
        Assert.Equal("/Account/Login", staffPage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_shows_a_message_and_stays_signed_out()
    {
        var client = portal.CreateClient();
        var response = await client.SignInStaffAsync("secretary1", "not-the-password");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode("用户名或密码错误"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Account/Logout", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_university_has_two_colleges_sixty_candidates_with_valid_ids_and_rooms()
    {
        var (colleges, candidates, rooms, majors) = await portal.WithDbAsync(async db => (
            await db.Colleges.CountAsync(), await db.Candidates.ToListAsync(), await db.ExamRooms.CountAsync(), await db.Majors.ToListAsync()));
        Assert.True(colleges >= 2);
        Assert.True(candidates.Count >= 60);
        Assert.True(rooms >= 2);
        Assert.All(majors, m => Assert.Matches(@"^\d{6}$", m.Code));
        Assert.All(candidates, c =>
        {
            Assert.Matches(@"^\d{15}$", c.ExamNumber);
            Assert.Matches(@"^1[3-9]\d{9}$", c.Phone);
            Assert.Equal(Web.Infrastructure.Demo.ChineseIds.CheckDigit(c.IdNumber.AsSpan(0, 17)), c.IdNumber[17]);
        });
    }

    [Fact]
    public async Task Without_demo_mode_nothing_is_seeded()
    {
        using var bare = new PortalFactory(demo: false);
        _ = bare.CreateClient();
        Assert.Equal(0, await bare.WithDbAsync(db => db.Candidates.CountAsync()));
        Assert.Equal(0, await bare.WithDbAsync(db => db.Users.CountAsync()));
    }
}
