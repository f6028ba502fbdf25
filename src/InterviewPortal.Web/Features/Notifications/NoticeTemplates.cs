using InterviewPortal.Data.Interviews;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>The templates of the messages staged through <see cref="CandidateOutbox"/>, and the idempotency keys that make each one once.</summary>
public static class NoticeTemplates
{
    public const string PreExam = "pre-exam";

    /// <summary>The assistant's decision on an ID photo, told to the candidate (composed at staging, one per decision).</summary>
    public const string IdDecision = "id-decision";

    /// <summary>A candidate's sign-in code (no interview; its text is sealed until sent, see SignInCodeMessage).</summary>
    public const string SignInCode = "signin-code";

    /// <summary>A reminder to confirm the integrity pledge in force (composed at staging, one per candidate each time staff remind).</summary>
    public const string PledgeReminder = "pledge-reminder";

    /// <summary>A room's session moved to another meeting platform: where to join now (composed at staging, one per candidate and switch).</summary>
    public const string MeetingSwitch = "meeting-switch";

    /// <summary>Key prefix of a notice an assistant sends again by hand: each one is new, so it is never deduplicated away.</summary>
    public const string ResendPrefix = "pre-exam-resend:";

    public static string PreExamKey(Interview interview) => PreExamKey(interview.CandidateId, interview.StartsAt, interview.ExamRoomId, interview.Version);

    /// <summary>
    /// The interview's version is part of the key: it changes on every reschedule, so moving an interview
    /// back to a room and start it had before gets a new key instead of colliding with the cancelled row.
    /// </summary>
    public static string PreExamKey(int candidateId, DateTime startsAt, int examRoomId, Guid interviewVersion) =>
        $"{PreExam}:{candidateId}:{startsAt:yyyyMMddHHmm}:{examRoomId}:{interviewVersion:N}";

    public static string IdDecisionKey(int verificationId) => $"{IdDecision}:{verificationId}";

    public static string ResendKey(int interviewId) => $"{ResendPrefix}{interviewId}:{Guid.NewGuid():N}";

    /// <summary>One reminder per candidate and press of the button: pressing again reminds again, as it always has.</summary>
    public static string PledgeReminderKey(int pledgeVersion, int candidateId, Guid press) => $"{PledgeReminder}:{pledgeVersion}:{candidateId}:{press:N}";

    /// <summary>The session's switch counter is part of the key: switching back and forth tells the candidate each time, each once.</summary>
    public static string MeetingSwitchKey(int roomMeetingId, int platformVersion, int candidateId) =>
        $"{MeetingSwitch}:{roomMeetingId}:{platformVersion}:{candidateId}";

    /// <summary>The kind a message composed at staging is handed to the gateway as (the simulated gateway files it under it).</summary>
    public static string GatewayKind(string template) => template == PledgeReminder ? "PledgeReminder" : "Message";
}
