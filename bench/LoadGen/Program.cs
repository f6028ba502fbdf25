using System.Diagnostics;
using System.Text.Json;
using LoadGen;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IOException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
    AllowAutoRedirect = false,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

if (options.Warmup > TimeSpan.Zero)
    await LoadRun.RunAsync(http, options, options.Warmup, long.MaxValue);
var result = await LoadRun.RunAsync(http, options, options.Duration, options.MaxRequests);
var report = Report.From(options, result);

Console.WriteLine(report.ToText());
var json = JsonSerializer.Serialize(report, Report.JsonOptions);
if (options.JsonPath is not null)
    await File.WriteAllTextAsync(options.JsonPath, json);
else
    Console.WriteLine(json);
return 0;

/// <summary>N workers, each one request at a time on its own pooled connection, until the time or the count runs out.</summary>
internal static class LoadRun
{
    public static async Task<RunResult> RunAsync(HttpClient http, LoadOptions options, TimeSpan duration, long maxRequests)
    {
        long issued = 0, rotated = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            var errors = new Dictionary<string, int>();
            var token = options.BearerTokens.Count > 0 ? options.BearerTokens[worker % options.BearerTokens.Count] : null;
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
                foreach (var (name, value) in options.Headers)
                    request.Headers.TryAddWithoutValidation(name, value);
                if (options.RotateTokens)
                    token = options.BearerTokens[(int)((Interlocked.Increment(ref rotated) - 1) % options.BearerTokens.Count)];
                if (token is not null)
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                var started = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
                    await response.Content.CopyToAsync(Stream.Null, CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                        error = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException e)
                {
                    error = e.HttpRequestError.ToString();
                }
                catch (TaskCanceledException)
                {
                    error = "timeout";
                }
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (error is not null)
                    errors[error] = errors.GetValueOrDefault(error) + 1;
            }
            return (latencies, errors);
        })).ToList();
        var done = await Task.WhenAll(workers);
        clock.Stop();
        var all = done.SelectMany(d => d.latencies).ToArray();
        var errorsByKind = done.SelectMany(d => d.errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new RunResult(all, errorsByKind, clock.Elapsed);
    }
}

internal sealed record RunResult(long[] LatencyTicks, Dictionary<string, int> Errors, TimeSpan Elapsed);
