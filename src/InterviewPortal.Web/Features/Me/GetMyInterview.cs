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
/// What a candidate sees of themself. The query filters already restrict every set to the signed-in candidate;
/// two no-tracking projections (the person, then their few interviews), because this page is what every candidate
/// refreshes on exam day.
/// </summary>
public sealed class GetMyInterviewHandler(PortalDbContext db, TimeProvider clock)
{
    public async Task<MyRecord?> HandleAsync(int candidateId, CancellationToken ct)
    {
        var me = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId)
            .Select(c => new { c.ExamNumber, c.Name, College = c.College.Name, Major = c.Major.Name, MajorCode = c.Major.Code })
            .FirstOrDefaultAsync(ct);
        if (me is null)
            return null;

        var interviews = await db.Interviews.AsNoTracking().Where(i => i.CandidateId == candidateId)
            .Select(i => new
            {
                i.Id, i.StartsAt, i.EndsAt, i.DurationMinutes, i.Status, i.Kind, i.StatusNote,
                Room = i.ExamRoom.Name,
                Recorded = i.ExamRoom.RecordSessions,
                MeetingId = db.MeetingInvitations.Where(m => m.InterviewId == i.Id && m.MeetingId != null)
                    .OrderByDescending(m => m.Id).Select(m => m.MeetingId).FirstOrDefault(),
                Rejection = db.IdVerifications.Where(v => v.InterviewId == i.Id
                        && (v.Status == VerificationStatus.Rejected || v.Status == VerificationStatus.RetakeRequested))
                    .OrderByDescending(v => v.Id).Select(v => v.Reason).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        // The next one still to come (or under way) that was not cancelled; otherwise the most recent of all.
        var chosen = interviews.Where(i => i.Status != InterviewStatus.Cancelled && (i.EndsAt > now || Interview.Active.Contains(i.Status)))
                         .OrderBy(i => i.StartsAt).FirstOrDefault()
                     ?? interviews.OrderByDescending(i => i.StartsAt).FirstOrDefault();

        MyInterview? interview = chosen is null
            ? null
            : new MyInterview(chosen.Id, DateTime.SpecifyKind(chosen.StartsAt, DateTimeKind.Utc), BeijingTime.ToLocal(chosen.StartsAt),
                chosen.DurationMinutes, chosen.Room, chosen.Status, chosen.MeetingId, chosen.Kind, chosen.Recorded,
                chosen.Status == InterviewStatus.IdRejected ? chosen.Rejection ?? chosen.StatusNote : null);
        return new MyRecord(me.ExamNumber, me.Name, me.College, me.Major, me.MajorCode, interview);
    }
}
