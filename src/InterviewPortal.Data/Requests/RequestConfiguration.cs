using InterviewPortal.Data.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Requests;

public sealed class AssignmentReportConfiguration : IEntityTypeConfiguration<AssignmentReport>
{
    public void Configure(EntityTypeBuilder<AssignmentReport> b)
    {
        b.Property(r => r.Message).HasMaxLength(1000);
        b.Property(r => r.Answer).HasMaxLength(1000);
        b.Property(r => r.AnsweredBy).HasMaxLength(256);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CollegeId, r.Status });
        b.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PhoneChangeRequestConfiguration : IEntityTypeConfiguration<PhoneChangeRequest>
{
    public void Configure(EntityTypeBuilder<PhoneChangeRequest> b)
    {
        b.Property(r => r.NewPhone).HasMaxLength(11);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.IdCardImageKey).HasMaxLength(128);
        b.Property(r => r.AdmissionTicketImageKey).HasMaxLength(128);
        b.Property(r => r.DecisionReason).HasMaxLength(1000);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CollegeId, r.Status });
        b.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
