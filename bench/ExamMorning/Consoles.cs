using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ExamMorning;

/// <summary>
/// The room consoles (one assistant each, on the exam-day hub, node by node) and the college board (the secretary,
/// on the first node). Each planned invitation is an assistant's two moves: invite (Invited) and, a second later,
/// accept the room scan (InProgress); the push time is from the assistant sending the move to the board receiving
/// the row in that status, across nodes over the backplane when there are two.
/// </summary>
public sealed class Consoles(Clients clients, Stats stats, IReadOnlyList<Uri> nodes, string password) : IAsyncDisposable
{
    private readonly Dictionary<string, HttpClient> assistants = [];
    private readonly List<HubConnection> hubs = [];
    private readonly ConcurrentDictionary<(int Id, string Status), long> awaited = new();
    private int consoleEvents;
    private volatile bool closing;

    public int ConsoleEvents => consoleEvents;

    public async Task ConnectAsync(IReadOnlyList<string> assistantNames, string secretary, CancellationToken ct)
    {
        var board = clients.For(Clients.Home(20, 0), nodes[0]);
        var boardToken = await Clients.StaffTokenAsync(board, stats, secretary, password) ?? throw new InvalidOperationException("the secretary could not sign in");
        hubs.Add(await HubAsync(nodes[0], boardToken, OnBoardRow, ct));
        for (var k = 0; k < assistantNames.Count; k++)
        {
            var node = nodes[k % nodes.Count];
            var http = clients.For(Clients.Home(20, k + 1), node);
            var token = await Clients.StaffTokenAsync(http, stats, assistantNames[k], password);
            if (token is null)
                continue;
            assistants[assistantNames[k]] = http;
            await Clients.TimedAsync(stats, "console-load", () => http.GetAsync("/api/v1/exam-day/console", ct));
            hubs.Add(await HubAsync(node, token, _ => Interlocked.Increment(ref consoleEvents), ct));
        }
        Console.WriteLine($"{hubs.Count - 1} consoles and the board connected");
    }

    private async Task<HubConnection> HubAsync(Uri node, string token, Action<JsonElement> onRow, CancellationToken ct)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/exam-day"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        hub.On<JsonElement>("interviewChanged", onRow);
        hub.Closed += e =>
        {
            if (!closing)
                stats.Error("hub", $"a console connection closed: {e?.Message}");
            return Task.CompletedTask;
        };
        await hub.StartAsync(ct);
        return hub;
    }

    private void OnBoardRow(JsonElement row)
    {
        var key = (row.GetProperty("id").GetInt32(), row.GetProperty("status").GetString() ?? "");
        if (awaited.TryRemove(key, out var sent))
            stats.Record("console-push", Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
    }

    /// <summary>One planned invitation: the assistant invites, then starts the interview; both moves must reach the board.</summary>
    public async Task InviteAsync(string assistant, int interviewId, CancellationToken ct)
    {
        if (!assistants.TryGetValue(assistant, out var http))
        {
            stats.Error("invite", $"{assistant} is not signed in");
            return;
        }
        awaited[(interviewId, "Invited")] = Stopwatch.GetTimestamp();
        if (await Clients.TimedAsync(stats, "invite", () => http.PostAsync($"/api/v1/interviews/{interviewId}/invite", null, ct)) is null)
        {
            awaited.TryRemove((interviewId, "Invited"), out _);
            return;
        }
        stats.Count("invitations-issued");
        await Task.Delay(1000, ct);
        awaited[(interviewId, "InProgress")] = Stopwatch.GetTimestamp();
        if (await Clients.TimedAsync(stats, "start-interview", () => http.PostAsync($"/api/v1/interviews/{interviewId}/room-scan-accepted", null, ct)) is null)
            awaited.TryRemove((interviewId, "InProgress"), out _);
    }

    /// <summary>Moves the board never saw within the grace period are errors (lost pushes).</summary>
    public async Task SettleAsync(TimeSpan grace)
    {
        var until = DateTime.UtcNow + grace;
        while (!awaited.IsEmpty && DateTime.UtcNow < until)
            await Task.Delay(100);
        foreach (var ((id, status), _) in awaited)
            stats.Error("console-push", $"the board never saw interview {id} become {status}");
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        foreach (var hub in hubs)
        {
            hub.Remove("interviewChanged");
            await hub.DisposeAsync();
        }
        foreach (var http in assistants.Values)
            http.Dispose();
    }
}
