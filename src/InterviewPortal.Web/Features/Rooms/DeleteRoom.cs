using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>Deletes a room that has never had an interview (a cancelled one counts: it is history).</summary>
public sealed class DeleteRoomHandler(PortalDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(int id, CancellationToken ct)
    {
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (room is null)
            return Outcome.NotFound(Texts.Get("Interviews.ExamRoomWasNotFound", id));
        var count = await db.Interviews.IgnoreQueryFilters().CountAsync(i => i.ExamRoomId == id, ct);
        if (count > 0)
            return Outcome.Conflict(Texts.Get("Rooms.ExamRoomHasInterviewsCancelOr", room.Name, count));
        db.ExamRooms.Remove(room);
        Audit.AuditTrail.Record(db, "room.delete", nameof(ExamRoom), id, room.Name);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(id);
    }
}
