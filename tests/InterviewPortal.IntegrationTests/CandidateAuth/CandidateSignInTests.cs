using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Localization;
using InterviewPortal.Web.Features.CandidateAuth;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.CandidateAuth;

/// <summary>Phone + code sign-in through the API. Each test uses its own demo candidate, so per-phone limits do not collide.</summary>
public class CandidateSignInTests(SqliteAddressedPortalFactory portal) : IClassFixture<SqliteAddressedPortalFactory>
{
    private const string UnregisteredPhone = "19900000001";

    [Fact]
    public async Task A_registered_candidate_signs_in_with_the_code_from_the_outbox_and_gets_a_candidate_token()
    {
        var candidate = await portal.CandidateAsync(0);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);

        var stored = await portal.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == candidate.Phone).Select(c => c.CodeHash).SingleAsync());
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        Assert.Equal(64, stored.Length);

        var response = await client.RequestTokenAsync(candidate.Phone, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.True(token.ExpiresIn > 0);

        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(candidate.ExamNumber, me.GetProperty("examNumber").GetString());
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var candidate = await portal.CandidateAsync(1);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, code)).StatusCode);
        await AssertRefusedAsync(await client.RequestTokenAsync(candidate.Phone, code));
    }

    [Fact]
    public async Task An_expired_code_is_refused_with_the_same_answer_as_a_wrong_one()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var lifetime = await portal.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == candidate.Phone).Select(c => new { c.CreatedAt, c.ExpiresAt }).SingleAsync());
        Assert.True(lifetime.ExpiresAt - lifetime.CreatedAt <= TimeSpan.FromMinutes(10));

        await portal.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == candidate.Phone)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));

        await AssertRefusedAsync(await client.RequestTokenAsync(candidate.Phone, code));
    }

    [Fact]
    public async Task An_unknown_number_gets_the_same_202_nothing_is_sent_and_its_token_attempt_reads_like_a_wrong_code()
    {
        var client = portal.CreateClient();
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Phone == UnregisteredPhone)));

        var response = await client.RequestCodeAsync(UnregisteredPhone);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(await portal.LatestCodeAsync(UnregisteredPhone));
        Assert.False(await portal.WithDbAsync(db => db.GatewayOutbox.AnyAsync(r => r.Recipient == UnregisteredPhone)));

        var unknown = await client.RequestTokenAsync(UnregisteredPhone, "123456");
        var candidate = await portal.CandidateAsync(4);
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var wrong = await client.RequestTokenAsync(candidate.Phone, code == "000000" ? "000001" : "000000");

        var unknownProblem = await AssertRefusedAsync(unknown);
        var wrongProblem = await AssertRefusedAsync(wrong);
        Assert.Equal(wrongProblem.GetProperty("title").GetString(), unknownProblem.GetProperty("title").GetString());
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_guesses_wear_a_code_out_and_then_even_the_right_code_is_429()
    {
        var candidate = await portal.CandidateAsync(5);
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var wrong = code == "999999" ? "999998" : "999999";

        for (var i = 0; i < 5; i++)
            await AssertRefusedAsync(await client.RequestTokenAsync(candidate.Phone, wrong));
        var sixth = await client.RequestTokenAsync(candidate.Phone, code);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_code_requests_answer_202_and_send_one_code_a_minute_for_registered_and_unknown_numbers_alike()
    {
        var candidate = await portal.CandidateAsync(6);
        var client = portal.CreateClient();
        foreach (var phone in new[] { candidate.Phone, "19900000002" })
        {
            for (var i = 0; i < 6; i++)
                Assert.Equal(HttpStatusCode.Accepted, (await client.RequestCodeAsync(phone)).StatusCode);
            Assert.Equal(1, await portal.WithDbAsync(db => db.SignInCodes.CountAsync(c => c.Phone == phone)));
        }
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        foreach (var phone in new[] { candidate.Phone, "19900000002" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.RequestCodeAsync(phone)).StatusCode);
            Assert.Equal(2, await portal.WithDbAsync(db => db.SignInCodes.CountAsync(c => c.Phone == phone)));
        }
        await portal.WaitForSignInMessagesAsync(candidate.Phone);
        Assert.Equal(2, await portal.WithDbAsync(db => db.GatewayOutbox.CountAsync(r => r.Recipient == candidate.Phone && r.Kind == "SignInCode")));
    }

    [Fact]
    public async Task A_phone_with_a_hundred_failures_this_hour_is_429_even_with_a_fresh_right_code()
    {
        var candidate = await portal.CandidateAsync(7);
        var client = portal.CreateClient();
        await portal.SendCodeAsync(client, candidate.Phone);
        await portal.WithDbAsync(db => db.SignInCodes.Where(c => c.Phone == candidate.Phone)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, 100)));
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        var fresh = await portal.SendCodeAsync(client, candidate.Phone);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.RequestTokenAsync(candidate.Phone, fresh)).StatusCode);

        // The ceiling counts the last hour: once the failures are older, a fresh code works again.
        portal.Clock.Advance(TimeSpan.FromMinutes(71));
        var later = await portal.SendCodeAsync(client, candidate.Phone);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, later)).StatusCode);
    }

    [Theory]
    [InlineData("1380013800", "123456", "phone")]
    [InlineData("23800138000", "123456", "phone")]
    [InlineData("13800138000", "12345", "code")]
    [InlineData("13800138000", "abcdef", "code")]
    public async Task Malformed_phone_or_code_is_a_400_problem_naming_the_field(string phone, string code, string field)
    {
        var client = portal.CreateClient();
        var response = await client.RequestTokenAsync(phone, code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        if (field == "phone")
            Assert.Equal(HttpStatusCode.BadRequest, (await client.RequestCodeAsync(phone)).StatusCode);
    }

    [Fact]
    public async Task The_address_rate_limit_answers_429_problem()
    {
        using var strict = new SqlitePortalFactory();
        strict.Settings["RateLimits:SignInPerMinute"] = "3";
        var client = strict.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
            last = await client.RequestCodeAsync(UnregisteredPhone);
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(InCulture.English(() => CandidateAuthApi.RefusedDetail), problem.GetProperty("detail").GetString());
        return problem;
    }
}
