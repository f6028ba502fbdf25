using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Settings;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>What the day timeline asks: the rooms (one or all in scope), the days, the slot length, and whose slots they are.</summary>
/// <param name="CandidateId">When set, a slot that collides with this candidate's other interviews is not offered.</param>
/// <param name="MovingInterviewId">The interview being moved: it does not block its own new slot.</param>
public sealed record TimelineRequest(int? RoomId, DateOnly FirstDay, int Days, int SlotMinutes, int? CandidateId, int? MovingInterviewId);

/// <summary>A free start: the room, its assistant and (when chosen) the candidate are all free for the whole slot.</summary>
public sealed record FreeSlot(int RoomId, DateTime StartsAt, DateTime EndsAt);

public sealed record TimelineRoom(RoomSchedule Room, IReadOnlyList<ScheduleRow> Rows, IReadOnlyList<FreeSlot> Slots);

/// <summary>One Beijing day from <see cref="From"/> to <see cref="To"/> (whole hours covering the windows and every interview).</summary>
public sealed record TimelineDay(DateOnly Day, TimeSpan From, TimeSpan To, IReadOnlyList<TimelineRoom> Rooms)
{
    public const int ColumnMinutes = 5;

    /// <summary>The 1-based grid column where an instant falls, clamped to the day's range.</summary>
    public int Column(DateTime utc)
    {
        var local = BeijingTime.ToLocal(utc).DateTime - Day.ToDateTime(TimeOnly.MinValue);
        var clamped = local < From ? From : local > To ? To : local;
        return (int)((clamped - From).TotalMinutes / ColumnMinutes) + 1;
    }

    /// <summary>How many columns [start, end) covers; at least one, so a short interview stays visible.</summary>
    public int Span(DateTime startUtc, DateTime endUtc) => Math.Max(1, Column(endUtc) - Column(startUtc));

    public IEnumerable<TimeSpan> Hours()
    {
        for (var h = From; h < To; h += TimeSpan.FromHours(1))
            yield return h;
    }
}

/// <summary>
/// The secretary's day timeline: each room's interviews and the free slot starts inside the daily windows. A start is
/// free when <see cref="SlotBook.FindConflict"/>, the rule every booking is checked by, finds nothing: so the
/// timeline offers exactly what booking would accept at this moment (the handlers check again under the lock).
/// </summary>
public sealed class ReadTimelineHandler(PortalDbContext db, ReadScheduleHandler schedule, SlotGuard guard, TimeProvider clock)
{
    public const int MaxDays = 7;

    public async Task<IReadOnlyList<TimelineDay>> HandleAsync(TimelineRequest request, CancellationToken ct)
    {
        var days = Math.Clamp(request.Days, 1, MaxDays);
        var (from, _) = BeijingTime.DayRange(request.FirstDay);
        var to = from.AddDays(days);
        var rooms = await schedule.HandleAsync(request.RoomId, null, from, to, includeCancelled: false, ct);
        var roomIds = rooms.Select(r => r.RoomId).ToList();
        var assistants = await db.ExamRooms.AsNoTracking().Where(r => roomIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.AssistantUserId, ct);
        var settings = (await PortalSettings.CurrentAsync(db.Settings, ct)).DailyWindows;
        var windows = DailyWindows.TryParse(settings, out var parsed, out _) ? parsed.Windows : [];
        var now = clock.GetUtcNow().UtcDateTime;
        int[] candidates = request.CandidateId is { } c ? [c] : [];

        var books = new Dictionary<int, SlotBook>();
        foreach (var room in rooms)
            books[room.RoomId] = await guard.LoadAsync(room.RoomId, assistants[room.RoomId], candidates, from, to, request.MovingInterviewId, ct);

        var result = new List<TimelineDay>(days);
        for (var n = 0; n < days; n++)
        {
            var day = request.FirstDay.AddDays(n);
            var (dayFrom, dayTo) = BeijingTime.DayRange(day);
            var timelineRooms = rooms.Select(room => new TimelineRoom(room,
                room.Rows.Where(r => r.StartsAt < dayTo && r.EndsAt > dayFrom).ToList(),
                FreeSlots(books[room.RoomId], room.RoomId, assistants[room.RoomId], request.CandidateId ?? 0, day, windows, request.SlotMinutes, now)))
                .ToList();
            var (start, end) = Range(day, windows, timelineRooms.SelectMany(r => r.Rows));
            result.Add(new TimelineDay(day, start, end, timelineRooms));
        }
        return result;
    }

    /// <summary>
    /// Slot-long starts inside each window, none in the past: a free start is offered and the next one tried a slot
    /// later; a taken one is tried again a column later, so the first start after an interview ends is found.
    /// </summary>
    public static List<FreeSlot> FreeSlots(SlotBook book, int roomId, string? assistantUserId, int candidateId, DateOnly day,
        IReadOnlyList<(TimeSpan From, TimeSpan To)> windows, int slotMinutes, DateTime nowUtc)
    {
        var slots = new List<FreeSlot>();
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var slot = TimeSpan.FromMinutes(slotMinutes);
        foreach (var (from, to) in windows)
        {
            for (var t = from; t + slot <= to;)
            {
                var startsAt = BeijingTime.FromLocal(midnight + t);
                var endsAt = startsAt + slot;
                if (startsAt >= nowUtc && book.FindConflict(candidateId, roomId, assistantUserId, startsAt, endsAt) is null)
                {
                    slots.Add(new FreeSlot(roomId, startsAt, endsAt));
                    t += slot;
                }
                else
                    t += TimeSpan.FromMinutes(TimelineDay.ColumnMinutes);
            }
        }
        return slots;
    }

    // Whole hours from the earliest window or interview to the latest, so every hour label spans twelve columns.
    private static (TimeSpan From, TimeSpan To) Range(DateOnly day, IReadOnlyList<(TimeSpan From, TimeSpan To)> windows, IEnumerable<ScheduleRow> rows)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var starts = windows.Select(w => w.From).Concat(rows.Select(r => BeijingTime.ToLocal(r.StartsAt).DateTime - midnight)).ToList();
        var ends = windows.Select(w => w.To).Concat(rows.Select(r => BeijingTime.ToLocal(r.EndsAt).DateTime - midnight)).ToList();
        var from = starts.Count == 0 ? TimeSpan.FromHours(8) : starts.Min();
        var to = ends.Count == 0 ? TimeSpan.FromHours(18) : ends.Max();
        from = TimeSpan.FromHours(Math.Max(0, Math.Floor(from.TotalHours)));
        to = TimeSpan.FromHours(Math.Min(24, Math.Ceiling(to.TotalHours)));
        return (from, to > from ? to : from + TimeSpan.FromHours(1));
    }
}
