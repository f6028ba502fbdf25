using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Privacy;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Inbox;

/// <summary>
/// What the candidate is told about a phone-change decision, staged through <see cref="CandidateOutbox"/> with the decision
/// (one row per recipient, each with its own idempotency key, so a retry never sends twice). The old number is told
/// too: if someone else filed the request, its owner learns at once whom to call. Composed in Chinese at staging,
/// like the ID-decision messages.
/// </summary>
public static class PhoneChangeMessages
{
    public const string Template = "phone-change";

    public static string Key(int requestId, string which) => $"{Template}:{requestId}:{which}";

    /// <summary>Approval: one message to the number the account had, one to the number it has now.</summary>
    public static IEnumerable<StagedMessage> Approved(PhoneChangeRequest request, int candidateId, string oldPhone, string collegeName, DateTime now)
    {
        var when = BeijingTime.Format(now);
        yield return Message(request, candidateId, oldPhone, "old", "复试系统登记的手机号已更换",
            $"您在研究生复试系统登记的手机号已于 {when}（北京时间）经{collegeName}研究生秘书批准，更换为 {PersonalData.MaskPhone(request.NewPhone)}；"
            + $"此后本号码不能再登录复试系统。如果这不是您本人申请的，请立即联系{collegeName}研究生秘书。", now);
        yield return Message(request, candidateId, request.NewPhone, "new", "手机号更换已批准",
            $"您的更换手机号申请已于 {when}（北京时间）经{collegeName}研究生秘书批准。今后请用本号码登录研究生复试系统和 WeLink；"
            + $"原号码 {PersonalData.MaskPhone(oldPhone)} 已不能登录。", now);
    }

    /// <summary>Refusal: told to the number the account still has, with the secretary's reason.</summary>
    public static StagedMessage Refused(PhoneChangeRequest request, int candidateId, string currentPhone, string collegeName, DateTime now) =>
        Message(request, candidateId, currentPhone, "refused", "更换手机号申请未通过",
            $"您提交的更换手机号申请（新号码 {PersonalData.MaskPhone(request.NewPhone)}）未获{collegeName}研究生秘书批准：{request.DecisionReason}。"
            + "您的手机号没有变化。如有疑问，请联系学院研究生秘书。", now);

    private static StagedMessage Message(PhoneChangeRequest request, int candidateId, string recipient, string which, string title, string text, DateTime now) =>
        new(Template, Key(request.Id, which), candidateId, recipient, now) { Title = title, Text = text };
}
