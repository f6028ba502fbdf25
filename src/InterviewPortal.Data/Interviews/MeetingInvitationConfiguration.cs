using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Interviews;

public sealed class MeetingInvitationConfiguration : IEntityTypeConfiguration<MeetingInvitation>
{
    public void Configure(EntityTypeBuilder<MeetingInvitation> b)
    {
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.MeetingId).HasMaxLength(64);
        b.Property(i => i.JoinLink).HasMaxLength(500);
        b.Property(i => i.GatewayReference).HasMaxLength(128);
        b.Property(i => i.LastError).HasMaxLength(1000);
        b.Property(i => i.RequestedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.InterviewId, i.CreatedAt });
        b.HasIndex(i => i.Status);
        b.HasOne(i => i.Interview).WithMany().HasForeignKey(i => i.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
