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
        InterviewStatus.Scheduled => Texts.Get("InterviewStatus.Scheduled"),
        InterviewStatus.Notified => Texts.Get("InterviewStatus.Notified"),
        InterviewStatus.IdSubmitted => Texts.Get("InterviewStatus.IdSubmitted"),
        InterviewStatus.IdVerified => Texts.Get("InterviewStatus.IdVerified"),
        InterviewStatus.IdRejected => Texts.Get("InterviewStatus.IdRejected"),
        InterviewStatus.Invited => Texts.Get("InterviewStatus.Invited"),
        InterviewStatus.InProgress => Texts.Get("InterviewStatus.InProgress"),
        InterviewStatus.Completed => Texts.Get("InterviewStatus.Completed"),
        InterviewStatus.Absent => Texts.Get("InterviewStatus.Absent"),
        InterviewStatus.Interrupted => Texts.Get("InterviewStatus.Interrupted"),
        InterviewStatus.Ended => Texts.Get("InterviewStatus.Ended"),
        InterviewStatus.Cancelled => Texts.Get("InterviewStatus.Cancelled"),
        _ => status.ToString(),
    };

    public static string Verification(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => Texts.Get("VerificationStatus.Pending"),
        VerificationStatus.Approved => Texts.Get("VerificationStatus.Approved"),
        VerificationStatus.Rejected => Texts.Get("VerificationStatus.Rejected"),
        VerificationStatus.RetakeRequested => Texts.Get("VerificationStatus.RetakeRequested"),
        VerificationStatus.Superseded => Texts.Get("VerificationStatus.Superseded"),
        _ => status.ToString(),
    };

    public static string Status(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => Texts.Get("InterviewStatus.Scheduled.ForCandidate"),
        InterviewStatus.Notified => Texts.Get("InterviewStatus.Notified.ForCandidate"),
        InterviewStatus.IdSubmitted => Texts.Get("InterviewStatus.IdSubmitted.ForCandidate"),
        InterviewStatus.IdVerified => Texts.Get("InterviewStatus.IdVerified.ForCandidate"),
        InterviewStatus.IdRejected => Texts.Get("InterviewStatus.IdRejected.ForCandidate"),
        InterviewStatus.Invited => Texts.Get("InterviewStatus.Invited.ForCandidate"),
        InterviewStatus.InProgress => Texts.Get("InterviewStatus.InProgress.ForCandidate"),
        InterviewStatus.Completed => Texts.Get("InterviewStatus.Completed.ForCandidate"),
        InterviewStatus.Absent => Texts.Get("InterviewStatus.Absent.ForCandidate"),
        InterviewStatus.Interrupted => Texts.Get("InterviewStatus.Interrupted.ForCandidate"),
        InterviewStatus.Ended => Texts.Get("InterviewStatus.Ended.ForCandidate"),
        InterviewStatus.Cancelled => Texts.Get("InterviewStatus.Cancelled.ForCandidate"),
        _ => status.ToString(),
    };

    public static string Kind(InterviewKind kind) =>
        kind == InterviewKind.Rehearsal ? Texts.Get("InterviewKind.Rehearsal") : Texts.Get("InterviewKind.Exam");

    public static string Request(RequestStatus status) => status switch
    {
        RequestStatus.Open => Texts.Get("RequestStatus.Open"),
        RequestStatus.Answered => Texts.Get("RequestStatus.Answered"),
        RequestStatus.Approved => Texts.Get("RequestStatus.Approved"),
        RequestStatus.Refused => Texts.Get("RequestStatus.Refused"),
        _ => status.ToString(),
    };

    /// <summary>The staff roles in the order the staff page offers them (the first is the new account's default).</summary>
    public static readonly string[] Roles = [StaffRoles.Secretary, StaffRoles.Assistant, StaffRoles.Admin];

    public static string Role(string? role) => role switch
    {
        StaffRoles.Secretary => Texts.Get("StaffRole.Secretary"),
        StaffRoles.Assistant => Texts.Get("StaffRole.Assistant"),
        StaffRoles.Admin => Texts.Get("StaffRole.Admin"),
        _ => role ?? "",
    };
}
