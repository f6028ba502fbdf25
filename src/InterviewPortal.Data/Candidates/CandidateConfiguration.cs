using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Candidates;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.Property(c => c.ExamNumber).HasMaxLength(15);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.IdNumber).HasMaxLength(18);
        b.Property(c => c.Phone).HasMaxLength(11);
        b.Property(c => c.WeLinkUserId).HasMaxLength(64);
        b.Property(c => c.SessionStamp).HasMaxLength(32);
        b.Property(c => c.ProvisioningError).HasMaxLength(500);
        b.Property(c => c.Provisioning).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ExamNumber).IsUnique();
        b.HasIndex(c => c.IdNumber).IsUnique();
        b.HasIndex(c => c.Phone).IsUnique();
        b.HasIndex(c => new { c.CollegeId, c.MajorId });
        b.HasIndex(c => c.Name);
        b.HasOne(c => c.Major).WithMany().HasForeignKey(c => c.MajorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.College).WithMany().HasForeignKey(c => c.CollegeId).OnDelete(DeleteBehavior.Restrict);
    }
}
