using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>Deletes a room that has never had an interview (a cancelled one counts: it is history).</summary>
public sealed class DeleteRoomHandler(PortalDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(int id, CancellationToken ct)
    {
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (room is null)
            return Outcome.NotFound($"Exam room {id} was not found.");
        var count = await db.Interviews.IgnoreQueryFilters().CountAsync(i => i.ExamRoomId == id, ct);
        if (count > 0)
            return Outcome.Conflict($"Exam room “{room.Name}” has {count} interviews; cancel or move them first — a room with interviews is kept.");
        db.ExamRooms.Remove(room);
        Audit.AuditTrail.Record(db, "room.delete", nameof(ExamRoom), id, room.Name);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(id);
    }
}
