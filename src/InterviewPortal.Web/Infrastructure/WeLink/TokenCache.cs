using System.Collections.Concurrent;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>One cached access token: fetched once by one caller while the others wait, dropped when the vendor rejects it.</summary>
public sealed class TokenCache(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Holder? current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken ct)
    {
        if (current is { } c && c.Until > clock.GetUtcNow())
            return c.Token;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Until > clock.GetUtcNow())
                return again.Token;
            var (token, lifetime) = await fetch(ct);
            current = new Holder(token, clock.GetUtcNow() + lifetime);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forget the token, unless another caller already replaced it with a fresh one.</summary>
    public void Invalidate(string token)
    {
        var c = current;
        if (c is not null && c.Token == token)
            Interlocked.CompareExchange(ref current, null, c);
    }

    public void Dispose() => gate.Dispose();

    private sealed record Holder(string Token, DateTimeOffset Until);
}

/// <summary>The gateway's memory across calls: tokens, phone → userId, and what a meeting's control needs.</summary>
public sealed class WeLinkCaches(TimeProvider clock) : IDisposable
{
    public TokenCache WeLink { get; } = new(clock);
    public TokenCache Meeting { get; } = new(clock);
    public ConcurrentDictionary<string, TokenCache> Control { get; } = new();
    public ConcurrentDictionary<string, (string UserId, DateTimeOffset Until)> Users { get; } = new();
    public ConcurrentDictionary<string, string> HostPasswords { get; } = new();
    public TimeProvider Clock => clock;

    public void Dispose()
    {
        WeLink.Dispose();
        Meeting.Dispose();
        foreach (var cache in Control.Values)
            cache.Dispose();
    }

    public TokenCache ControlFor(string conferenceId) => Control.GetOrAdd(conferenceId, _ => new TokenCache(clock));

    /// <summary>Cache for the vendor's lifetime less five minutes (its documented advice), or three quarters of a short one.</summary>
    public static TimeSpan CacheLifetime(double seconds) =>
        TimeSpan.FromSeconds(seconds > 600 ? seconds - 300 : Math.Max(1, seconds * 0.75));
}
