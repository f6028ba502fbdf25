using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Sessions;

/// <summary>
/// Staff access tokens live 30 minutes and are renewed with the refresh token; no session, cookie or token, outlives
/// ten hours from sign-in however busy it is. The clock is skipped forward, never waited for.
/// </summary>
public abstract class TokenLifetimeTests<TFactory>(TFactory portal) where TFactory : SessionPortalFactory
{
    private const string Probe = "/api/v1/candidates";

    [Fact]
    public async Task An_access_token_lives_at_most_30_minutes_and_the_refresh_token_renews_it()
    {
        await portal.CreateStaffAsync("lifetime-secretary");
        var token = await portal.TokenAsync("lifetime-secretary");
        Assert.Equal("Bearer", token.TokenType);
        Assert.InRange(token.ExpiresIn, 60, 30 * 60);
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));

        portal.Clock.Skip(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WithBearer(token.AccessToken).GetAsync(Probe)).StatusCode);

        var refreshed = await portal.RefreshAsync(token.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<FullTokenResponse>())!;
        Assert.InRange(renewed.ExpiresIn, 60, 30 * 60);
        Assert.NotEqual(token.AccessToken, renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await portal.WithBearer(renewed.AccessToken).GetAsync(Probe)).StatusCode);
    }

    [Fact]
    public async Task Refreshing_never_carries_a_session_past_ten_hours_from_sign_in()
    {
        await portal.CreateStaffAsync("capped-secretary");
        var token = await portal.TokenAsync("capped-secretary");

        portal.Clock.Skip(TimeSpan.FromHours(5));
        var first = await portal.RefreshAsync(token.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var renewed = (await first.Content.ReadFromJsonAsync<FullTokenResponse>())!;

        portal.Clock.Skip(TimeSpan.FromHours(4));
        var second = await portal.RefreshAsync(renewed.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        renewed = (await second.Content.ReadFromJsonAsync<FullTokenResponse>())!;

        // The last refresh token was issued an hour ago and is itself far from expiry; the session is not.
        portal.Clock.Skip(TimeSpan.FromHours(1.1));
        var third = await portal.RefreshAsync(renewed.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_session_in_use_still_ends_ten_hours_after_sign_in()
    {
        await portal.CreateStaffAsync("cookie-secretary");
        var page = portal.CreateClient();
        await page.SignInStaffAsync("cookie-secretary", SessionKit.Password);

        // Used after six hours: sliding renewal would carry the cookie to sixteen.
        portal.Clock.Skip(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync(Probe)).StatusCode);
        portal.Clock.Skip(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync(Probe)).StatusCode);
        portal.Clock.Skip(TimeSpan.FromHours(1.1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync(Probe)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_refresh_token_is_a_401_problem(string refreshToken)
    {
        var response = await portal.RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_access_token_is_not_a_refresh_token_and_an_empty_one_is_a_400()
    {
        var token = await portal.TokenAsync("admin", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.RefreshAsync(token.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.RefreshAsync("")).StatusCode);
    }
}

public class TokenLifetimeSqliteTests(SqliteSessionFactory portal) : TokenLifetimeTests<SqliteSessionFactory>(portal), IClassFixture<SqliteSessionFactory>;

public class TokenLifetimePostgresTests(PostgresSessionFactory portal) : TokenLifetimeTests<PostgresSessionFactory>(portal), IClassFixture<PostgresSessionFactory>;
