using InterviewPortal.Data.Interviews;

namespace InterviewPortal.Data.Verifications;

/// <summary>One submitted ID-card photo and the reviewer's decision on it.</summary>
public class IdVerification
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public Interview Interview { get; set; } = null!;
    public int CandidateId { get; set; }

    /// <summary>Key of the encrypted photo in the photo store (outside the web root); null once deleted.</summary>
    public string? PhotoKey { get; set; }
    public string PhotoContentType { get; set; } = "image/jpeg";
    public DateTime SubmittedAt { get; set; } = DateTime.UtcNow;
    public string SubmittedBy { get; set; } = "";
    public VerificationStatus Status { get; set; } = VerificationStatus.Pending;
    public string? ReviewerUserName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public DateTime? PhotoDeletedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum VerificationStatus
{
    Pending,
    Approved,
    Rejected,
    RetakeRequested,
    Superseded,
}
