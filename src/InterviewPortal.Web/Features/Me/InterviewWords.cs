using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Staff;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// Every page's words for the portal's enums and staff roles, in the current UI language: a page never shows an enum member's name.
/// <see cref="Status"/> speaks to the candidate; <see cref="Stage"/> is the staff's short word, the same the room console
/// and the college view write in wwwroot/js/examday-common.js, so a status reads alike on every staff page.
/// </summary>
public static class InterviewWords
{
    public static string Stage(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => Lang.T("已排期", "Scheduled"),
        InterviewStatus.Notified => Lang.T("已通知", "Notified"),
        InterviewStatus.IdSubmitted => Lang.T("待核验", "ID sent"),
        InterviewStatus.IdVerified => Lang.T("已核验", "ID verified"),
        InterviewStatus.IdRejected => Lang.T("核验未过", "ID rejected"),
        InterviewStatus.Invited => Lang.T("已邀请", "Invited"),
        InterviewStatus.InProgress => Lang.T("面试中", "In progress"),
        InterviewStatus.Completed => Lang.T("已完成", "Completed"),
        InterviewStatus.Absent => Lang.T("缺考", "Absent"),
        InterviewStatus.Interrupted => Lang.T("已中断", "Interrupted"),
        InterviewStatus.Ended => Lang.T("已结束", "Ended"),
        InterviewStatus.Cancelled => Lang.T("已取消", "Cancelled"),
        _ => status.ToString(),
    };

    public static string Verification(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => Lang.T("待审核", "Pending"),
        VerificationStatus.Approved => Lang.T("已通过", "Approved"),
        VerificationStatus.Rejected => Lang.T("已驳回", "Rejected"),
        VerificationStatus.RetakeRequested => Lang.T("需重拍", "Retake asked"),
        VerificationStatus.Superseded => Lang.T("已替换", "Replaced"),
        _ => status.ToString(),
    };

    public static string Status(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => Lang.T("已安排", "Scheduled"),
        InterviewStatus.Notified => Lang.T("请上传身份证照片", "Upload your ID photo now"),
        InterviewStatus.IdSubmitted => Lang.T("照片已提交，等待审核", "Photo sent, waiting for review"),
        InterviewStatus.IdVerified => Lang.T("身份已核验，等待邀请", "Identity verified, wait for the invitation"),
        InterviewStatus.IdRejected => Lang.T("照片未通过，请重拍", "Photo not accepted, please retake"),
        InterviewStatus.Invited => Lang.T("已邀请入会", "Invited to the meeting"),
        InterviewStatus.InProgress => Lang.T("面试进行中", "Interview in progress"),
        InterviewStatus.Completed => Lang.T("面试已完成", "Interview completed"),
        InterviewStatus.Absent => Lang.T("缺考", "Absent"),
        InterviewStatus.Interrupted => Lang.T("连接中断，请等待重新邀请", "Interrupted, wait to be invited again"),
        InterviewStatus.Ended => Lang.T("已结束", "Ended"),
        InterviewStatus.Cancelled => Lang.T("已取消", "Cancelled"),
        _ => status.ToString(),
    };

    public static string Kind(InterviewKind kind) =>
        kind == InterviewKind.Rehearsal ? Lang.T("演练（不计成绩）", "Rehearsal (not graded)") : Lang.T("正式复试", "Interview (exam)");

    public static string Request(RequestStatus status) => status switch
    {
        RequestStatus.Open => Lang.T("待处理", "Open"),
        RequestStatus.Answered => Lang.T("已答复", "Answered"),
        RequestStatus.Approved => Lang.T("已同意", "Approved"),
        RequestStatus.Refused => Lang.T("未同意", "Refused"),
        _ => status.ToString(),
    };

    /// <summary>The staff roles in the order the staff page offers them (the first is the new account's default).</summary>
    public static readonly string[] Roles = [StaffRoles.Secretary, StaffRoles.Assistant, StaffRoles.Admin];

    public static string Role(string? role) => role switch
    {
        StaffRoles.Secretary => Lang.T("学院秘书", "Secretary"),
        StaffRoles.Assistant => Lang.T("考试助理", "Assistant"),
        StaffRoles.Admin => Lang.T("管理员", "Admin"),
        _ => role ?? "",
    };
}
