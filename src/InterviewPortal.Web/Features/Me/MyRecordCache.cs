using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Data.Verifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Me;

public sealed class MyRecordCacheOptions
{
    /// <summary>How long this node answers a candidate's record from memory; 0 turns the copy off.</summary>
    public double CacheSeconds { get; set; } = 3;
}

/// <summary>
/// A few seconds' copy of each candidate's record, on this node. When results are published or an exam morning
/// starts, candidates reload their page again and again; the statement behind it costs more CPU than the rest of an
/// API answer, so a reload within the window is answered from memory.
/// It is never wrong for longer than the window and usually not at all: any write on this node to what the record
/// shows (a candidate, an interview, a room, a college or major, an invitation, a room's meeting, an ID check, a report) makes every copy
/// stale at once (<see cref="Invalidator"/>, from EF's save and commit events, so no write path can forget it). A write
/// on another node reaches this node's candidates when their copy expires. A record is stored only if nothing was
/// written while it was being read, so a read racing a write cannot keep the old state alive.
/// </summary>
public sealed class MyRecordCache(TimeProvider clock, IOptions<MyRecordCacheOptions> options)
{
    /// <summary>Past this many copies the cache starts over: more distinct candidates per window than this is no longer a reload storm.</summary>
    private const int MaxEntries = 50_000;

    private readonly TimeSpan _window = TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));
    private readonly ConcurrentDictionary<(int CandidateId, bool WithReports), Entry> _entries = new();
    private long _generation;
    private int _keptSinceClear; // counted here: ConcurrentDictionary.Count takes every lock, on the hot path

    private sealed record Entry(MyRecord Record, long Generation, DateTimeOffset Expires);

    public bool Enabled => _window > TimeSpan.Zero;

    /// <summary>How long a copy is kept (the rendered page's copy, <see cref="MyPageCopy"/>, keeps to it too).</summary>
    public TimeSpan Window => _window;

    /// <summary>Read before the database: a record read under an older generation is not stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public MyRecord? Find(int candidateId, bool withReports) =>
        Enabled && _entries.TryGetValue((candidateId, withReports), out var entry)
                && entry.Generation == Generation && entry.Expires > clock.GetUtcNow()
            ? entry.Record
            : null;

    public void Keep(int candidateId, bool withReports, MyRecord record, long readUnder)
    {
        if (!Enabled || readUnder != Generation)
            return;
        if (Interlocked.Increment(ref _keptSinceClear) > MaxEntries)
            StartOver();
        _entries[(candidateId, withReports)] = new Entry(record, readUnder, clock.GetUtcNow() + _window);
    }

    /// <summary>Every copy is stale from now on.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        if (!_entries.IsEmpty)
            StartOver();
    }

    private void StartOver()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _keptSinceClear, 0);
    }

    /// <summary>
    /// Forgets the copies after a save that touched what a record shows, after a set-based UPDATE or DELETE of one of
    /// those tables (ExecuteUpdate: the T-20 job moves interviews to Notified that way), and after every committed
    /// explicit transaction: those are the portal's writes of many rows (scheduling, import, photo upload, candidate
    /// edits), and bulk inserts inside them bypass EF altogether. A write inside such a transaction is forgotten again
    /// at the commit, when readers can first see it. SaveChanges' own transaction is left to the save's events.
    /// </summary>
    public sealed class Invalidator(MyRecordCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        private static readonly HashSet<Type> Shown =
        [
            typeof(Candidate), typeof(Interview), typeof(ExamRoom), typeof(College), typeof(Major),
            typeof(MeetingInvitation), typeof(IdVerification), typeof(AssignmentReport), typeof(RoomMeeting),
        ];

        private sealed class Save
        {
            public bool Touches;
        }

        // Contexts inside SaveChanges, with whether the save touches a record (looked at before the save: afterwards the
        // entries are Unchanged).
        private readonly ConditionalWeakTable<DbContext, Save> _saving = new();

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Begin(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Begin(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            End(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            End(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            End(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData.Context);
            return Task.CompletedTask;
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            ForgetIfWritesShown(command, eventData.Context);
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            ForgetIfWritesShown(command, eventData.Context);
            return ValueTask.FromResult(result);
        }

        // The tables behind the shown types, per model (a process may host portals on different providers).
        private static readonly ConditionalWeakTable<IModel, string[]> ShownTables = new();

        private void ForgetIfWritesShown(DbCommand command, DbContext? context)
        {
            if (context is null || _saving.TryGetValue(context, out _))
                return; // SaveChanges' own statements: its events decide
            var sql = command.CommandText.AsSpan().TrimStart();
            if (!(sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
                return;
            var tables = ShownTables.GetValue(context.Model, model =>
                [.. Shown.Select(t => model.FindEntityType(t)?.GetTableName()).OfType<string>()]);
            foreach (var table in tables)
            {
                if (command.CommandText.Contains(table, StringComparison.Ordinal))
                {
                    cache.Forget();
                    return;
                }
            }
        }

        private void Begin(DbContext? context)
        {
            if (context is null)
                return;
            var touches = false;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown.Contains(entry.Metadata.ClrType))
                {
                    touches = true;
                    break;
                }
            }
            _saving.AddOrUpdate(context, new Save { Touches = touches });
        }

        private void End(DbContext? context)
        {
            if (context is not null && _saving.TryGetValue(context, out var save))
            {
                _saving.Remove(context);
                if (save.Touches)
                    cache.Forget();
            }
        }

        private void Committed(DbContext? context)
        {
            if (context is null || !_saving.TryGetValue(context, out _))
                cache.Forget();
        }
    }
}
