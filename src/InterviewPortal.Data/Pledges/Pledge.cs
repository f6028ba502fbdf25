using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Pledges;

/// <summary>One version of the exam rules and integrity pledge (诚信承诺书); every edit is a new version.</summary>
public class PledgeVersion
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string TextZh { get; set; }
    public required string TextEn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public required string CreatedBy { get; set; }
}

public class PledgeConfirmation
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public int Version { get; set; }
    public DateTime ConfirmedAt { get; set; } = DateTime.UtcNow;
    public string? IpAddress { get; set; }
}

public sealed class PledgeVersionConfiguration : IEntityTypeConfiguration<PledgeVersion>
{
    public void Configure(EntityTypeBuilder<PledgeVersion> b)
    {
        b.Property(p => p.TextZh).HasMaxLength(20000);
        b.Property(p => p.TextEn).HasMaxLength(20000);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => p.Version).IsUnique();
    }
}

public sealed class PledgeConfirmationConfiguration : IEntityTypeConfiguration<PledgeConfirmation>
{
    public void Configure(EntityTypeBuilder<PledgeConfirmation> b)
    {
        b.Property(p => p.IpAddress).HasMaxLength(64);
        b.HasIndex(p => new { p.CandidateId, p.Version }).IsUnique();
        b.HasOne<Candidates.Candidate>().WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
