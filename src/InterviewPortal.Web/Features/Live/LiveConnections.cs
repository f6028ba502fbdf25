using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace InterviewPortal.Web.Features.Live;

/// <summary>
/// The exam-day hub connections open on this node, with the rooms an assistant's groups were chosen from. Groups are
/// fixed when a connection opens, so a connection whose account lost access is closed (<see cref="HubCallerContext.Abort"/>):
/// the page reconnects, is authenticated again, and joins the groups it may see now, or is refused.
/// </summary>
public sealed class LiveConnections(ILogger<LiveConnections> log)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _open = new();

    public sealed record LiveConnection(HubCallerContext Context, string UserId, IReadOnlySet<int> Rooms);

    public void Opened(HubCallerContext context, string userId, IReadOnlyList<int> rooms) =>
        _open[context.ConnectionId] = new LiveConnection(context, userId, rooms.ToHashSet());

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyList<LiveConnection> Snapshot() => _open.Values.ToList();

    /// <summary>Closes every connection of this account on this node.</summary>
    public void CloseAll(string userId)
    {
        foreach (var connection in _open.Values.Where(c => c.UserId == userId))
            Close(connection, "the account's sessions ended");
    }

    public void Close(LiveConnection connection, string why)
    {
        log.LogInformation("Closing live connection {ConnectionId} of user {UserId}: {Reason}", connection.Context.ConnectionId, connection.UserId, why);
        _open.TryRemove(connection.Context.ConnectionId, out _);
        connection.Context.Abort();
    }
}
