using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>Moves an interview (time, duration, room, kind) before the ID step, under the same checks as booking; the T-20 notice moves with it.</summary>
public sealed class RescheduleInterviewHandler(PortalDbContext db, SlotGuard guard, PreExamNoticePlanner notices)
{
    public async Task<Outcome<InterviewItem>> HandleAsync(int id, InterviewRequest request, CancellationToken ct)
    {
        await using var tx = await guard.LockAsync(ct);
        var interview = await db.Interviews.Include(i => i.Candidate).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", id));
        if (request.CandidateId != interview.CandidateId)
            return Outcome.Invalid("candidateId",
                Texts.Get("Interviews.InterviewBelongsToCandidateCancelIt", id, interview.CandidateId));
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == request.RoomId, ct);
        if (room is null)
            return Outcome.NotFound(Texts.Get("Interviews.ExamRoomWasNotFound", request.RoomId));
        if (room.CollegeId != interview.Candidate.CollegeId)
            return Outcome.Conflict(
                Texts.Get("Interviews.ExamRoomBelongsToAnotherCollege2", room.Name, interview.CandidateId));

        var startsAt = request.StartsAtUtc;
        var endsAt = startsAt.AddMinutes(request.DurationMinutes!.Value);
        var slots = await guard.LoadAsync(room.Id, room.AssistantUserId, [interview.CandidateId], startsAt, endsAt, interview.Id, ct);
        if (slots.FindConflict(interview.CandidateId, room.Id, room.AssistantUserId, startsAt, endsAt) is { } conflict)
            return Outcome.Conflict(conflict);

        var before = interview.StartsAt;
        try
        {
            interview.Reschedule(room, startsAt, request.DurationMinutes.Value);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        interview.Kind = request.KindOrDefault;
        await notices.PlanAsync(interview, ct);
        db.Record("interview.rescheduled", nameof(Interview), interview.Id, $"{before:O} → {interview.StartsAt:O}, room {room.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Success(InterviewItem.From(interview));
    }
}
