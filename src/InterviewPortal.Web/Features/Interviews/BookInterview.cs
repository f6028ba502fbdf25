using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>Books one interview by hand: the candidate and the room must be in the caller's scope and of one college, the slot free.</summary>
public sealed class BookInterviewHandler(PortalDbContext db, SlotGuard guard, PreExamNoticePlanner notices)
{
    public async Task<Outcome<InterviewItem>> HandleAsync(InterviewRequest request, CancellationToken ct)
    {
        await using var tx = await guard.LockAsync(ct);
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == request.CandidateId, ct);
        if (candidate is null)
            return Outcome.NotFound(Texts.Get("Interviews.CandidateWasNotFound", request.CandidateId));
        var room = await db.ExamRooms.FirstOrDefaultAsync(r => r.Id == request.RoomId, ct);
        if (room is null)
            return Outcome.NotFound(Texts.Get("Interviews.ExamRoomWasNotFound", request.RoomId));
        if (room.CollegeId != candidate.CollegeId)
            return Outcome.Conflict(
                Texts.Get("Interviews.ExamRoomBelongsToAnotherCollege", room.Name, candidate.Id));

        var startsAt = request.StartsAtUtc;
        var endsAt = startsAt.AddMinutes(request.DurationMinutes!.Value);
        var slots = await guard.LoadAsync(room.Id, room.AssistantUserId, [candidate.Id], startsAt, endsAt, null, ct);
        if (slots.FindConflict(candidate.Id, room.Id, room.AssistantUserId, startsAt, endsAt) is { } conflict)
            return Outcome.Conflict(conflict);

        var interview = Interview.Book(candidate, room, startsAt, request.DurationMinutes.Value, request.KindOrDefault);
        db.Interviews.Add(interview);
        // Saved once for the id, which the notice and the audit entry carry; the transaction keeps it one change.
        await db.SaveChangesAsync(ct);
        await notices.PlanAsync(interview, ct);
        db.Record("interview.booked", nameof(Interview), interview.Id, $"candidate {candidate.Id}, room {room.Id}, {interview.Kind}, {interview.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Success(InterviewItem.From(interview));
    }
}
