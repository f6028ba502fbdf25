using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using StackExchange.Redis;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>
/// Two portal nodes in one test process, as two machines behind a load balancer would be: node A owns a fresh
/// PostgreSQL database (migrated, demo-seeded); node B points at the same database with migration and demo off,
/// and has its own storage folder. Both use the Redis that scripts/test-services.sh starts (PORTAL_TEST_REDIS),
/// on a channel prefix of their own so parallel test runs never hear each other.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public const string DefaultRedis = "127.0.0.1:6390";
    private readonly string channelPrefix = "portal-test-" + Guid.NewGuid().ToString("N")[..8];

    public TwoNodeCluster()
    {
        NodeA = new PortalFactory(DatabaseProvider.PostgreSql);
        NodeB = new PortalFactory(DatabaseProvider.Sqlite, demo: false);
    }

    public PortalFactory NodeA { get; }
    public PortalFactory NodeB { get; }

    public static string Redis => Environment.GetEnvironmentVariable("PORTAL_TEST_REDIS") is { Length: > 0 } r ? r : DefaultRedis;

    public async Task InitializeAsync()
    {
        await RequireRedisAsync();
        Configure(NodeA, "node-a");
        _ = NodeA.Server; // starts node A: migrates and seeds the shared database
        Configure(NodeB, "node-b");
        NodeB.Settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSql);
        NodeB.Settings["ConnectionStrings:Portal"] = NodeA.Database.ConnectionString;
        NodeB.Settings["Database:MigrateOnStart"] = "false";
        _ = NodeB.Server;
    }

    private void Configure(PortalFactory node, string name)
    {
        node.Settings["Redis:Connection"] = Redis;
        node.Settings["Redis:ChannelPrefix"] = channelPrefix;
        node.Settings["ScaleOut:NodeName"] = name;
    }

    private static async Task RequireRedisAsync()
    {
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync($"{Redis},connectTimeout=3000,abortConnect=true");
            await redis.GetDatabase().PingAsync();
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException(
                $"The two-node test needs Redis at {Redis} (PORTAL_TEST_REDIS); run scripts/test-services.sh (or ./test.sh) to start it. {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        // Node B first: node A drops the shared database when it goes.
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
    }
}
