using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

public sealed record NoticeQueued(long NotificationId, int InterviewId);

/// <summary>
/// The assistant sends the pre-exam notice again, now: a new outbox row with a new key, due now, audited;
/// the dispatcher sends it on its next poll (about a second).
/// </summary>
public sealed class ResendPreExamNoticeHandler(PortalDbContext db, CandidateOutbox outbox, TimeProvider clock)
{
    /// <summary>Not found when the interview is not in the caller's scope; a conflict when it is over.</summary>
    public async Task<Outcome<NoticeQueued>> HandleAsync(int interviewId, CancellationToken ct)
    {
        var interview = await db.Interviews.Include(i => i.Candidate).FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", interviewId));
        if (interview.Status == InterviewStatus.Cancelled || interview.IsOver)
            return Outcome.Conflict(Texts.Get("Notifications.InterviewIsThereIsNothingTo", interviewId, interview.Status));
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = outbox.Stage(new StagedMessage(NoticeTemplates.PreExam, NoticeTemplates.ResendKey(interview.Id), interview.CandidateId,
            interview.Candidate.Phone, now) { InterviewId = interview.Id });
        db.Record("notice.resent", nameof(Interview), interview.Id, "Pre-exam notice sent again by hand", now);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(new NoticeQueued(notice.Id, interview.Id));
    }
}
