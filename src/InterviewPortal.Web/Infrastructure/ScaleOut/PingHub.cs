using Microsoft.AspNetCore.SignalR;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// An operator's check of the backplane (admins only): a ping sent to one node comes back as "pong" to every
/// connected admin on every node, naming the node it came from.
/// </summary>
public sealed class PingHub(NodeIdentity node) : Hub
{
    public const string Path = "/hubs/ping";
    public const string Pong = "pong";

    public Task Ping(string? message)
    {
        message ??= "";
        return Clients.All.SendAsync(Pong, new PongMessage(message.Length > 200 ? message[..200] : message, node.Name, DateTime.UtcNow));
    }
}

public sealed record PongMessage(string Message, string FromNode, DateTime At);
