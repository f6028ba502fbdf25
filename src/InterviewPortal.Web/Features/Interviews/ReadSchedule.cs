using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>One line of a schedule: the day views and the exports read the same rows.</summary>
public sealed record ScheduleRow(int Id, int RoomId, string RoomName, int CandidateId, string ExamNumber, string CandidateName,
    string MajorCode, string MajorName, DateTime StartsAt, DateTime EndsAt, int DurationMinutes, InterviewStatus Status, InterviewKind Kind);

public sealed record RoomSchedule(int RoomId, string RoomName, int CollegeId, string? AssistantUserName, IReadOnlyList<string> Examiners,
    IReadOnlyList<ScheduleRow> Rows);

/// <summary>The scoped schedule of rooms between two UTC instants, by room and start; cancelled interviews included only when asked.</summary>
public sealed class ReadScheduleHandler(PortalDbContext db)
{
    public async Task<IReadOnlyList<RoomSchedule>> HandleAsync(int? roomId, int? collegeId, DateTime? fromUtc, DateTime? toUtc,
        bool includeCancelled, CancellationToken ct)
    {
        var rooms = db.ExamRooms.AsNoTracking();
        if (roomId is { } r)
            rooms = rooms.Where(x => x.Id == r);
        if (collegeId is { } c)
            rooms = rooms.Where(x => x.CollegeId == c);
        var roomList = await rooms.OrderBy(x => x.Name)
            .Select(x => new { x.Id, x.Name, x.CollegeId, Assistant = x.Assistant!.UserName, Examiners = x.Examiners.OrderBy(e => e.Id).Select(e => e.Name).ToList() })
            .ToListAsync(ct);
        var roomIds = roomList.Select(x => x.Id).ToList();

        var interviews = db.Interviews.AsNoTracking().Where(i => roomIds.Contains(i.ExamRoomId));
        if (fromUtc is { } from)
            interviews = interviews.Where(i => i.EndsAt > from);
        if (toUtc is { } to)
            interviews = interviews.Where(i => i.StartsAt < to);
        if (!includeCancelled)
            interviews = interviews.Where(i => i.Status != InterviewStatus.Cancelled);
        var rows = await interviews.OrderBy(i => i.StartsAt).ThenBy(i => i.Id)
            .Select(i => new ScheduleRow(i.Id, i.ExamRoomId, i.ExamRoom.Name, i.CandidateId, i.Candidate.ExamNumber, i.Candidate.Name,
                i.Candidate.Major.Code, i.Candidate.Major.Name, i.StartsAt, i.EndsAt, i.DurationMinutes, i.Status, i.Kind))
            .ToListAsync(ct);
        var byRoom = rows.ToLookup(x => x.RoomId);
        return roomList.Select(x => new RoomSchedule(x.Id, x.Name, x.CollegeId, x.Assistant, x.Examiners, byRoom[x.Id].ToList())).ToList();
    }
}
