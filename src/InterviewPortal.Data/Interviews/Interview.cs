using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Rooms;

namespace InterviewPortal.Data.Interviews;

/// <summary>
/// One candidate's session in one exam room. The lifecycle moves are methods: each refuses an
/// illegal move with a <see cref="DomainRuleException"/> that names the current state.
/// </summary>
public class Interview
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public Candidate Candidate { get; set; } = null!;
    public int ExamRoomId { get; set; }
    public ExamRoom ExamRoom { get; set; } = null!;

    /// <summary>The room's college, copied so scope filters need no join.</summary>
    public int CollegeId { get; set; }

    public InterviewKind Kind { get; set; } = InterviewKind.Exam;
    public DateTime StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }

    /// <summary>Stored so overlap checks are one indexed range compare on every database.</summary>
    public DateTime EndsAt { get; private set; }

    public InterviewStatus Status { get; private set; } = InterviewStatus.Scheduled;
    public DateTime? NotifiedAt { get; private set; }
    public DateTime? InvitedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public string? StatusNote { get; private set; }

    public RehearsalOutcome? RehearsalOutcome { get; private set; }
    public string? RehearsalNote { get; private set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();

    public static readonly IReadOnlyList<InterviewStatus> Active =
    [
        InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted, InterviewStatus.IdVerified,
        InterviewStatus.IdRejected, InterviewStatus.Invited, InterviewStatus.InProgress, InterviewStatus.Interrupted,
    ];

    // After the T-20 notice, for a retake after a rejection, or to replace a photo not yet reviewed (a blurred shot).
    private static readonly InterviewStatus[] IdPhotoStatuses = [InterviewStatus.Notified, InterviewStatus.IdRejected, InterviewStatus.IdSubmitted];

    /// <summary>Whether an ID photo is accepted now: the upload API, the entity's move and the candidate's page ask this.</summary>
    public bool AcceptsIdPhoto => AcceptsIdPhotoIn(Status);

    /// <summary>As <see cref="AcceptsIdPhoto"/>, for a read model that carries only the status.</summary>
    public static bool AcceptsIdPhotoIn(InterviewStatus status) => Array.IndexOf(IdPhotoStatuses, status) >= 0;

    /// <summary>Whether the interview has taken place or been missed: nothing more is sent for it.</summary>
    public bool IsOver => Status is InterviewStatus.Completed or InterviewStatus.Ended or InterviewStatus.Absent;

    public static Interview Book(Candidate candidate, ExamRoom room, DateTime startsAtUtc, int durationMinutes, InterviewKind kind)
    {
        var interview = new Interview
        {
            CandidateId = candidate.Id,
            Candidate = candidate,
            ExamRoomId = room.Id,
            ExamRoom = room,
            CollegeId = room.CollegeId,
            Kind = kind,
        };
        interview.SetTime(startsAtUtc, durationMinutes);
        return interview;
    }

    public void Reschedule(ExamRoom room, DateTime startsAtUtc, int durationMinutes)
    {
        Require("reschedule", InterviewStatus.Scheduled, InterviewStatus.Notified);
        ExamRoomId = room.Id;
        ExamRoom = room;
        CollegeId = room.CollegeId;
        SetTime(startsAtUtc, durationMinutes);
        Status = InterviewStatus.Scheduled;
        NotifiedAt = null;
        Touch();
    }

    public void Cancel(string? reason = null)
    {
        Require("cancel", InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted,
            InterviewStatus.IdVerified, InterviewStatus.IdRejected);
        Move(InterviewStatus.Cancelled, reason);
    }

    public void SubmitIdPhoto()
    {
        Require("submit an ID photo", IdPhotoStatuses);
        Move(InterviewStatus.IdSubmitted);
    }

    public void VerifyId()
    {
        Require("verify the ID", InterviewStatus.IdSubmitted);
        Move(InterviewStatus.IdVerified);
    }

    public void RejectId(string reason)
    {
        Require("reject the ID", InterviewStatus.IdSubmitted);
        Move(InterviewStatus.IdRejected, reason);
    }

    /// <summary>Invite the verified candidate, or invite again after an interruption.</summary>
    public void Invite(DateTime atUtc)
    {
        Require("invite", InterviewStatus.IdVerified, InterviewStatus.Interrupted);
        InvitedAt = atUtc;
        Move(InterviewStatus.Invited);
    }

    public void AcceptRoomScan(DateTime atUtc)
    {
        Require("accept the room scan", InterviewStatus.Invited);
        StartedAt ??= atUtc;
        Move(InterviewStatus.InProgress);
    }

    public void Complete(DateTime atUtc)
    {
        Require("complete", InterviewStatus.InProgress);
        FinishedAt = atUtc;
        Move(InterviewStatus.Completed);
    }

    public void MarkAbsent(DateTime atUtc)
    {
        Require("mark absent", InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted,
            InterviewStatus.IdVerified, InterviewStatus.IdRejected, InterviewStatus.Invited);
        FinishedAt = atUtc;
        Move(InterviewStatus.Absent);
    }

    public void Interrupt(string? note = null)
    {
        Require("mark interrupted", InterviewStatus.Invited, InterviewStatus.InProgress);
        Move(InterviewStatus.Interrupted, note);
    }

    /// <summary>The assistant removes the candidate from the meeting and closes the session.</summary>
    public void End(DateTime atUtc)
    {
        Require("end", InterviewStatus.Completed, InterviewStatus.Interrupted, InterviewStatus.Absent);
        FinishedAt ??= atUtc;
        Move(InterviewStatus.Ended);
    }

    public void RecordRehearsalOutcome(RehearsalOutcome outcome, string? note)
    {
        if (Kind != InterviewKind.Rehearsal)
            throw new DomainRuleException($"Interview {Id} is an exam, not a rehearsal: it has no rehearsal outcome.");
        Require("record a rehearsal outcome", InterviewStatus.Invited, InterviewStatus.InProgress,
            InterviewStatus.Completed, InterviewStatus.Interrupted, InterviewStatus.Ended, InterviewStatus.Absent);
        RehearsalOutcome = outcome;
        RehearsalNote = note;
        Touch();
    }

    private void SetTime(DateTime startsAtUtc, int durationMinutes)
    {
        if (startsAtUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Interview times are stored in UTC.", nameof(startsAtUtc));
        if (durationMinutes is < 1 or > 24 * 60)
            throw new ArgumentOutOfRangeException(nameof(durationMinutes), "An interview lasts 1 minute to 24 hours.");
        StartsAt = startsAtUtc;
        DurationMinutes = durationMinutes;
        EndsAt = startsAtUtc.AddMinutes(durationMinutes);
    }

    private void Require(string action, params InterviewStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
            throw new DomainRuleException(
                $"Cannot {action} interview {Id}: it is {Status}; allowed only when {string.Join(" or ", allowed)}.");
    }

    private void Move(InterviewStatus to, string? note = null)
    {
        Status = to;
        StatusNote = note;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
