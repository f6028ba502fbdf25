using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Meetings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>
/// A room session's row and its backup meeting, created once: the platform rations creation, so two people pressing
/// the switch at once must not create two. Whoever sets <see cref="RoomMeeting.BackupClaimedAt"/> (one conditional
/// UPDATE, like the invitation's claim) creates the meeting; the others wait for it a little.
/// </summary>
public sealed class BackupMeeting(PortalDbContext db, MeetingPlatforms platforms, RoomMeetings meetings, MeetingFailures failures,
    TimeProvider clock, ILogger<BackupMeeting> log)
{
    /// <summary>A claim older than this outlived every timeout of a creation (its holder died): it may be taken over.</summary>
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan WaitForOther = TimeSpan.FromSeconds(20);

    /// <summary>The room's row for the day, inserted when no invitation made it yet (the unique index keeps it one).</summary>
    public async Task<RoomMeeting> SessionAsync(ExamRoom room, DateOnly day, CancellationToken ct)
    {
        if (await FindAsync(room.Id, day, ct) is { } found)
            return found;
        // Not a claim on the WeLink meeting: dated as a stale claim, so the first WeLink invitation creates it at once.
        var row = new RoomMeeting { ExamRoomId = room.Id, SessionDate = day, Recorded = room.RecordSessions, CreatedAt = clock.GetUtcNow().UtcDateTime - RoomMeetings.StaleClaim - TimeSpan.FromSeconds(1) };
        db.RoomMeetings.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached; // someone else inserted it first
        }
        return await FindAsync(room.Id, day, ct) ?? throw new InvalidOperationException("The room meeting row vanished.");
    }

    /// <summary>The session with its backup meeting; a conflict when the platform refused (rationed creation included).</summary>
    public async Task<Outcome<RoomMeeting>> EnsureAsync(RoomMeeting session, string roomName, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + WaitForOther;
        while (true)
        {
            if (session.BackupMeetingId is not null)
                return Outcome.Success(session);
            var now = clock.GetUtcNow().UtcDateTime;
            var staleBefore = now - StaleClaim;
            var claimed = await db.RoomMeetings.IgnoreQueryFilters()
                .Where(m => m.Id == session.Id && m.BackupMeetingId == null && (m.BackupClaimedAt == null || m.BackupClaimedAt < staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.BackupClaimedAt, now), ct) == 1;
            if (claimed)
                return await CreateAsync(session, roomName, now, ct);
            if (clock.GetUtcNow() > deadline)
                return Outcome.Conflict(Texts.Get("Rooms.TheBackupMeetingIsStillBeing"));
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            session = await FindAsync(session.ExamRoomId, session.SessionDate, ct) ?? session;
        }
    }

    private async Task<Outcome<RoomMeeting>> CreateAsync(RoomMeeting session, string roomName, DateTime now, CancellationToken ct)
    {
        MeetingInfo info;
        try
        {
            var (start, minutes) = await meetings.SessionSpanAsync(session.ExamRoomId, session.SessionDate, now, ct);
            var request = new MeetingRequest($"{roomName} 复试 {session.SessionDate:yyyy-MM-dd}", start, minutes, session.Recorded, WaitingRoom: true);
            info = await platforms.For(MeetingPlatform.Backup).CreateMeetingAsync(request, ct);
        }
        catch (Exception e) when (e is MeetingPlatformException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Creating the backup meeting of room {RoomId} failed", session.ExamRoomId);
            // Give the claim back so the next press tries again; a rationed refusal is told, never retried here.
            await db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.BackupClaimedAt, (DateTime?)null), CancellationToken.None);
            await failures.FailedAsync(session.Id, CancellationToken.None);
            var name = platforms.NameOf(MeetingPlatform.Backup);
            return e switch
            {
                MeetingPlatformException { Rationed: true } p => Outcome.Conflict(Texts.Get("Rooms.RefusesToCreateMoreMeetingsFor", name, p.Code)),
                MeetingPlatformException p => Outcome.Conflict(Texts.Get("Rooms.CouldNotCreateTheMeetingCode", name, p.Code, p.Message)),
                _ => Outcome.Conflict(Texts.Get("Rooms.DidNotAnswer", name, e.Message)),
            };
        }
        await db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == session.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.BackupMeetingId, info.ConferenceId)
            .SetProperty(m => m.BackupMeetingCode, info.Code)
            .SetProperty(m => m.BackupJoinLink, info.JoinLink), ct);
        await failures.SucceededAsync(session.Id, ct);
        return Outcome.Success((await FindAsync(session.ExamRoomId, session.SessionDate, ct))!);
    }

    private Task<RoomMeeting?> FindAsync(int roomId, DateOnly day, CancellationToken ct) =>
        db.RoomMeetings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.ExamRoomId == roomId && m.SessionDate == day, ct);
}
