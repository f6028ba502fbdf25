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
        InterviewStatus.Scheduled => Texts.Get("Me.Scheduled"),
        InterviewStatus.Notified => Texts.Get("Me.Notified"),
        InterviewStatus.IdSubmitted => Texts.Get("Me.IDSent"),
        InterviewStatus.IdVerified => Texts.Get("Me.IDVerified"),
        InterviewStatus.IdRejected => Texts.Get("Me.IDRejected"),
        InterviewStatus.Invited => Texts.Get("Me.Invited"),
        InterviewStatus.InProgress => Texts.Get("Me.InProgress"),
        InterviewStatus.Completed => Texts.Get("Me.Completed"),
        InterviewStatus.Absent => Texts.Get("Me.Absent"),
        InterviewStatus.Interrupted => Texts.Get("Me.Interrupted"),
        InterviewStatus.Ended => Texts.Get("Me.Ended"),
        InterviewStatus.Cancelled => Texts.Get("Me.Cancelled"),
        _ => status.ToString(),
    };

    public static string Verification(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => Texts.Get("Me.Pending"),
        VerificationStatus.Approved => Texts.Get("Me.Approved"),
        VerificationStatus.Rejected => Texts.Get("Me.Rejected"),
        VerificationStatus.RetakeRequested => Texts.Get("Me.RetakeAsked"),
        VerificationStatus.Superseded => Texts.Get("Me.Replaced"),
        _ => status.ToString(),
    };

    public static string Status(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => Texts.Get("Me.Scheduled2"),
        InterviewStatus.Notified => Texts.Get("Me.UploadYourIDPhotoNow"),
        InterviewStatus.IdSubmitted => Texts.Get("Me.PhotoSentWaitingForReview"),
        InterviewStatus.IdVerified => Texts.Get("Me.IdentityVerifiedWaitForTheInvitation"),
        InterviewStatus.IdRejected => Texts.Get("Me.PhotoNotAcceptedPleaseRetake"),
        InterviewStatus.Invited => Texts.Get("Me.InvitedToTheMeeting"),
        InterviewStatus.InProgress => Texts.Get("Me.InterviewInProgress"),
        InterviewStatus.Completed => Texts.Get("Me.InterviewCompleted"),
        InterviewStatus.Absent => Texts.Get("Me.Absent"),
        InterviewStatus.Interrupted => Texts.Get("Me.InterruptedWaitToBeInvitedAgain"),
        InterviewStatus.Ended => Texts.Get("Me.Ended"),
        InterviewStatus.Cancelled => Texts.Get("Me.Cancelled"),
        _ => status.ToString(),
    };

    public static string Kind(InterviewKind kind) =>
        kind == InterviewKind.Rehearsal ? Texts.Get("Me.RehearsalNotGraded") : Texts.Get("Me.InterviewExam");

    public static string Request(RequestStatus status) => status switch
    {
        RequestStatus.Open => Texts.Get("Me.Open"),
        RequestStatus.Answered => Texts.Get("Me.Answered"),
        RequestStatus.Approved => Texts.Get("Me.Approved2"),
        RequestStatus.Refused => Texts.Get("Me.Refused"),
        _ => status.ToString(),
    };

    /// <summary>The staff roles in the order the staff page offers them (the first is the new account's default).</summary>
    public static readonly string[] Roles = [StaffRoles.Secretary, StaffRoles.Assistant, StaffRoles.Admin];

    public static string Role(string? role) => role switch
    {
        StaffRoles.Secretary => Texts.Get("Me.Secretary"),
        StaffRoles.Assistant => Texts.Get("Me.Assistant"),
        StaffRoles.Admin => Texts.Get("Me.Admin"),
        _ => role ?? "",
    };
}
