using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Stages the pre-exam (T-20) notice of an interview in the caller's unit of work: booking and
/// rescheduling (re)plan it, cancelling withdraws it. Call before SaveChanges; the outbox row's
/// idempotency key (interview id + start time) is what keeps a notice from going out twice.
/// </summary>
public sealed class PreExamNoticePlanner(PortalDbContext db)
{
    public async Task PlanAsync(Interview interview, CancellationToken ct)
    {
        var lead = await db.Settings.Select(s => (int?)s.NoticeLeadMinutes).FirstOrDefaultAsync(ct) ?? new PortalSettings().NoticeLeadMinutes;
        await WithdrawAsync(interview, ct);
        db.Notifications.Add(new Notification
        {
            Recipient = interview.Candidate?.Phone ?? await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == interview.CandidateId).Select(c => c.Phone).FirstAsync(ct),
            Template = NoticeTemplates.PreExam,
            InterviewId = interview.Id == 0 ? null : interview.Id,
            CandidateId = interview.CandidateId,
            DueAt = interview.StartsAt.AddMinutes(-lead),
            IdempotencyKey = NoticeTemplates.PreExamKey(interview),
        });
    }

    public Task CancelAsync(Interview interview, CancellationToken ct) => WithdrawAsync(interview, ct);

    private async Task WithdrawAsync(Interview interview, CancellationToken ct)
    {
        if (interview.Id == 0)
            return;
        var pending = await db.Notifications
            .Where(n => n.InterviewId == interview.Id && n.Template == NoticeTemplates.PreExam && n.Status == NotificationStatus.Pending)
            .ToListAsync(ct);
        foreach (var notice in pending)
            notice.Status = NotificationStatus.Cancelled;
    }
}

public static class NoticeTemplates
{
    public const string PreExam = "pre-exam";

    public static string PreExamKey(Interview interview) =>
        $"{PreExam}:{interview.CandidateId}:{interview.StartsAt:yyyyMMddHHmm}:{interview.ExamRoomId}";
}
