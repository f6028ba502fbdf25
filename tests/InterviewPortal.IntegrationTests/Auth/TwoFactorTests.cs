using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Staff;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Auth;

/// <summary>
/// Authenticator (TOTP) enrolment on the page, then sign-in with a code on the page and on the API, with codes the
/// test computes itself from the shared key the page shows. Runs on a portal that requires admins to enrol.
/// </summary>
public abstract partial class TwoFactorTests(SignInPortal portal)
{
    [Fact]
    public async Task A_secretary_enrols_on_the_page_then_needs_a_code_on_the_page_and_the_api()
    {
        var user = await portal.NewStaffAsync("totp.secretary", StaffRoles.Secretary);
        var browser = portal.ClientAt("192.0.2.10", redirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInStaffAsync(user.UserName!)).StatusCode);
        var (key, recoveryCodes) = await EnrolAsync(browser);
        Assert.Equal(10, recoveryCodes.Length);
        var codes = Totp.Window(key);

        // API: the password alone is not enough, a wrong code is refused, the current code works once.
        var api = portal.ClientAt("192.0.2.11");
        var noCode = await SignInPortal.TokenAsync(api, user.UserName!, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal("Two-factor code required", await SignInPortal.TitleAsync(noCode));
        var wrongCode = codes[2] == "000000" ? "000001" : "000000";
        Assert.Equal("Two-factor code refused", await SignInPortal.TitleAsync(await SignInPortal.TokenAsync(api, user.UserName!, PortalFactory.DemoPassword, wrongCode)));
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(api, user.UserName!, PortalFactory.DemoPassword, codes[2])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(api, user.UserName!, PortalFactory.DemoPassword, codes[2])).StatusCode);

        // A wrong password says nothing about the second factor: the same refusal as for anyone.
        var wrongPassword = await SignInPortal.TokenAsync(api, user.UserName!, "not-the-password", codes[0]);
        Assert.Equal("Sign-in refused", await SignInPortal.TitleAsync(wrongPassword));

        // Page: the password leads to the code step, which signs in.
        var page = portal.ClientAt("192.0.2.12", redirects: false);
        var first = await page.SignInStaffAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWithCode", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await AssertSentToSignInAsync(page, "/Candidates");
        var second = await page.PostFormAsync("/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Candidates")).StatusCode);

        // A recovery code stands in for the phone, once.
        var recovery = portal.ClientAt("192.0.2.13");
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(recovery, user.UserName!, PortalFactory.DemoPassword, recoveryCode: recoveryCodes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(recovery, user.UserName!, PortalFactory.DemoPassword, recoveryCode: recoveryCodes[0])).StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_on_the_page_keeps_the_user_on_the_code_step()
    {
        var user = await portal.NewStaffAsync("totp.assistant");
        var (key, _) = await EnrolAsync(await SignedInAsync(user.UserName!, "192.0.2.20"));
        var page = portal.ClientAt("192.0.2.21", redirects: false);
        await page.SignInStaffAsync(user.UserName!);

        var wrong = Totp.Window(key)[1] == "123456" ? "654321" : "123456";
        var answer = await page.PostFormAsync("/Account/LoginWithCode", new Dictionary<string, string> { ["Code"] = wrong });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("验证码不正确", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSentToSignInAsync(page, "/Candidates");
    }

    [Fact]
    public async Task An_admin_who_has_not_enrolled_gets_no_token_and_only_the_enrolment_page_until_enrolled()
    {
        var admin = await portal.NewStaffAsync("strict.admin", StaffRoles.Admin);
        var api = portal.ClientAt("192.0.2.30");
        var refused = await SignInPortal.TokenAsync(api, admin.UserName!, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Two-factor enrolment required", await SignInPortal.TitleAsync(refused));
        Assert.Equal("Sign-in refused", await SignInPortal.TitleAsync(await SignInPortal.TokenAsync(api, admin.UserName!, "not-the-password")));
        // Other roles are not held to it.
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(api, "secretary1", PortalFactory.DemoPassword)).StatusCode);

        var page = portal.ClientAt("192.0.2.31", redirects: false);
        var signIn = await page.SignInStaffAsync(admin.UserName!);
        Assert.Equal("/Account/TwoFactor", signIn.Headers.Location!.OriginalString);
        await AssertSentToSignInAsync(page, "/Admin/Staff");
        Assert.Contains("管理员账号须先开启两步验证", await page.GetStringAsync("/Account/TwoFactor"), StringComparison.Ordinal);

        var (key, _) = await EnrolAsync(page);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Admin/Staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(api, admin.UserName!, PortalFactory.DemoPassword, Totp.Window(key)[2])).StatusCode);
    }

    [Fact]
    public async Task Opening_the_enrolment_page_leaves_the_members_other_sessions_signed_in()
    {
        // An assistant with the console open in one tab who looks at the enrolment page in another must not be
        // signed out of the console: the key is made, but only a confirmed code changes the security stamp.
        var user = await portal.NewStaffAsync("totp.curious");
        var console = await SignedInAsync(user.UserName!, "192.0.2.40");
        var other = await SignedInAsync(user.UserName!, "192.0.2.41");
        var stampBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());

        var key = SharedKey().Match(await other.GetStringAsync("/Account/TwoFactor")).Groups[1].Value;
        Assert.NotEmpty(key);
        // The key is made once: a second look shows the same one.
        Assert.Equal(key, SharedKey().Match(await other.GetStringAsync("/Account/TwoFactor")).Groups[1].Value);

        Assert.Equal(stampBefore, await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/Console")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Console")).StatusCode);
    }

    /// <summary>Not signed in (yet): a staff page sends the visitor to the sign-in page.</summary>
    private static async Task AssertSentToSignInAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string address)
    {
        var client = portal.ClientAt(address, redirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync(userName)).StatusCode);
        return client;
    }

    /// <summary>Reads the shared key off the enrolment page, confirms with the current code, returns the key and recovery codes.</summary>
    private static async Task<(string Key, string[] RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Account/TwoFactor");
        var key = SharedKey().Match(html).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains("otpauth://totp/", html, StringComparison.Ordinal);
        var confirmed = await client.PostFormAsync("/Account/TwoFactor?handler=Confirm",
            new Dictionary<string, string> { ["Code"] = Totp.Window(key)[1] }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = RecoveryCode().Matches(await confirmed.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    [GeneratedRegex("<kbd id=\"shared-key\">([^<]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class SqliteTwoFactorTests(SqliteStrictSignInPortal portal) : TwoFactorTests(portal), IClassFixture<SqliteStrictSignInPortal>;

public sealed class PostgresTwoFactorTests(PostgresStrictSignInPortal portal) : TwoFactorTests(portal), IClassFixture<PostgresStrictSignInPortal>;
