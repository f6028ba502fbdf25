using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>A room's session today as the console and the college board show it: where it runs, whether the backup is
/// offered, and the meeting calls that failed in a row (with the suggestion to switch past the threshold).</summary>
public sealed record RoomSessionView(string Platform, string? MeetingCode, string? JoinUrl, bool BackupOffered, string? BackupName,
    int ConsecutiveFailures, bool SuggestSwitch);

/// <summary>Someone in the backup meeting's waiting room; <see cref="Expected"/> when the name carries the exam number of a candidate of the room today.</summary>
public sealed record WaitingView(string DisplayName, DateTime? JoinedAt, bool Expected);

public sealed class GetRoomPlatformHandler(PortalDbContext db, MeetingPlatforms platforms, MeetingFailures failures,
    SwitchMeetingPlatformHandler views, TimeProvider clock)
{
    public async Task<Outcome<RoomSessionView>> HandleAsync(int roomId, CancellationToken ct)
    {
        if (!await db.ExamRooms.AnyAsync(r => r.Id == roomId, ct))
            return Outcome.NotFound(Texts.Get("Rooms.RoomWasNotFound", roomId));
        var session = await SessionAsync(roomId, ct);
        var where = session is null ? new RoomPlatform(MeetingPlatforms.PrimaryName, null, null) : views.ViewOf(session);
        var failed = session?.ConsecutiveFailures ?? 0;
        return Outcome.Success(new RoomSessionView(where.Platform, where.MeetingCode, where.JoinUrl, platforms.BackupOffered,
            platforms.BackupOffered ? platforms.NameOf(MeetingPlatform.Backup) : null, failed, failures.SuggestsSwitch(failed)));
    }

    /// <summary>Who waits in the backup meeting now; a conflict when the room is not on the backup platform.</summary>
    public async Task<Outcome<IReadOnlyList<WaitingView>>> WaitingAsync(int roomId, CancellationToken ct)
    {
        if (!await db.ExamRooms.AnyAsync(r => r.Id == roomId, ct))
            return Outcome.NotFound(Texts.Get("Rooms.RoomWasNotFound", roomId));
        var session = await SessionAsync(roomId, ct);
        if (session is not { Platform: MeetingPlatform.Backup, BackupMeetingId: not null }
            || platforms.For(MeetingPlatform.Backup) is not IWaitingRoom room)
            return Outcome.Conflict(Texts.Get("Rooms.TheRoomIsNotOnThe"));
        var (from, to) = BeijingTime.DayRange(session.SessionDate);
        var expected = await db.Interviews.IgnoreQueryFilters().Where(i => i.ExamRoomId == roomId && i.StartsAt >= from && i.StartsAt < to)
            .Select(i => i.Candidate.ExamNumber).ToListAsync(ct);
        var waiting = await room.WaitingAsync(session.BackupMeetingId, ct);
        return Outcome.Success<IReadOnlyList<WaitingView>>(waiting
            .Select(p => new WaitingView(p.DisplayName, p.JoinedAt, expected.Any(e => p.DisplayName.Contains(e, StringComparison.Ordinal)))).ToList());
    }

    private Task<RoomMeeting?> SessionAsync(int roomId, CancellationToken ct)
    {
        var day = BeijingTime.Today(clock);
        return db.RoomMeetings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.ExamRoomId == roomId && m.SessionDate == day, ct);
    }
}
