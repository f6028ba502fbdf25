using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.ExamDay;

public enum PledgeState
{
    /// <summary>No pledge is published, so there is nothing to confirm.</summary>
    NotRequired,
    Confirmed,
    Missing,
}

/// <summary>
/// One interview as the exam-day screens show it: its state, the pledge, verification and invitation
/// beside it, and the moves the assistant may make now. The console, the college view and every live
/// push carry this same shape.
/// </summary>
public sealed record ExamDayRow(
    int Id, int RoomId, string RoomName, int CollegeId, int CandidateId, string CandidateName, string ExamNumber,
    DateTime StartsAt, DateTimeOffset StartsAtLocal, int DurationMinutes, InterviewStatus Status, InterviewKind Kind, string? StatusNote,
    PledgeState Pledge, int? VerificationId, VerificationStatus? Verification, InvitationStatus? Invitation, string? InvitationError,
    IReadOnlyList<string> Actions, DateTime? InvitationClaimedAt = null);

public static class ExamDayRows
{
    /// <summary>The moves each state allows; the names are the last segment of the API route (review opens /Review).</summary>
    public static IReadOnlyList<string> ActionsFor(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled or InterviewStatus.Notified or InterviewStatus.IdRejected => ["notify", "absent"],
        InterviewStatus.IdSubmitted => ["review", "absent"],
        InterviewStatus.IdVerified => ["invite", "absent"],
        InterviewStatus.Invited => ["room-scan-accepted", "interrupt", "absent"],
        InterviewStatus.InProgress => ["complete", "interrupt"],
        InterviewStatus.Interrupted => ["invite", "end"],
        InterviewStatus.Completed or InterviewStatus.Absent => ["end"],
        _ => [],
    };

    /// <summary>Interviews of one Beijing day (in the context's scope), in start order.</summary>
    public static IQueryable<Interview> OnDay(PortalDbContext db, DateOnly day)
    {
        var (from, to) = BeijingTime.DayRange(day);
        return db.Interviews.Where(i => i.StartsAt >= from && i.StartsAt < to);
    }

    public static async Task<List<ExamDayRow>> LoadAsync(PortalDbContext db, IQueryable<Interview> interviews, bool withActions, CancellationToken ct)
    {
        var pledge = await db.PledgeVersions.MaxAsync(p => (int?)p.Version, ct);
        var raw = await interviews.AsNoTracking().OrderBy(i => i.StartsAt).ThenBy(i => i.Id).Select(i => new
        {
            i.Id, i.ExamRoomId, Room = i.ExamRoom.Name, i.CollegeId, i.CandidateId, Candidate = i.Candidate.Name, i.Candidate.ExamNumber,
            i.StartsAt, i.DurationMinutes, i.Status, i.Kind, i.StatusNote,
            Pledged = pledge != null && db.PledgeConfirmations.Any(c => c.CandidateId == i.CandidateId && c.Version == pledge),
            VerificationId = db.IdVerifications.Where(v => v.InterviewId == i.Id).OrderByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefault(),
            Verification = db.IdVerifications.Where(v => v.InterviewId == i.Id).OrderByDescending(v => v.Id).Select(v => (VerificationStatus?)v.Status).FirstOrDefault(),
            Invitation = db.MeetingInvitations.Where(m => m.InterviewId == i.Id).OrderByDescending(m => m.Id).Select(m => (InvitationStatus?)m.Status).FirstOrDefault(),
            InvitationError = db.MeetingInvitations.Where(m => m.InterviewId == i.Id).OrderByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefault(),
            InvitationClaimedAt = db.MeetingInvitations.Where(m => m.InterviewId == i.Id).OrderByDescending(m => m.Id).Select(m => m.ClaimedAt).FirstOrDefault(),
        }).ToListAsync(ct);

        return raw.Select(r => new ExamDayRow(r.Id, r.ExamRoomId, r.Room, r.CollegeId, r.CandidateId, r.Candidate, r.ExamNumber,
            DateTime.SpecifyKind(r.StartsAt, DateTimeKind.Utc), BeijingTime.ToLocal(r.StartsAt), r.DurationMinutes, r.Status, r.Kind, r.StatusNote,
            pledge is null ? PledgeState.NotRequired : r.Pledged ? PledgeState.Confirmed : PledgeState.Missing,
            r.VerificationId, r.Verification, r.Invitation, r.InvitationError,
            withActions ? ActionsFor(r.Status) : [],
            r.InvitationClaimedAt is { } claimed ? DateTime.SpecifyKind(claimed, DateTimeKind.Utc) : null)).ToList();
    }
}
