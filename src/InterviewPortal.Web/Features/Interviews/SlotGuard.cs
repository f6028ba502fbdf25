using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>An interview that holds its slot, as the conflict checks see it (across every scope).</summary>
public sealed record HeldSlot(int Id, int CandidateId, int RoomId, string RoomName, string? AssistantUserId, DateTime StartsAt, DateTime EndsAt)
{
    public bool Overlaps(DateTime startsAt, DateTime endsAt) => StartsAt < endsAt && startsAt < EndsAt;

    public string Describe() => Texts.Get("Interviews.InterviewInRoomAtBeijingTime", RoomName, BeijingTime.Format(StartsAt), BeijingTime.ToLocal(EndsAt), Id);
}

/// <summary>
/// Keeps the three scheduling rules under concurrent writers: a candidate, a room and an assistant are
/// never in two overlapping interviews. Every write takes the "schedule" lock row first inside its
/// transaction (PostgreSQL: the row lock makes the second writer wait, and its READ COMMITTED reads then see
/// the first booking; SQLite: the UPDATE takes the database write lock), then checks, inserts and commits.
/// </summary>
public sealed class SlotGuard(PortalDbContext db)
{
    public const string LockName = "schedule";

    public async Task<IDbContextTransaction> LockAsync(CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SchedulingLocks.Where(l => l.Name == LockName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Counter, l => l.Counter + 1), ct);
        return tx;
    }

    /// <summary>
    /// The held slots in [fromUtc, toUtc) that could collide with bookings of these candidates in this room:
    /// the room's, the assistant's other rooms', and the candidates' anywhere. Outside the caller's scope too.
    /// </summary>
    public async Task<SlotBook> LoadAsync(int roomId, string? assistantUserId, IReadOnlyCollection<int> candidateIds,
        DateTime fromUtc, DateTime toUtc, int? exceptInterviewId, CancellationToken ct)
    {
        var ids = candidateIds.ToList();
        var slots = await db.Interviews.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status != InterviewStatus.Cancelled && i.StartsAt < toUtc && i.EndsAt > fromUtc)
            .Where(i => i.Id != (exceptInterviewId ?? 0))
            .Where(i => i.ExamRoomId == roomId
                || (assistantUserId != null && i.ExamRoom.AssistantUserId == assistantUserId)
                || ids.Contains(i.CandidateId))
            .Select(i => new HeldSlot(i.Id, i.CandidateId, i.ExamRoomId, i.ExamRoom.Name, i.ExamRoom.AssistantUserId, i.StartsAt, i.EndsAt))
            .ToListAsync(ct);
        return new SlotBook(slots);
    }
}

/// <summary>The held slots loaded for one write, plus the ones this write adds, checked in memory.</summary>
public sealed class SlotBook(List<HeldSlot> slots)
{
    /// <summary>Why the slot cannot be booked, naming the other interview; null when it is free.</summary>
    public string? FindConflict(int candidateId, int roomId, string? assistantUserId, DateTime startsAt, DateTime endsAt)
    {
        foreach (var slot in slots.Where(s => s.Overlaps(startsAt, endsAt)))
        {
            if (slot.CandidateId == candidateId)
                return Texts.Get("Interviews.CandidateAlreadyHas", candidateId, slot.Describe());
            if (slot.RoomId == roomId)
                return Texts.Get("Interviews.TheRoomIsTakenBy", slot.Describe());
            if (assistantUserId is not null && slot.AssistantUserId == assistantUserId)
                return Texts.Get("Interviews.TheRoomSAssistantIsBusy", slot.Describe());
        }
        return null;
    }

    public void Hold(HeldSlot slot) => slots.Add(slot);
}
