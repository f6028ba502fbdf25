using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>The rooms in the caller's scope (the query filter decides), by college and name.</summary>
public sealed class ListRoomsHandler(PortalDbContext db)
{
    public Task<Paged<RoomRecord>> HandleAsync(int? collegeId, PageRequest page, CancellationToken ct) =>
        page.ApplyAsync(db.ExamRooms.AsNoTracking().Where(r => collegeId == null || r.CollegeId == collegeId), Project, ct);

    public Task<RoomRecord?> GetAsync(int id, CancellationToken ct) =>
        Project(db.ExamRooms.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    private static IQueryable<RoomRecord> Project(IQueryable<ExamRoom> rooms) =>
        rooms.OrderBy(r => r.CollegeId).ThenBy(r => r.Name)
            .Select(r => new RoomRecord(r.Id, r.CollegeId, r.Name, r.Assistant == null ? null : r.Assistant.UserName,
                r.Examiners.OrderBy(e => e.Id).Select(e => e.Name).ToList(), r.RecordSessions));
}

/// <summary>Deletes a room that has never had an interview (a cancelled one counts: it is history).</summary>
public sealed class DeleteRoomHandler(PortalDbContext db)
{
    public async Task<Interviews.PlanningOutcome<int>> HandleAsync(int id, CancellationToken ct)
    {
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (room is null)
            return Interviews.PlanningOutcome<int>.NotFound($"Exam room {id} was not found.");
        var count = await db.Interviews.IgnoreQueryFilters().CountAsync(i => i.ExamRoomId == id, ct);
        if (count > 0)
            return Interviews.PlanningOutcome<int>.Conflict($"Exam room “{room.Name}” has {count} interviews; cancel or move them first — a room with interviews is kept.");
        db.ExamRooms.Remove(room);
        Audit.AuditTrail.Record(db, "room.delete", nameof(ExamRoom), id, room.Name);
        await db.SaveChangesAsync(ct);
        return Interviews.PlanningOutcome<int>.Ok(id);
    }
}
