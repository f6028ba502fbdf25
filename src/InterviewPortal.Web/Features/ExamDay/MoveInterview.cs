using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.ExamDay;

/// <summary>The assistant's lifecycle moves; each is the last segment of its route.</summary>
public enum LifecycleMove
{
    RoomScanAccepted,
    Complete,
    Absent,
    Interrupt,
    End,
}

/// <summary>An interview as the API returns it.</summary>
public sealed record InterviewView(int Id, int CandidateId, int RoomId, DateTime StartsAt, DateTimeOffset StartsAtLocal,
    int DurationMinutes, InterviewStatus Status, InterviewKind Kind)
{
    public static InterviewView From(Interview i) => new(i.Id, i.CandidateId, i.ExamRoomId, DateTime.SpecifyKind(i.StartsAt, DateTimeKind.Utc),
        BeijingTime.ToLocal(i.StartsAt), i.DurationMinutes, i.Status, i.Kind);
}

/// <summary>
/// Applies one move to an interview of the caller's rooms (others are not found), audits it and pushes it
/// live. An illegal move is the entity's <see cref="DomainRuleException"/>, answered as a conflict.
/// </summary>
public sealed class MoveInterviewHandler(PortalDbContext db, TimeProvider clock, ExamDayBroadcaster live)
{
    public async Task<Outcome<InterviewView>> HandleAsync(int id, LifecycleMove move, CancellationToken ct)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", id));
        var now = clock.GetUtcNow().UtcDateTime;
        var from = interview.Status;
        try
        {
            switch (move)
            {
                case LifecycleMove.RoomScanAccepted: interview.AcceptRoomScan(now); break;
                case LifecycleMove.Complete: interview.Complete(now); break;
                case LifecycleMove.Absent: interview.MarkAbsent(now); break;
                case LifecycleMove.Interrupt: interview.Interrupt(); break;
                case LifecycleMove.End: interview.End(now); break;
                default: throw new ArgumentOutOfRangeException(nameof(move));
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        db.Record(AuditAction(move), "Interview", id, $"{from} -> {interview.Status}", now);
        await db.SaveChangesAsync(ct);
        await live.InterviewChangedAsync(id, ct);
        return Outcome.Success(InterviewView.From(interview));
    }

    /// <summary>What happened to the interview, in the audit trail's one style (entity.what-happened, past tense).</summary>
    private static string AuditAction(LifecycleMove move) => move switch
    {
        LifecycleMove.RoomScanAccepted => "interview.room-scan-accepted",
        LifecycleMove.Complete => "interview.completed",
        LifecycleMove.Absent => "interview.marked-absent",
        LifecycleMove.Interrupt => "interview.interrupted",
        LifecycleMove.End => "interview.ended",
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };
}
