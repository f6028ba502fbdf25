using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.ExamDay;

public sealed record ConsoleRoom(int Id, string Name, int CollegeId);

/// <summary>The room console: the caller's rooms and their interviews of one Beijing day, in order.</summary>
public sealed record ConsoleView(DateOnly Date, IReadOnlyList<ConsoleRoom> Rooms, IReadOnlyList<ExamDayRow> Interviews);

/// <summary>
/// The secretary's board for one college today: each room's progress, who is late or absent, the day's totals by
/// status, and the watch lists of what needs someone now.
/// </summary>
public sealed record CollegeExamDayView(int CollegeId, string CollegeName, DateOnly Date, DateTime CheckedAt,
    IReadOnlyList<ExamDayRow> Interrupted, IReadOnlyList<ExamDayRow> FailedInvitations, IReadOnlyList<ExamDayRow> Unverified,
    ProgressFigures Progress, IReadOnlyList<RoomProgress> Rooms, IReadOnlyList<ExamDayRow> Late, IReadOnlyList<ExamDayRow> Absent,
    IReadOnlyList<StatusCount> Totals);

public sealed class GetExamDayHandler(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How long before the start a candidate should be verified; later than that they are flagged.</summary>
    public static readonly TimeSpan VerifyBy = TimeSpan.FromMinutes(5);

    private static readonly InterviewStatus[] NotYetVerified =
        [InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted, InterviewStatus.IdRejected];

    /// <summary>
    /// Invitations claimed for sending longer ago than a send may take: the process sending them stopped (a restart
    /// mid-send). They need someone as much as a failed one, and can be retried the same way.
    /// </summary>
    private static IEnumerable<ExamDayRow> StuckSending(List<ExamDayRow> rows, DateTime now) =>
        rows.Where(r => r.Invitation is { } status && SendInvitationJob.Abandoned(status, r.InvitationClaimedAt, now))
            .Select(r => r with
            {
                InvitationError = Texts.Get("ExamDay.SendingSinceTheSendingProcessStopped", BeijingTime.ToLocal(r.InvitationClaimedAt!.Value)),
            });

    public async Task<ConsoleView> ConsoleAsync(DateOnly? date, int? roomId, bool withActions, CancellationToken ct)
    {
        var day = date ?? BeijingTime.Today(clock);
        var rooms = db.ExamRooms.AsNoTracking();
        var interviews = ExamDayRows.OnDay(db, day).Where(i => i.Status != InterviewStatus.Cancelled);
        if (roomId is { } id)
        {
            rooms = rooms.Where(r => r.Id == id);
            interviews = interviews.Where(i => i.ExamRoomId == id);
        }
        var roomList = await rooms.OrderBy(r => r.Name).Select(r => new ConsoleRoom(r.Id, r.Name, r.CollegeId)).ToListAsync(ct);
        return new ConsoleView(day, roomList, await ExamDayRows.LoadAsync(db, interviews, withActions, ct));
    }

    /// <summary>Null when the college does not exist or lies outside the caller's scope.</summary>
    public async Task<CollegeExamDayView?> CollegeAsync(int collegeId, CancellationToken ct)
    {
        if (!db.Scope.Covers(collegeId))
            return null;
        var name = await db.Colleges.Where(c => c.Id == collegeId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var day = BeijingTime.Today(clock);
        var rows = await ExamDayRows.LoadAsync(db, ExamDayRows.OnDay(db, day).Where(i => i.CollegeId == collegeId), withActions: false, ct);
        return new CollegeExamDayView(collegeId, name, day, now,
            rows.Where(r => r.Status == InterviewStatus.Interrupted).ToList(),
            rows.Where(r => r.Invitation == InvitationStatus.Failed).Concat(StuckSending(rows, now)).OrderBy(r => r.StartsAt).ToList(),
            rows.Where(r => NotYetVerified.Contains(r.Status) && r.StartsAt - VerifyBy <= now).ToList(),
            ProgressFigures.Of(rows.Select(r => r.Status)), DayProgress.Rooms(rows), DayProgress.Late(rows, now),
            rows.Where(r => r.Status == InterviewStatus.Absent).ToList(), DayProgress.Totals(rows.Select(r => r.Status)));
    }
}
