using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Me;

/// <summary>The interview's state in words a candidate understands, in the current UI language.</summary>
public static class InterviewWords
{
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
}
