namespace InterviewPortal.Data.Notifications;

/// <summary>
/// An outbox row for one message to send. <see cref="IdempotencyKey"/> is unique: a sender claims
/// the row in its own transaction before it calls the gateway, so a job that runs twice, or on two
/// servers, sends at most once.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; } = NotificationChannel.WeLinkMessage;
    public required string Recipient { get; set; }
    public required string Template { get; set; }

    /// <summary>The message's title when it is composed at staging (decision messages); a pre-exam notice composes its own.</summary>
    public string? Title { get; set; }
    public string? Text { get; set; }
    public int? InterviewId { get; set; }
    public int? CandidateId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;
    public bool Late { get; set; }
    public string? LastError { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum NotificationChannel
{
    WeLinkMessage,
    Sms,
    VoiceCall,
}

public enum NotificationStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,
}
