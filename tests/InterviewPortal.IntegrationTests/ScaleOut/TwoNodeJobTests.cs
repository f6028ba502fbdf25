using System.Collections.Concurrent;
using Hangfire;
using InterviewPortal.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>
/// A job the test enqueues: it notes which node ran it (the node's own configuration, resolved by that node's
/// Hangfire activator) and takes a moment, so both nodes' workers have jobs to take.
/// </summary>
public sealed class NodeProbeJob(IConfiguration configuration)
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Runs = new();

    public async Task RunAsync(string key)
    {
        Runs.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(configuration["ScaleOut:NodeName"] ?? "unknown");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
    }
}

public partial class TwoNodeTests
{
    [Fact]
    public async Task Jobs_enqueued_on_one_node_run_once_each_spread_over_both_nodes_servers()
    {
        const int count = 60;
        var batch = Guid.NewGuid().ToString("N")[..8];
        var keys = Enumerable.Range(0, count).Select(i => $"{batch}-{i}").ToList();
        var jobs = cluster.NodeA.Services.GetRequiredService<IBackgroundJobClient>();
        var queue = cluster.NodeA.Services.GetRequiredService<JobsOptions>().Queue;
        Assert.Equal(queue, cluster.NodeB.Services.GetRequiredService<JobsOptions>().Queue);

        foreach (var key in keys)
            jobs.Enqueue<NodeProbeJob>(queue, j => j.RunAsync(key));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (keys.Any(k => !NodeProbeJob.Runs.ContainsKey(k)) && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        // Time for a second, wrong, run to show up: longer than a poll and than one job.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var runs = keys.ToDictionary(k => k, k => NodeProbeJob.Runs.TryGetValue(k, out var r) ? r.ToArray() : []);
        Assert.All(runs, r => Assert.True(r.Value.Length == 1, $"job {r.Key} ran {r.Value.Length} times"));
        var byNode = runs.Values.Select(r => r[0]).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byNode.ContainsKey("node-a") && byNode.ContainsKey("node-b"),
            "both servers should have taken jobs: " + string.Join(", ", byNode.Select(p => $"{p.Key}={p.Value}")));
    }
}
