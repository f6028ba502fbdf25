using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Verifications;

public sealed class IdVerificationConfiguration : IEntityTypeConfiguration<IdVerification>
{
    public void Configure(EntityTypeBuilder<IdVerification> b)
    {
        b.Property(v => v.PhotoKey).HasMaxLength(128);
        b.Property(v => v.PhotoContentType).HasMaxLength(32);
        b.Property(v => v.SubmittedBy).HasMaxLength(256);
        b.Property(v => v.ReviewerUserName).HasMaxLength(256);
        b.Property(v => v.Reason).HasMaxLength(500);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => new { v.Status, v.SubmittedAt });
        b.HasIndex(v => v.InterviewId);
        b.HasOne(v => v.Interview).WithMany().HasForeignKey(v => v.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
