using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Infrastructure.Time;
using InterviewPortal.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Invitations;

/// <summary>
/// The room's meeting for one Beijing day, created once even when two invitation jobs race: the
/// unique (ExamRoomId, SessionDate) row is inserted first and whoever inserted it (or takes over a
/// stale claim) creates the meeting; the others wait for it (their job retries shortly).
/// </summary>
public sealed class RoomMeetings(PortalDbContext db, MeetingPlatforms platforms, MeetingFailures failures, TimeProvider clock)
{
    internal static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    public async Task<RoomMeeting> EnsureAsync(Interview interview, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(BeijingTime.ToLocal(interview.StartsAt).DateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = await FindAsync(interview.ExamRoomId, day, ct);
        var claimed = false;
        if (meeting is null)
        {
            var room = await db.ExamRooms.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == interview.ExamRoomId, ct);
            var row = new RoomMeeting { ExamRoomId = room.Id, SessionDate = day, Recorded = room.RecordSessions, CreatedAt = now };
            db.RoomMeetings.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                claimed = true;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached; // the other job inserted it first
            }
            meeting = await FindAsync(interview.ExamRoomId, day, ct) ?? throw new InvalidOperationException("The room meeting row vanished.");
        }
        // A session switched to the backup platform invites there; its WeLink meeting is not needed meanwhile.
        if (meeting.ConferenceId is not null || meeting is { Platform: MeetingPlatform.Backup, BackupMeetingId: not null })
            return meeting;
        if (!claimed)
        {
            // Take over only a claim whose holder seems gone; otherwise let it finish.
            var staleBefore = now - StaleClaim;
            claimed = meeting.CreatedAt < staleBefore && await db.RoomMeetings.IgnoreQueryFilters()
                .Where(m => m.Id == meeting.Id && m.ConferenceId == null && m.CreatedAt == meeting.CreatedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, now), ct) == 1;
            if (!claimed)
                throw new MeetingNotReadyException($"The meeting of room {interview.ExamRoomId} on {day} is being created.");
        }

        var (start, minutes) = await SessionSpanAsync(interview.ExamRoomId, day, now, ct);
        var roomName = await db.ExamRooms.IgnoreQueryFilters().Where(r => r.Id == interview.ExamRoomId).Select(r => r.Name).FirstAsync(ct);
        MeetingInfo info;
        try
        {
            info = await platforms.For(MeetingPlatform.Primary).CreateMeetingAsync(new MeetingRequest($"{roomName} 复试 {day:yyyy-MM-dd}", start, minutes, meeting.Recorded, WaitingRoom: true), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await failures.FailedAsync(meeting.Id, CancellationToken.None); // counts towards suggesting the switch
            throw;
        }
        await db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ConferenceId, info.ConferenceId)
            .SetProperty(m => m.JoinLink, info.JoinLink)
            .SetProperty(m => m.HostPassword, info.HostPassword), ct);
        return (await FindAsync(interview.ExamRoomId, day, ct))!;
    }

    private Task<RoomMeeting?> FindAsync(int roomId, DateOnly day, CancellationToken ct) =>
        db.RoomMeetings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.ExamRoomId == roomId && m.SessionDate == day, ct);

    // From half an hour before the day's first interview (not before now) to the end of its last one.
    internal async Task<(DateTime Start, int Minutes)> SessionSpanAsync(int roomId, DateOnly day, DateTime now, CancellationToken ct)
    {
        var (from, to) = BeijingTime.DayRange(day);
        var span = await db.Interviews.IgnoreQueryFilters()
            .Where(i => i.ExamRoomId == roomId && i.StartsAt >= from && i.StartsAt < to && i.Status != InterviewStatus.Cancelled)
            .GroupBy(_ => 1).Select(g => new { First = g.Min(i => i.StartsAt), Last = g.Max(i => i.EndsAt) })
            .FirstOrDefaultAsync(ct);
        var start = span is null ? now : span.First.AddMinutes(-30);
        if (start < now)
            start = now;
        var end = span is null || span.Last <= start ? start.AddHours(1) : span.Last.AddMinutes(30);
        return (DateTime.SpecifyKind(start, DateTimeKind.Utc), (int)Math.Clamp((end - start).TotalMinutes, 15, 1440));
    }
}

public sealed class MeetingNotReadyException(string message) : Exception(message);
