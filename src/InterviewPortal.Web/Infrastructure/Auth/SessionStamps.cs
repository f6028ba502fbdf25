using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>Whose stamp a principal carries: a staff account (by user id) or a candidate (by candidate id).</summary>
public readonly record struct SessionOwner(bool IsCandidate, string Id);

/// <summary>
/// Decides whether a signed-in principal (cookie, bearer token, live connection) still stands: its stamp is the
/// account's current one (a staff <see cref="IdentityUser.SecurityStamp"/>, a <see cref="Data.Candidates.Candidate.SessionStamp"/>)
/// and a staff account is not disabled. Every request asks, so what was read is kept per node for
/// <see cref="SessionLimits.StampCheckSeconds"/>: one cheap dictionary read on the candidate page's hot path, one
/// indexed query per account and interval. A change saved on this node forgets the account's copy at once
/// (<see cref="SessionStampInvalidator"/>); a change saved on another node is seen when the copy expires.
/// </summary>
public sealed class SessionStamps(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    IOptions<SessionLimits> options, IOptions<IdentityOptions> identity)
{
    // Past this many copies the cache starts over rather than grow: a bound, not an eviction policy.
    private const int MaxEntries = 100_000;

    private readonly TimeSpan _window = options.Value.StampCheckInterval;
    private readonly string _stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
    private readonly ConcurrentDictionary<SessionOwner, Entry> _entries = new();
    private long _generation;
    private int _keptSinceClear;

    private sealed record Entry(string? Stamp, bool Active, DateTimeOffset Expires);

    /// <summary>Raised after a save on this node changed a staff account's stamp or disabled state (the user id).</summary>
    public event Action<string>? StaffRevoked;

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, bool fresh, CancellationToken ct)
    {
        if (Describe(principal) is not { } owner)
            return false;
        var claimed = principal.FindFirstValue(owner.IsCandidate ? PortalClaims.SessionStamp : _stampClaim);
        var entry = fresh ? null : Find(owner);
        entry ??= await LoadAsync(owner, ct);
        // A candidate whose phone never changed has no stamp, and tokens issued then carry none either.
        return entry.Active && string.Equals(entry.Stamp ?? "", claimed ?? "", StringComparison.Ordinal);
    }

    public SessionOwner? Describe(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        if (principal.FindFirstValue(PortalClaims.CandidateId) is { } candidateId)
            return int.TryParse(candidateId, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? new SessionOwner(true, candidateId) : null;
        return principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId ? new SessionOwner(false, userId) : null;
    }

    /// <summary>Forgets what this node read of these accounts (called after a save that changed their stamps).</summary>
    public void Forget(IReadOnlyCollection<SessionOwner> owners)
    {
        Interlocked.Increment(ref _generation);
        foreach (var owner in owners)
        {
            _entries.TryRemove(owner, out _);
            if (!owner.IsCandidate)
                StaffRevoked?.Invoke(owner.Id);
        }
    }

    private Entry? Find(SessionOwner owner) =>
        _entries.TryGetValue(owner, out var entry) && entry.Expires > clock.GetUtcNow() ? entry : null;

    private async Task<Entry> LoadAsync(SessionOwner owner, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        Entry entry;
        if (owner.IsCandidate)
        {
            var id = int.Parse(owner.Id, CultureInfo.InvariantCulture);
            var row = await db.Candidates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.SessionStamp }).FirstOrDefaultAsync(ct);
            entry = new Entry(row?.SessionStamp, row is not null, clock.GetUtcNow() + _window);
        }
        else
        {
            var row = await db.Users.AsNoTracking().Where(u => u.Id == owner.Id)
                .Select(u => new { u.SecurityStamp, u.DisabledAt }).FirstOrDefaultAsync(ct);
            entry = new Entry(row?.SecurityStamp, row is { DisabledAt: null }, clock.GetUtcNow() + _window);
        }
        Keep(owner, entry, generation);
        return entry;
    }

    // Not kept when a change was forgotten while it was read: the read may predate the change.
    private void Keep(SessionOwner owner, Entry entry, long readUnder)
    {
        if (_window <= TimeSpan.Zero || readUnder != Interlocked.Read(ref _generation))
            return;
        if (Interlocked.Increment(ref _keptSinceClear) > MaxEntries)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _keptSinceClear, 0);
        }
        _entries[owner] = entry;
    }
}
