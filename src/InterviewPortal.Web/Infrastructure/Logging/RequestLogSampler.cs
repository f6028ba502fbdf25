namespace InterviewPortal.Web.Infrastructure.Logging;

/// <summary>Logging:Requests: how many healthy, fast reads a second get a request line, and how many of the rest.</summary>
public sealed class RequestLogOptions
{
    /// <summary>Healthy fast reads written in full each second before sampling starts: a quiet node writes every request.</summary>
    public int FullPerSecond { get; set; } = 20;

    /// <summary>Past that budget, one healthy fast read in this many is written; 1 writes every request (sampling off).</summary>
    public int SampleEvery { get; set; } = 100;

    /// <summary>A read slower than this is never sampled away.</summary>
    public double SlowMilliseconds { get; set; } = 500;
}

/// <summary>
/// Decides which healthy, fast reads (GET or HEAD, status under 400, quicker than <see cref="RequestLogOptions.SlowMilliseconds"/>)
/// get a request line. Written for every request, the line cost about a tenth of the portal's CPU at full load (the
/// event, its properties, masking, two formatted sinks), paid by every reload on exam morning for a line that says
/// only "fine, fast". So every write, every refusal or error, every slow request and the first
/// <see cref="RequestLogOptions.FullPerSecond"/> healthy reads of each second are written; past that, one in
/// <see cref="RequestLogOptions.SampleEvery"/>, and once a second a line with how many were not written, so the volume
/// still shows in the log. Lock-free: counters read and bumped with Interlocked. The seconds are the machine's
/// (monotonic), not the portal's TimeProvider: this is a rate, and tests freeze the portal's clock.
/// </summary>
public sealed class RequestLogSampler(RequestLogOptions options, Serilog.ILogger log, Func<long>? currentSecond = null)
{
    private readonly Func<long> _currentSecond = currentSecond ?? (static () => Environment.TickCount64 / 1000);

    private long _second;
    private int _fullThisSecond;
    private long _sinceSample;
    private long _unlogged;

    public bool IsHealthyFastRead(HttpContext http, double elapsedMs) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Response.StatusCode < 400 && elapsedMs < options.SlowMilliseconds;

    /// <summary>Whether to write this healthy fast read; false counts it as not written.</summary>
    public bool Take()
    {
        if (options.SampleEvery <= 1)
            return true;
        var second = _currentSecond();
        var seen = Interlocked.Read(ref _second);
        // One request of each new second starts its budget and reports what the seconds before left out.
        if (second != seen && Interlocked.CompareExchange(ref _second, second, seen) == seen)
        {
            Interlocked.Exchange(ref _fullThisSecond, 0);
            if (Interlocked.Exchange(ref _unlogged, 0) is > 0 and var unlogged)
                log.Information("Request log sampled: {UnloggedReads} healthy reads (GET or HEAD, under 400, under {SlowMilliseconds} ms) had no line of their own",
                    unlogged, options.SlowMilliseconds);
        }
        if (Interlocked.Increment(ref _fullThisSecond) <= options.FullPerSecond
            || Interlocked.Increment(ref _sinceSample) % options.SampleEvery == 0)
            return true;
        Interlocked.Increment(ref _unlogged);
        return false;
    }
}
