using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Me;

public sealed record MyInterview(
    int Id, DateTime StartsAt, DateTimeOffset StartsAtLocal, int DurationMinutes, string Room, InterviewStatus Status,
    string? MeetingId, InterviewKind Kind, bool Recorded, string? RejectionReason);

public sealed record MyRecord(string ExamNumber, string Name, string College, string Major, string MajorCode, MyInterview? Interview);

/// <summary>
/// What a candidate sees of themself. Every candidate refreshes this on exam day, so it is one no-tracking
/// projection. The scope check is made here, explicitly, instead of by the query filters: they would wrap every
/// join (room, invitations, verifications) in its own scope subquery, tripling the SQL for the same answer.
/// </summary>
public sealed class GetMyInterviewHandler(PortalDbContext db, TimeProvider clock)
{
    public async Task<MyRecord?> HandleAsync(int candidateId, CancellationToken ct)
    {
        if (db.Scope.CandidateId != candidateId && !db.Scope.AllColleges)
            return null;
        var me = await db.Candidates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == candidateId)
            .Select(c => new
            {
                c.ExamNumber, c.Name, College = c.College.Name, Major = c.Major.Name, MajorCode = c.Major.Code,
                Interviews = c.Interviews.Select(i => new
                {
                    i.Id, i.StartsAt, i.EndsAt, i.DurationMinutes, i.Status, i.Kind, i.StatusNote,
                    Room = i.ExamRoom.Name,
                    Recorded = i.ExamRoom.RecordSessions,
                    MeetingId = db.MeetingInvitations.IgnoreQueryFilters().Where(m => m.InterviewId == i.Id && m.MeetingId != null)
                        .OrderByDescending(m => m.Id).Select(m => m.MeetingId).FirstOrDefault(),
                    Rejection = db.IdVerifications.IgnoreQueryFilters().Where(v => v.InterviewId == i.Id
                            && (v.Status == VerificationStatus.Rejected || v.Status == VerificationStatus.RetakeRequested))
                        .OrderByDescending(v => v.Id).Select(v => v.Reason).FirstOrDefault(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (me is null)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        // The next one still to come (or under way) that was not cancelled; otherwise the most recent of all.
        var chosen = me.Interviews.Where(i => i.Status != InterviewStatus.Cancelled && (i.EndsAt > now || Interview.Active.Contains(i.Status)))
                         .OrderBy(i => i.StartsAt).FirstOrDefault()
                     ?? me.Interviews.OrderByDescending(i => i.StartsAt).FirstOrDefault();

        MyInterview? interview = chosen is null
            ? null
            : new MyInterview(chosen.Id, DateTime.SpecifyKind(chosen.StartsAt, DateTimeKind.Utc), BeijingTime.ToLocal(chosen.StartsAt),
                chosen.DurationMinutes, chosen.Room, chosen.Status, chosen.MeetingId, chosen.Kind, chosen.Recorded,
                chosen.Status == InterviewStatus.IdRejected ? chosen.Rejection ?? chosen.StatusNote : null);
        return new MyRecord(me.ExamNumber, me.Name, me.College, me.Major, me.MajorCode, interview);
    }
}
