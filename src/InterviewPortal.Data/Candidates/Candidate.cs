using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;

namespace InterviewPortal.Data.Candidates;

public class Candidate
{
    public int Id { get; set; }

    /// <summary>The 15-digit exam registration number (考生编号).</summary>
    public required string ExamNumber { get; set; }
    public required string Name { get; set; }

    /// <summary>18-character resident ID number (GB 11643), check digit upper-case.</summary>
    public required string IdNumber { get; set; }

    /// <summary>11-digit mainland mobile number; it is also the candidate's WeLink account.</summary>
    public required string Phone { get; set; }

    public int MajorId { get; set; }
    public Major Major { get; set; } = null!;

    /// <summary>Copied from the major so every scope filter is one column compare.</summary>
    public int CollegeId { get; set; }
    public College College { get; set; } = null!;

    /// <summary>
    /// Changes whenever the phone changes; every candidate session carries the stamp it was issued with and ends when they
    /// differ. Null until the first change (bulk inserts need not set it).
    /// </summary>
    public string? SessionStamp { get; set; }

    public string? WeLinkUserId { get; set; }
    public AccountProvisioning Provisioning { get; set; } = AccountProvisioning.NotRequested;
    public string? ProvisioningError { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Interview> Interviews { get; set; } = [];

    /// <summary>The one way a phone changes: the number is the candidate's sign-in, so every session issued for the old one ends.</summary>
    public void ChangePhone(string phone)
    {
        if (phone == Phone)
            return;
        Phone = phone;
        SessionStamp = Guid.NewGuid().ToString("N");
    }

    public void AssignMajor(Major major)
    {
        MajorId = major.Id;
        Major = major;
        CollegeId = major.CollegeId;
    }
}

public enum AccountProvisioning
{
    NotRequested,
    Pending,
    Provisioned,
    Failed,
}
