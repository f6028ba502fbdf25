namespace InterviewPortal.Data.Interviews;

public enum InterviewStatus
{
    Scheduled,
    Notified,
    IdSubmitted,
    IdVerified,
    IdRejected,
    Invited,
    InProgress,
    Completed,
    Absent,
    Interrupted,
    Ended,
    Cancelled,
}

public enum InterviewKind
{
    Exam,
    Rehearsal,
}

public enum RehearsalOutcome
{
    Passed,
    DevicesFailed,
    NetworkFailed,
    DevicesAndNetworkFailed,
}
