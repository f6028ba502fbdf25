namespace InterviewPortal.Data.Interviews;

/// <summary>One attempt series to bring a candidate into the room's meeting (first invite or re-invite after an interruption).</summary>
public class MeetingInvitation
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public Interview Interview { get; set; } = null!;
    public string? MeetingId { get; set; }
    public string? JoinLink { get; set; }
    public int Attempts { get; set; }
    public InvitationStatus Status { get; set; } = InvitationStatus.Pending;
    public string? GatewayReference { get; set; }
    public string? LastError { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? SentAt { get; set; }
    public DateTime? AdmittedAt { get; set; }

    /// <summary>When a job run claimed the invitation (Pending → Sending); an old claim is taken over (its run died).</summary>
    public DateTime? ClaimedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum InvitationStatus
{
    Pending,

    /// <summary>A job run holds it and is talking to the meeting service: no other run may invite.</summary>
    Sending,
    Sent,
    Failed,
}
