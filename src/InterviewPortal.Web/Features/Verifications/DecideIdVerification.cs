using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
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
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Texts.Get("Verifications.GiveTheReasonTheCandidateWill"))
            .MaximumLength(500).WithMessage(_ => Texts.Get("Verifications.TheReasonIsAtMost500"));
}

public sealed record IdDecisionResult(int Id, int InterviewId, VerificationStatus Status, string ReviewerUserName, DateTime DecidedAt, string? Reason);

/// <summary>
/// The assistant's decision on a pending photo: approve (IdVerified), reject, or ask for a retake (both
/// IdRejected, so a new photo is accepted). Audited, pushed live, and told to the candidate through the
/// Notifications outbox: the message row is saved with the decision and sent at once; if WeLink is down it
/// stays in the outbox and the dispatcher retries it with back-off, so an outage does not lose it.
/// Deciding twice is a conflict: the second reviewer sees the first one's decision.
/// </summary>
public sealed class DecideIdVerificationHandler(PortalDbContext db, CandidateOutbox outbox, TimeProvider clock, ExamDayBroadcaster live)
{
    public async Task<Outcome<IdDecisionResult>> HandleAsync(int id, IdDecision decision, string? reason, CancellationToken ct)
    {
        var v = await db.IdVerifications.Include(v => v.Interview).ThenInclude(i => i.Candidate).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (v is null)
            return Outcome.NotFound(Texts.Get("Verifications.VerificationWasNotFound", id));
        if (v.Status != VerificationStatus.Pending)
            return Outcome.Conflict(v.ReviewerUserName is null
                ? Texts.Get("Verifications.VerificationIsNoLongerPendingIt", id, v.Status)
                : Texts.Get("Verifications.VerificationIsNoLongerPendingIt2", id, v.Status, v.ReviewerUserName));

        reason = decision == IdDecision.Approve ? null : reason?.Trim();
        try
        {
            switch (decision)
            {
                case IdDecision.Approve: v.Interview.VerifyId(); v.Status = VerificationStatus.Approved; break;
                case IdDecision.Reject: v.Interview.RejectId(reason!); v.Status = VerificationStatus.Rejected; break;
                case IdDecision.Retake: v.Interview.RejectId(reason!); v.Status = VerificationStatus.RetakeRequested; break;
                default: throw new ArgumentOutOfRangeException(nameof(decision));
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        v.ReviewerUserName = db.Scope.Actor;
        v.DecidedAt = now;
        v.Reason = reason;
        v.Version = Guid.NewGuid();
        db.Record(AuditAction(v.Status), "IdVerification", id, $"interview {v.InterviewId}" + (reason is null ? "" : $"; reason: {reason}"), now);
        var message = outbox.Stage(Message(v, decision, reason, now));
        await db.SaveChangesAsync(ct);

        await outbox.SendNowAsync([message.Id]); // now rather than on the dispatcher's next poll; an outage leaves it in the outbox
        await live.InterviewChangedAsync(v.InterviewId, ct);
        return Outcome.Success(new IdDecisionResult(v.Id, v.InterviewId, v.Status, v.ReviewerUserName, now, reason));
    }

    private static string AuditAction(VerificationStatus decided) => decided switch
    {
        VerificationStatus.Approved => "id-photo.approved",
        VerificationStatus.Rejected => "id-photo.rejected",
        VerificationStatus.RetakeRequested => "id-photo.retake-requested",
        _ => throw new ArgumentOutOfRangeException(nameof(decided)),
    };

    private static StagedMessage Message(IdVerification v, IdDecision decision, string? reason, DateTime now)
    {
        var (title, text) = decision switch
        {
            IdDecision.Approve => ("身份核验已通过", "您上传的身份证照片已核验通过。请保持 WeLink 在线并做好设备准备，轮到您时考试助理会邀请您进入考场。"),
            IdDecision.Retake => ("请重新上传身份证照片", $"您上传的身份证照片需要重拍：{reason}。请在光线充足处拍摄身份证人像面，确保字迹清晰、无遮挡，然后重新上传。"),
            _ => ("身份核验未通过", $"您上传的身份证照片未通过核验：{reason}。请通过 WeLink 联系考试助理说明情况。"),
        };
        return new StagedMessage(NoticeTemplates.IdDecision, NoticeTemplates.IdDecisionKey(v.Id), v.Interview.CandidateId, v.Interview.Candidate.Phone, now)
        {
            InterviewId = v.InterviewId,
            Title = title,
            Text = text,
        };
    }
}
