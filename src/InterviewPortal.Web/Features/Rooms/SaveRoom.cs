using InterviewPortal.Data;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>Creates or updates a room: the college (a secretary's own), a unique name in it, the examiners, and an assistant who is a user in role Assistant.</summary>
public sealed class SaveRoomHandler(PortalDbContext db)
{
    public async Task<Outcome<RoomRecord>> HandleAsync(int? id, RoomRequest request, CancellationToken ct)
    {
        ExamRoom? room = null;
        if (id is not null)
        {
            room = await db.ExamRooms.Include(r => r.Examiners).FirstOrDefaultAsync(r => r.Id == id, ct);
            if (room is null)
                return Outcome.NotFound(Texts.Get("Interviews.ExamRoomWasNotFound", id));
        }

        int collegeId;
        if (db.Scope.AllColleges)
        {
            if (request.CollegeId is null && room is null)
                return Outcome.Invalid("collegeId", Texts.Get("Rooms.CollegeIdIsRequired"));
            collegeId = request.CollegeId ?? room!.CollegeId;
            if (!await db.Colleges.AnyAsync(c => c.Id == collegeId, ct))
                return Outcome.Invalid("collegeId", Texts.Get("Rooms.CollegeDoesNotExist", collegeId));
        }
        else
        {
            collegeId = db.Scope.CollegeId ?? 0;
            if (request.CollegeId is { } asked && !db.Scope.Covers(asked))
                return Outcome.Invalid("collegeId", Texts.Get("Rooms.ASecretaryPlansRoomsOfTheir"));
        }
        if (room is not null && room.CollegeId != collegeId
            && await db.Interviews.IgnoreQueryFilters().AnyAsync(i => i.ExamRoomId == room.Id, ct))
            return Outcome.Conflict(Texts.Get("Rooms.ExamRoomHasInterviewsItCannot", room.Id));

        var name = request.Name!.Trim();
        if (await db.ExamRooms.IgnoreQueryFilters().AnyAsync(r => r.CollegeId == collegeId && r.Name == name && r.Id != (id ?? 0), ct))
            return Outcome.Invalid("name", Texts.Get("Rooms.TheCollegeAlreadyHasARoom", name));

        string? assistantId = null;
        var assistantName = string.IsNullOrWhiteSpace(request.AssistantUserName) ? null : request.AssistantUserName.Trim();
        if (assistantName is not null)
        {
            var normalized = assistantName.ToUpperInvariant();
            var assistant = await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join role in db.Roles on ur.RoleId equals role.Id
                                 where u.NormalizedUserName == normalized && role.Name == StaffRoles.Assistant
                                 select new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
            if (assistant is null)
                return Outcome.Invalid("assistantUserName", Texts.Get("Rooms.IsNotAUserInRole", assistantName));
            (assistantId, assistantName) = (assistant.Id, assistant.UserName);
        }

        if (room is null)
        {
            room = new ExamRoom { Name = name, CollegeId = collegeId };
            db.ExamRooms.Add(room);
        }
        room.Name = name;
        room.CollegeId = collegeId;
        room.AssistantUserId = assistantId;
        room.RecordSessions = request.RecordSessions;
        room.Version = Guid.NewGuid();
        var examiners = (request.Examiners ?? []).Select(e => e.Trim()).ToList();
        room.Examiners.RemoveAll(e => !examiners.Contains(e.Name));
        foreach (var examiner in examiners.Where(e => room.Examiners.All(x => x.Name != e)))
            room.Examiners.Add(new Examiner { Name = examiner });

        await db.SaveRecordingAsync(d => d.Record(id is null ? "room.created" : "room.updated", nameof(ExamRoom), room.Id, $"{name}; assistant {assistantName ?? "none"}"), ct);
        return Outcome.Success(new RoomRecord(room.Id, room.CollegeId, room.Name, assistantName, examiners, room.RecordSessions));
    }
}
