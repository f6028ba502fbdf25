using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>Settings under Auth:SignIn. The defaults keep ASVS 4.0.3 2.2.1 (at most 100 failures an hour on one account).</summary>
public sealed class StaffSignInLimitOptions
{
    /// <summary>Wrong passwords one address may try on one account before its pauses start.</summary>
    public int FreeFailures { get; set; } = 5;
    public TimeSpan FirstPause { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(15);
    public int AccountFailuresPerHour { get; set; } = 100;
    public TimeSpan TrustAfterSuccess { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// Replaces Identity's account lockout, which let anyone keep a named account out with five wrong passwords.
/// Failures are counted per (account, client address): after <see cref="StaffSignInLimitOptions.FreeFailures"/>
/// that address is paused for that account, 30 s doubling to 15 min, while every other address is untouched.
/// Per account, past the hourly ceiling only addresses that signed in to it before may try; the others wait
/// for old failures to leave the hour, so the account takes at most the ceiling an hour, and its owner at a
/// known address is never held. Unknown names are limited exactly like real ones, so the limiter reveals nothing.
/// State lives in this node's memory: with N nodes an address gets N times the allowance (documented in
/// docs/security.md); a restart forgets it.
/// </summary>
public sealed class StaffSignInLimiter(IOptions<StaffSignInLimitOptions> options, TimeProvider clock)
{
    private const int MostPairs = 100_000;
    private static readonly TimeSpan FailuresForgotten = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(string Account, string Address), Pair> pairs = new();
    private readonly ConcurrentDictionary<string, Account> accounts = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> usedCodes = new();
    private readonly StaffSignInLimitOptions settings = options.Value;

    /// <summary>Whether this address may have its attempt on this account judged at all.</summary>
    public bool Allows(string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var trusted = false;
        if (pairs.TryGetValue((account, ClientAddress.Key(address) ?? "unknown"), out var pair))
            lock (pair)
            {
                if (pair.PausedUntil > now)
                    return false;
                trusted = pair.TrustedUntil > now;
            }
        return trusted || !accounts.TryGetValue(account, out var state) || state.FailuresWithin(now) < settings.AccountFailuresPerHour;
    }

    /// <summary>Whether the account took its hourly ceiling of failures: shown to the admin as locked; unlock clears it.</summary>
    public bool AtCeiling(string account) =>
        accounts.TryGetValue(account, out var state) && state.FailuresWithin(clock.GetUtcNow()) >= settings.AccountFailuresPerHour;

    public void Failed(string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var pair = PairFor(account, address, now);
        lock (pair)
        {
            if (now - pair.LastFailure > FailuresForgotten)
                pair.Failures = 0;
            pair.Failures++;
            pair.LastFailure = now;
            var over = pair.Failures - settings.FreeFailures;
            if (over >= 0)
            {
                var pause = settings.FirstPause * Math.Pow(2, Math.Min(over, 20));
                pair.PausedUntil = now + (pause < settings.LongestPause ? pause : settings.LongestPause);
            }
        }
        accounts.GetOrAdd(account, _ => new Account()).Add(now, settings.AccountFailuresPerHour);
    }

    /// <summary>A full sign-in: this address is clean for the account and trusted past its ceiling.</summary>
    public void Succeeded(string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var pair = PairFor(account, address, now);
        lock (pair)
        {
            pair.Failures = 0;
            pair.PausedUntil = DateTimeOffset.MinValue;
            pair.TrustedUntil = now + settings.TrustAfterSuccess;
        }
    }

    /// <summary>The admin's unlock: every pause and count of this account goes.</summary>
    public void Forget(string account)
    {
        accounts.TryRemove(account, out _);
        foreach (var key in pairs.Keys.Where(k => k.Account == account))
            pairs.TryRemove(key, out _);
    }

    /// <summary>
    /// True the first time a user's authenticator code is seen (within 5 minutes, on this node): a code read over
    /// a shoulder or from a log cannot be played again (ASVS 2.8.4).
    /// </summary>
    public bool FirstUseOfCode(string userId, string code)
    {
        var now = clock.GetUtcNow();
        foreach (var old in usedCodes.Where(u => u.Value < now))
            usedCodes.TryRemove(old.Key, out _);
        return usedCodes.TryAdd(userId + ":" + code, now.AddMinutes(5));
    }

    private Pair PairFor(string account, IPAddress? address, DateTimeOffset now)
    {
        if (pairs.Count >= MostPairs)
            Prune(now);
        return pairs.GetOrAdd((account, ClientAddress.Key(address) ?? "unknown"), _ => new Pair());
    }

    /// <summary>Bounded memory under address rotation: drop what no longer pauses or trusts; the account ceiling still holds.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, pair) in pairs)
            lock (pair)
                if (pair.PausedUntil <= now && pair.TrustedUntil <= now)
                    pairs.TryRemove(key, out _);
        foreach (var (name, account) in accounts)
            if (account.FailuresWithin(now) == 0)
                accounts.TryRemove(name, out _);
    }

    private sealed class Pair
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset PausedUntil;
        public DateTimeOffset TrustedUntil;
    }

    private sealed class Account
    {
        private readonly Queue<DateTimeOffset> failures = new();

        public void Add(DateTimeOffset at, int ceiling)
        {
            lock (failures)
            {
                failures.Enqueue(at);
                // Only whether the last hour holds `ceiling` failures matters, so the newest `ceiling` are enough.
                while (failures.Count > ceiling)
                    failures.Dequeue();
            }
        }

        public int FailuresWithin(DateTimeOffset now)
        {
            lock (failures)
            {
                while (failures.Count > 0 && failures.Peek() <= now.AddHours(-1))
                    failures.Dequeue();
                return failures.Count;
            }
        }
    }
}
