using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Interviews;

public sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.RehearsalOutcome).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.RehearsalNote).HasMaxLength(500);
        b.Property(i => i.StatusNote).HasMaxLength(500);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.ExamRoomId, i.StartsAt });
        b.HasIndex(i => new { i.CandidateId, i.StartsAt });
        b.HasIndex(i => new { i.CollegeId, i.StartsAt });
        b.HasIndex(i => new { i.Status, i.StartsAt });
        b.HasOne(i => i.Candidate).WithMany(c => c.Interviews).HasForeignKey(i => i.CandidateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.ExamRoom).WithMany().HasForeignKey(i => i.ExamRoomId).OnDelete(DeleteBehavior.Restrict);
    }
}
