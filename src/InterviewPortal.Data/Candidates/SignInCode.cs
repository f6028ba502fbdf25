using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Candidates;

/// <summary>A one-time sign-in code for a candidate's phone, stored only as a hash.</summary>
public class SignInCode
{
    public long Id { get; set; }
    public required string Phone { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public int FailedAttempts { get; set; }
    public string? RequestedFrom { get; set; }
}

public sealed class SignInCodeConfiguration : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> b)
    {
        b.Property(c => c.Phone).HasMaxLength(11);
        b.Property(c => c.CodeHash).HasMaxLength(128);
        b.Property(c => c.RequestedFrom).HasMaxLength(64);
        b.HasIndex(c => new { c.Phone, c.CreatedAt });
    }
}
