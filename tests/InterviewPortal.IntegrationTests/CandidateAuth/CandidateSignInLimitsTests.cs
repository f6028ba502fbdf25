using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.CandidateAuth;

/// <summary>
/// Nobody can keep a candidate out: a stranger's requests and guesses from other addresses cost the owner at most a
/// minute, one address is limited on its own (an IPv6 /64 as one), and a new code does not void the last one.
/// Each test uses its own demo candidate; the portal's clock is moved instead of sleeping.
/// </summary>
public abstract class CandidateSignInLimitsTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : AddressedPortalFactory
{
    private const string Owner = "203.0.113.50";
    private static readonly string[] Strangers = ["198.51.100.1", "198.51.100.2", "2001:db8:5::1", "2001:db8:6::1"];

    [Fact]
    public async Task A_strangers_20_code_requests_and_20_wrong_guesses_leave_the_owner_signed_in_within_two_minutes()
    {
        var candidate = await portal.CandidateAsync(0);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await portal.ClientFrom(Strangers[i % 4]).RequestCodeAsync(candidate.Phone)).StatusCode);
            portal.Clock.Advance(TimeSpan.FromSeconds(4)); // 20 requests over 80 s: the cooldown lets more than one code out
        }
        var sent = await SentCodesAsync(candidate.Phone);
        Assert.InRange(sent.Count, 2, 3);
        var wrong = Enumerable.Range(100_000, 100).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Except(sent).Take(20).ToList();
        for (var i = 0; i < 20; i++)
        {
            var guess = await portal.ClientFrom(Strangers[i % 4]).RequestTokenAsync(candidate.Phone, wrong[i]);
            Assert.True(guess.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, guess.StatusCode.ToString());
        }

        // The owner does what the page says: ask for a code, type it in; if refused, wait half a minute and try again.
        var owner = portal.ClientFrom(Owner);
        var started = portal.Clock.GetUtcNow();
        HttpResponseMessage? signedIn = null;
        while (portal.Clock.GetUtcNow() - started <= TimeSpan.FromMinutes(2))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await owner.RequestCodeAsync(candidate.Phone)).StatusCode);
            var attempt = await owner.RequestTokenAsync(candidate.Phone, (await portal.LatestCodeAsync(candidate.Phone))!);
            if (attempt.StatusCode == HttpStatusCode.OK)
            {
                signedIn = attempt;
                break;
            }
            portal.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.NotNull(signedIn);
        var token = await signedIn.Content.ReadFromJsonAsync<TokenResponse>();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        Assert.Equal(candidate.ExamNumber, (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("examNumber").GetString());
    }

    [Fact]
    public async Task An_older_code_still_works_after_a_newer_one_and_using_it_retires_both()
    {
        var candidate = await portal.CandidateAsync(1);
        var client = portal.ClientFrom(Owner);
        var first = await portal.SendCodeAsync(client, candidate.Phone);
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var second = await portal.SendCodeAsync(client, candidate.Phone);
        Assert.Equal(2, (await SentCodesAsync(candidate.Phone)).Count);
        if (first == second)
            return; // one chance in a million: the same six digits twice prove nothing either way

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync(candidate.Phone, second)).StatusCode);
    }

    [Fact]
    public async Task Asking_again_within_the_cooldown_sends_nothing_new_but_a_worn_out_code_is_replaced_at_once()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = portal.ClientFrom(Owner);
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.RequestCodeAsync(candidate.Phone)).StatusCode);
        Assert.Equal([code], await SentCodesAsync(candidate.Phone));

        var wrong = code == "999999" ? "999998" : "999999";
        for (var i = 0; i < 5; i++)
            await portal.ClientFrom(Strangers[i % 2]).RequestTokenAsync(candidate.Phone, wrong);
        var fresh = await portal.SendCodeAsync(client, candidate.Phone);

        Assert.Equal(2, (await SentCodesAsync(candidate.Phone)).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, fresh)).StatusCode);
    }

    [Fact]
    public async Task Two_addresses_in_one_IPv6_64_share_the_code_limit_and_another_64_or_IPv4_address_does_not()
    {
        using var strict = new AddressedPortalFactory(portal.Provider);
        strict.Settings["CandidateSignIn:MaxCodesPerAddressPerHour"] = "3";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await strict.ClientFrom("2001:db8:a:1::1").RequestCodeAsync($"1990000010{i}")).StatusCode);

        var sameNetwork = await strict.ClientFrom("2001:db8:a:1:ffff:ffff:ffff:fffe").RequestCodeAsync("19900000110");
        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.StatusCode);
        Assert.Equal("application/problem+json", sameNetwork.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, (await strict.ClientFrom("2001:db8:a:2::1").RequestCodeAsync("19900000111")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await strict.ClientFrom("198.51.100.77").RequestCodeAsync("19900000112")).StatusCode);
        Assert.Equal(3, await strict.WithDbAsync(db => db.SignInCodes.CountAsync(c => c.RequestedFrom == "2001:db8:a:1::/64")));

        // An hour on, the /64 may ask again.
        strict.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Accepted, (await strict.ClientFrom("2001:db8:a:1::2").RequestCodeAsync("19900000113")).StatusCode);
    }

    [Fact]
    public async Task Wrong_guesses_stop_only_the_address_that_made_them()
    {
        using var strict = new AddressedPortalFactory(portal.Provider);
        strict.Settings["CandidateSignIn:MaxFailuresPerAddressPerHour"] = "3";
        var candidate = await strict.CandidateAsync(0);
        var code = await strict.SendCodeAsync(strict.ClientFrom(Owner), candidate.Phone);
        var wrong = code == "999999" ? "999998" : "999999";
        var stranger = strict.ClientFrom("2001:db8:7::1");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.RequestTokenAsync(candidate.Phone, wrong)).StatusCode);

        // Even the right code is refused to that /64 now, from another of its addresses too; the owner is not touched.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await strict.ClientFrom("2001:db8:7::2").RequestTokenAsync(candidate.Phone, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await strict.ClientFrom(Owner).RequestTokenAsync(candidate.Phone, code)).StatusCode);
        Assert.Equal(3, await strict.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "candidate.sign-in-refused" && a.Actor == "address:2001:db8:7::/64")));
    }

    private Task<List<string>> SentCodesAsync(string phone) => SentCodesAsync(portal, phone);

    /// <summary>Every code the simulated gateway delivered to the phone, oldest first.</summary>
    public static async Task<List<string>> SentCodesAsync(PortalFactory portal, string phone)
    {
        await portal.WaitForSignInMessagesAsync(phone);
        var texts = await portal.WithDbAsync(db => db.GatewayOutbox.Where(r => r.Recipient == phone && r.Kind == "SignInCode")
            .OrderBy(r => r.Id).Select(r => r.Text).ToListAsync());
        return [.. texts.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"(?<!\d)\d{6}(?!\d)").Value)];
    }
}

public sealed class CandidateSignInLimitsSqliteTests(SqliteAddressedPortalFactory portal) : CandidateSignInLimitsTests<SqliteAddressedPortalFactory>(portal);

public sealed class CandidateSignInLimitsPostgresTests(PostgresAddressedPortalFactory portal) : CandidateSignInLimitsTests<PostgresAddressedPortalFactory>(portal);
