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
