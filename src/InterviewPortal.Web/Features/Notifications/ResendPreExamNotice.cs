using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

public sealed record NoticeQueued(long NotificationId, int InterviewId);

/// <summary>
/// The assistant sends the pre-exam notice again, now: a new outbox row with a new key, due now, audited;
/// the dispatcher sends it on its next poll (about a second).
/// </summary>
public sealed class ResendPreExamNoticeHandler(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Null when the interview is not in the caller's scope; throws DomainRuleException (409) when it is over.</summary>
    public async Task<NoticeQueued?> HandleAsync(int interviewId, CancellationToken ct)
    {
        var interview = await db.Interviews.Include(i => i.Candidate).FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
            return null;
        if (interview.Status == InterviewStatus.Cancelled || interview.IsOver)
            throw new DomainRuleException($"Interview {interviewId} is {interview.Status}: there is nothing to notify.");
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = new Notification
        {
            Recipient = interview.Candidate.Phone,
            Template = NoticeTemplates.PreExam,
            InterviewId = interview.Id,
            CandidateId = interview.CandidateId,
            DueAt = now,
            IdempotencyKey = NoticeTemplates.ResendKey(interview.Id),
            CreatedAt = now,
        };
        db.Notifications.Add(notice);
        db.Record("notice.resend", nameof(Interview), interview.Id, "Pre-exam notice sent again by hand", now);
        await db.SaveChangesAsync(ct);
        return new NoticeQueued(notice.Id, interview.Id);
    }
}
