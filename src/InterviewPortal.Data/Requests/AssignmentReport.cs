namespace InterviewPortal.Data.Requests;

/// <summary>A candidate's report that their college or major is wrong; answered by the college secretary.</summary>
public class AssignmentReport
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public int CollegeId { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public RequestStatus Status { get; set; } = RequestStatus.Open;
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A candidate's request to change the mobile number, with reason, ID card and admission ticket images.</summary>
public class PhoneChangeRequest
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public int CollegeId { get; set; }
    public required string NewPhone { get; set; }
    public required string Reason { get; set; }
    public string? IdCardImageKey { get; set; }
    public string? AdmissionTicketImageKey { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public RequestStatus Status { get; set; } = RequestStatus.Open;
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum RequestStatus
{
    Open,
    Answered,
    Approved,
    Refused,
}
