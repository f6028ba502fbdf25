using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Verifications;

public enum IdDecision
{
    Approve,
    Reject,
    Retake,
}

/// <summary>The reason for a rejection or a retake request; the candidate reads it.</summary>
public sealed record IdDecisionRequest(string? Reason);

public sealed class IdDecisionValidator : AbstractValidator<IdDecisionRequest>
{
    public IdDecisionValidator() =>
        RuleFor(r => r.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Give the reason the candidate will read.")
            .MaximumLength(500).WithMessage("The reason is at most 500 characters.");
}

public sealed record IdDecisionResult(int Id, int InterviewId, VerificationStatus Status, string ReviewerUserName, DateTime DecidedAt, string? Reason);

/// <summary>
/// The assistant's decision on a pending photo: approve (IdVerified), reject, or ask for a retake (both
/// IdRejected, so a new photo is accepted). Audited, pushed live, and told to the candidate through the
/// Notifications outbox: the message row is saved with the decision and sent at once; if WeLink is down it
/// stays in the outbox and the dispatcher retries it with back-off, so an outage does not lose it.
/// Deciding twice is a 409: the second reviewer sees the first one's decision.
/// </summary>
public sealed class DecideIdVerificationHandler(PortalDbContext db, IServiceScopeFactory scopes, TimeProvider clock,
    ExamDayBroadcaster live, ILogger<DecideIdVerificationHandler> log)
{
    public async Task<IdDecisionResult?> HandleAsync(int id, IdDecision decision, string? reason, CancellationToken ct)
    {
        var v = await db.IdVerifications.Include(v => v.Interview).ThenInclude(i => i.Candidate).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (v is null)
            return null;
        if (v.Status != VerificationStatus.Pending)
            throw new DomainRuleException($"Verification {id} is no longer pending: it is {v.Status}{(v.ReviewerUserName is null ? "" : $" by {v.ReviewerUserName}")}.");

        reason = decision == IdDecision.Approve ? null : reason?.Trim();
        switch (decision)
        {
            case IdDecision.Approve: v.Interview.VerifyId(); v.Status = VerificationStatus.Approved; break;
            case IdDecision.Reject: v.Interview.RejectId(reason!); v.Status = VerificationStatus.Rejected; break;
            case IdDecision.Retake: v.Interview.RejectId(reason!); v.Status = VerificationStatus.RetakeRequested; break;
            default: throw new ArgumentOutOfRangeException(nameof(decision));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        v.ReviewerUserName = db.Scope.Actor;
        v.DecidedAt = now;
        v.Reason = reason;
        v.Version = Guid.NewGuid();
        db.Record(AuditAction(v.Status), "IdVerification", id, $"interview {v.InterviewId}" + (reason is null ? "" : $"; reason: {reason}"), now);
        var message = Message(v, decision, reason, now);
        db.Notifications.Add(message);
        await db.SaveChangesAsync(ct);

        await SendNowAsync(message.Id, decision);
        await live.InterviewChangedAsync(v.InterviewId, ct);
        return new IdDecisionResult(v.Id, v.InterviewId, v.Status, v.ReviewerUserName, now, reason);
    }

    private static string AuditAction(VerificationStatus decided) => decided switch
    {
        VerificationStatus.Approved => "id-photo.approved",
        VerificationStatus.Rejected => "id-photo.rejected",
        VerificationStatus.RetakeRequested => "id-photo.retake-requested",
        _ => throw new ArgumentOutOfRangeException(nameof(decided)),
    };

    private static Notification Message(IdVerification v, IdDecision decision, string? reason, DateTime now)
    {
        var (title, text) = decision switch
        {
            IdDecision.Approve => ("身份核验已通过", "您上传的身份证照片已核验通过。请保持 WeLink 在线并做好设备准备，轮到您时考试助理会邀请您进入考场。"),
            IdDecision.Retake => ("请重新上传身份证照片", $"您上传的身份证照片需要重拍：{reason}。请在光线充足处拍摄身份证人像面，确保字迹清晰、无遮挡，然后重新上传。"),
            _ => ("身份核验未通过", $"您上传的身份证照片未通过核验：{reason}。请通过 WeLink 联系考试助理说明情况。"),
        };
        return new Notification
        {
            Recipient = v.Interview.Candidate.Phone,
            Template = NoticeTemplates.IdDecision,
            Title = title,
            Text = text,
            InterviewId = v.InterviewId,
            CandidateId = v.Interview.CandidateId,
            DueAt = now,
            IdempotencyKey = NoticeTemplates.IdDecisionKey(v.Id),
            CreatedAt = now,
        };
    }

    // Now rather than on the dispatcher's next poll, in a unit of work of its own (the sender claims the row like
    // the dispatcher does, so the two never both send it). A failure leaves the row Pending with a back-off.
    private async Task SendNowAsync(long notificationId, IdDecision decision)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendPreExamNoticeJob>().SendAsync(notificationId, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not send verification decision {Decision} now; it stays in the outbox", decision);
        }
    }
}
