namespace InterviewPortal.Data.Notifications;

/// <summary>What the simulated WeLink gateway would have sent: a message, meeting, invitation, admission or account.</summary>
public class GatewayRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }

    /// <summary>For a candidate, their 11-digit mobile number.</summary>
    public required string Recipient { get; set; }

    /// <summary>What the recipient would read.</summary>
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
