using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Sessions;

/// <summary>A clock the test moves forward: the real time plus whatever the test skipped.</summary>
public sealed class SkippingClock : TimeProvider
{
    private long _skippedTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _skippedTicks));

    public void Skip(TimeSpan by) => Interlocked.Add(ref _skippedTicks, by.Ticks);
}

/// <summary>The demo portal with a clock the test controls and the default 60-second stamp check.</summary>
public class SessionPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    public SkippingClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteSessionFactory() : SessionPortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSessionFactory() : SessionPortalFactory(DatabaseProvider.PostgreSql);

public sealed record FullTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

/// <summary>One staff account and every kind of session it can hold at once: a page cookie, a bearer token with its refresh token, a live connection.</summary>
public sealed class StaffSessions(string id, string userName, HttpClient cookie, HttpClient bearer, FullTokenResponse token, HubConnection live) : IAsyncDisposable
{
    public string Id => id;
    public string UserName => userName;
    public HttpClient Cookie => cookie;
    public HttpClient Bearer => bearer;
    public FullTokenResponse Token => token;
    public HubConnection Live => live;
    public Task<Exception?> LiveClosed { get; } = Closed(live);

    private static Task<Exception?> Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        return closed.Task;
    }

    public ValueTask DisposeAsync() => live.DisposeAsync();
}

public static class SessionKit
{
    public const string Password = "Session#2026";

    /// <summary>A new secretary (or other role) made through the admin API, so a test may revoke it without touching the demo accounts.</summary>
    public static async Task<string> CreateStaffAsync(this PortalFactory portal, string userName, string role = "Secretary", int? collegeId = null)
    {
        var admin = await portal.ClientForStaffAsync("admin");
        collegeId ??= role == "Secretary" ? await portal.WithDbAsync(db => Task.FromResult(db.Colleges.OrderBy(c => c.Id).Select(c => c.Id).First())) : null;
        var created = await admin.PostAsJsonAsync("/api/v1/staff", new { userName, displayName = userName, role, collegeId, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await IdOfAsync(admin, userName);
    }

    public static async Task<string> IdOfAsync(HttpClient admin, string userName) =>
        (await AccountAsync(admin, userName)).GetProperty("id").GetString()!;

    public static async Task<JsonElement> AccountAsync(HttpClient admin, string userName) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/staff")).EnumerateArray().Single(a => a.GetProperty("userName").GetString() == userName);

    public static async Task<FullTokenResponse> TokenAsync(this PortalFactory portal, string userName, string password = Password)
    {
        var response = await portal.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FullTokenResponse>())!;
    }

    public static async Task<HttpResponseMessage> RefreshAsync(this PortalFactory portal, string refreshToken) =>
        await portal.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public static HttpClient WithBearer(this PortalFactory portal, string accessToken)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Signs in every way at once; each session is checked to work before the test revokes anything.</summary>
    public static async Task<StaffSessions> SignInEverywhereAsync(this PortalFactory portal, string id, string userName, string probe)
    {
        var cookie = portal.CreateClient();
        await cookie.SignInStaffAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(probe)).StatusCode);
        var token = await portal.TokenAsync(userName);
        var bearer = portal.WithBearer(token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(probe)).StatusCode);
        var live = await portal.ConnectLiveAsync(token.AccessToken);
        return new StaffSessions(id, userName, cookie, bearer, token, live);
    }

    public static async Task<HubConnection> ConnectLiveAsync(this PortalFactory portal, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.Server.BaseAddress, ExamDayHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => portal.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        await connection.StartAsync();
        // The handshake completes before the hub's OnConnectedAsync has read the assistant's rooms and registered the
        // connection: a change made in that gap would be read as the starting state. Wait until it is registered.
        var open = portal.Services.GetRequiredService<LiveConnections>();
        for (var waited = 0; !open.Snapshot().Any(c => c.Context.ConnectionId == connection.ConnectionId); waited += 20)
        {
            if (waited > 10_000)
                throw new TimeoutException($"The live connection {connection.ConnectionId} was not registered within 10 s.");
            await Task.Delay(20);
        }
        return connection;
    }

    /// <summary>
    /// The live connection was closed by the server: a long poll left alone stays open for 90 s, so closing within
    /// seconds means the portal aborted it.
    /// </summary>
    public static async Task AssertLiveClosedAsync(this StaffSessions sessions)
    {
        var winner = await Task.WhenAny(sessions.LiveClosed, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(winner == sessions.LiveClosed, $"The live connection of {sessions.UserName} was still open 20 s after its sessions ended.");
        Assert.Equal(HubConnectionState.Disconnected, sessions.Live.State);
    }

    /// <summary>Every session issued before the revocation is refused; the refresh token too.</summary>
    public static async Task AssertAllEndedAsync(this PortalFactory portal, StaffSessions sessions, string probe)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await sessions.Cookie.GetAsync(probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sessions.Bearer.GetAsync(probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.RefreshAsync(sessions.Token.RefreshToken)).StatusCode);
        await sessions.AssertLiveClosedAsync();
    }
}
