namespace InterviewPortal.Web.Features.Notifications;

/// <summary>What one send attempt of an outbox row came to (see <see cref="CandidateMessageSender"/>).</summary>
public enum NoticeOutcome
{
    NothingToDo,
    NotDue,
    Skipped,
    Sent,
    Retrying,
    Failed,
}
