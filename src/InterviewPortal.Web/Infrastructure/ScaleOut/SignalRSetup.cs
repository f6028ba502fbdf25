using InterviewPortal.Web.Features.Live;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

public static class SignalRSetup
{
    /// <summary>
    /// SignalR for the live pages. With Redis:Connection set, every node publishes through the Redis backplane,
    /// so a message sent on one node reaches clients connected to any node. Redis:ChannelPrefix keeps two
    /// portals (or two test runs) on one Redis apart.
    /// </summary>
    public static ISignalRServerBuilder AddPortalSignalR(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        // Live connections end with their account's sessions (Features/Live): each node watches its own connections.
        services.AddSingleton<LiveConnections>().AddSingleton<LiveSessionSweep>().AddHostedService(sp => sp.GetRequiredService<LiveSessionSweep>());
        var connection = configuration["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            var prefix = configuration["Redis:ChannelPrefix"] is { Length: > 0 } p ? p : ScaleOutSetup.ApplicationName;
            signalR.AddStackExchangeRedis(connection, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
                // Keep retrying in the background when Redis restarts instead of failing the node's start.
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return signalR;
    }
}
