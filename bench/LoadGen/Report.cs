using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LoadGen;

public sealed record Report(
    string? Label, string Url, int Connections, double DurationSeconds, long Requests, double RequestsPerSecond,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, long Errors, Dictionary<string, int> ErrorsByKind)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    internal static Report From(LoadOptions options, RunResult run)
    {
        var sorted = run.LatencyTicks;
        Array.Sort(sorted);
        double Ms(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 2);
        double Percentile(double p) => sorted.Length == 0 ? 0 : Ms(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);
        var seconds = run.Elapsed.TotalSeconds;
        return new Report(options.Label, options.Url.ToString(), options.Connections, Math.Round(seconds, 2), sorted.Length,
            Math.Round(sorted.Length / seconds, 1), Percentile(0.50), Percentile(0.90), Percentile(0.99),
            sorted.Length == 0 ? 0 : Ms(sorted[^1]), run.Errors.Values.Sum(), run.Errors);
    }

    public string ToText()
    {
        var text = FormattableString.Invariant(
            $"{Label ?? Url}: {Requests} requests in {DurationSeconds} s at {Connections} connections = {RequestsPerSecond} req/s; latency p50 {P50Ms} ms, p90 {P90Ms} ms, p99 {P99Ms} ms, max {MaxMs} ms; errors {Errors}");
        return Errors == 0 ? text : text + " (" + string.Join(", ", ErrorsByKind.Select(e => $"{e.Key}: {e.Value}")) + ")";
    }
}
