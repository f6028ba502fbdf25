using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Auth;

/// <summary>
/// Staff sign-in that nobody can block or use to enumerate accounts: the refusals look alike on both doors, the
/// unknown name costs a hash, failures pause one address for one account, the hourly ceiling spares known addresses.
/// </summary>
public abstract partial class StaffSignInTests(SignInPortal portal)
{
    private const string Wrong = "not-the-password";

    [Fact]
    public async Task Unknown_wrong_paused_and_disabled_get_byte_identical_401_problems_from_the_api()
    {
        var paused = await portal.NewStaffAsync("api.paused");
        var disabled = await portal.NewStaffAsync("api.disabled");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTime.UtcNow)));
        var from = portal.ClientAt("198.51.100.10");
        for (var i = 0; i < 5; i++)
            await SignInPortal.TokenAsync(from, paused.UserName!, Wrong);

        var answers = new[]
        {
            await SignInPortal.TokenAsync(portal.ClientAt("198.51.100.11"), "api.nobody", Wrong),
            await SignInPortal.TokenAsync(portal.ClientAt("198.51.100.12"), "api.paused", Wrong),
            // The right password, from the address that used up its tries on this account.
            await SignInPortal.TokenAsync(from, paused.UserName!, PortalFactory.DemoPassword),
            await SignInPortal.TokenAsync(portal.ClientAt("198.51.100.13"), disabled.UserName!, PortalFactory.DemoPassword),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(SignInPortal.ProblemWithoutTraceAsync));
        Assert.Single(bodies.Distinct());
        Assert.Contains("Sign-in refused", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_wrong_paused_and_disabled_get_the_same_message_on_the_login_page()
    {
        var paused = await portal.NewStaffAsync("page.paused");
        var disabled = await portal.NewStaffAsync("page.disabled");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTime.UtcNow)));
        var from = portal.ClientAt("198.51.100.20", redirects: false);
        for (var i = 0; i < 5; i++)
            await from.SignInStaffAsync(paused.UserName!, Wrong);

        var answers = new[]
        {
            await portal.ClientAt("198.51.100.21", redirects: false).SignInStaffAsync("page.nobody", Wrong),
            await portal.ClientAt("198.51.100.22", redirects: false).SignInStaffAsync(paused.UserName!, Wrong),
            await from.SignInStaffAsync(paused.UserName!),
            await portal.ClientAt("198.51.100.23", redirects: false).SignInStaffAsync(disabled.UserName!),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var messages = await Task.WhenAll(answers.Select(async a => FormError().Match(await a.Content.ReadAsStringAsync()).Groups[1].Value));
        Assert.Single(messages.Distinct());
        Assert.Contains("用户名或密码错误", messages[0], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.False(a.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ip.staff=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task An_unknown_name_is_checked_against_a_password_hash_like_a_known_one()
    {
        var client = portal.ClientAt("198.51.100.30");
        var before = portal.Hasher.Verifications;
        await SignInPortal.TokenAsync(client, "hash.nobody", Wrong);
        var afterUnknown = portal.Hasher.Verifications;
        await SignInPortal.TokenAsync(client, "secretary1", Wrong);
        var afterKnown = portal.Hasher.Verifications;
        await client.SignInStaffAsync("hash.nobody.page", Wrong);

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterKnown - afterUnknown);
        Assert.Equal(1, portal.Hasher.Verifications - afterKnown);
    }

    [Fact]
    public async Task Twenty_one_wrong_passwords_from_one_address_leave_the_owner_free_from_another()
    {
        var attacker = portal.ClientAt("203.0.113.7");
        for (var i = 0; i < 21; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(attacker, "assistant1", Wrong)).StatusCode);
        // The attacker's address is paused for this account even with the right password...
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(attacker, "assistant1", PortalFactory.DemoPassword)).StatusCode);

        // ...while the owner, anywhere else, signs in at once: by API and on the page.
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(portal.ClientAt("192.0.2.44"), "assistant1", PortalFactory.DemoPassword)).StatusCode);
        var page = await portal.ClientAt("192.0.2.45", redirects: false).SignInStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        // Another account from the attacker's address is not touched either.
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(attacker, "assistant2", PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task One_ipv6_slash_64_counts_as_one_address()
    {
        var user = await portal.NewStaffAsync("v6.owner");
        for (var i = 0; i < 5; i++)
            await SignInPortal.TokenAsync(portal.ClientAt($"2001:db8:1:2::{i + 1:x}"), user.UserName!, Wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(portal.ClientAt("2001:db8:1:2:ffff::9"), user.UserName!, PortalFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(portal.ClientAt("2001:db8:1:3::1"), user.UserName!, PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Past_the_hourly_ceiling_only_known_addresses_get_in_and_unlock_clears_it()
    {
        var user = await portal.NewStaffAsync("ceiling.owner");
        var known = portal.ClientAt("192.0.2.80");
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(known, user.UserName!, PortalFactory.DemoPassword)).StatusCode);
        // A spread attack: five failures from each of enough addresses to reach the account's ceiling.
        for (var n = 0; n < SignInPortal.AccountCeiling / 5; n++)
        {
            var bot = portal.ClientAt($"203.0.113.{100 + n}");
            for (var i = 0; i < 5; i++)
                await SignInPortal.TokenAsync(bot, user.UserName!, Wrong);
        }
        var admin = await portal.ClientForStaffAsync("admin");
        Assert.True(await LockedOutAsync(admin, user.Id));

        var newcomer = portal.ClientAt("192.0.2.81");
        var held = await SignInPortal.TokenAsync(newcomer, user.UserName!, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, held.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(known, user.UserName!, PortalFactory.DemoPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/staff/{user.Id}/unlock", null)).StatusCode);
        Assert.False(await LockedOutAsync(admin, user.Id));
        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(newcomer, user.UserName!, PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Unlock_lifts_the_pause_of_an_address()
    {
        var user = await portal.NewStaffAsync("unlock.owner");
        var office = portal.ClientAt("192.0.2.90");
        for (var i = 0; i < 6; i++)
            await SignInPortal.TokenAsync(office, user.UserName!, Wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInPortal.TokenAsync(office, user.UserName!, PortalFactory.DemoPassword)).StatusCode);

        var admin = await portal.ClientForStaffAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/staff/{user.Id}/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInPortal.TokenAsync(office, user.UserName!, PortalFactory.DemoPassword)).StatusCode);
    }

    private static async Task<bool> LockedOutAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/staff")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id).GetProperty("lockedOut").GetBoolean();

    [GeneratedRegex("<div class=\"form-error[^\"]*\" role=\"alert\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex FormError();
}

public sealed class SqliteStaffSignInTests(SqliteSignInPortal portal) : StaffSignInTests(portal), IClassFixture<SqliteSignInPortal>;

public sealed class PostgresStaffSignInTests(PostgresSignInPortal portal) : StaffSignInTests(portal), IClassFixture<PostgresSignInPortal>;
