using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ExamMorning;

/// <summary>Latencies by step (milliseconds) and every error (a status other than 2xx/3xx, or an exception), by step.</summary>
public sealed class Stats
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly ConcurrentQueue<string> samples = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private int counted;

    private readonly ConcurrentDictionary<int, int> slowBy10s = new();

    /// <summary>Set when the window opens: requests over 250 ms are then counted by ten-second slice, to see what they line up with.</summary>
    public long WindowStart { get; set; }

    public void Record(string step, double ms)
    {
        latencies.GetOrAdd(step, _ => []).Add(ms);
        if (ms > 250 && WindowStart != 0)
            slowBy10s.AddOrUpdate((int)(System.Diagnostics.Stopwatch.GetElapsedTime(WindowStart).TotalSeconds / 10) * 10, 1, (_, n) => n + 1);
    }

    public void Count(string what) => errors.AddOrUpdate("count:" + what, 1, (_, n) => n + 1);

    public int Counted(string what) => errors.GetValueOrDefault("count:" + what);

    public void Error(string step, string detail)
    {
        errors.AddOrUpdate(step, 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref counted) <= 20)
            samples.Enqueue($"{step}: {detail}");
    }

    public int Errors => errors.Where(e => !e.Key.StartsWith("count:", StringComparison.Ordinal)).Sum(e => e.Value);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public Dictionary<string, object> Summary()
    {
        var steps = new Dictionary<string, object>();
        foreach (var (step, bag) in latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToList();
            steps[step] = new Dictionary<string, object>
            {
                ["count"] = sorted.Count,
                ["p50Ms"] = Math.Round(Percentile(sorted, 50), 1),
                ["p99Ms"] = Math.Round(Percentile(sorted, 99), 1),
                ["maxMs"] = Math.Round(sorted[^1], 1),
            };
        }
        return new Dictionary<string, object>
        {
            ["steps"] = steps,
            ["errors"] = Errors,
            ["errorsByStep"] = errors.Where(e => !e.Key.StartsWith("count:", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value),
            ["counts"] = errors.Where(e => e.Key.StartsWith("count:", StringComparison.Ordinal)).ToDictionary(e => e.Key[6..], e => e.Value),
            ["errorSamples"] = samples.ToArray(),
            ["slowRequestsBy10s"] = slowBy10s.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value),
        };
    }

    public void Print(TextWriter o)
    {
        foreach (var (step, bag) in latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToList();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step,-16} n={sorted.Count,6}  p50={Percentile(sorted, 50),8:F1} ms  p99={Percentile(sorted, 99),8:F1} ms  max={sorted[^1],8:F1} ms"));
        }
        o.WriteLine("requests over 250 ms by 10 s of the window: " + string.Join(", ", slowBy10s.OrderBy(s => s.Key).Select(s => $"{s.Key}s: {s.Value}")));
        o.WriteLine($"errors: {Errors}");
        foreach (var s in samples)
            o.WriteLine("  " + s);
    }

    public string Json(Dictionary<string, object> extra)
    {
        var all = Summary();
        foreach (var (k, v) in extra)
            all[k] = v;
        return JsonSerializer.Serialize(all, Indented);
    }
}
