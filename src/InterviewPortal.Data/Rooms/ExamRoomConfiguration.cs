using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Rooms;

public sealed class ExamRoomConfiguration : IEntityTypeConfiguration<ExamRoom>
{
    public void Configure(EntityTypeBuilder<ExamRoom> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.AssistantUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.CollegeId, r.Name }).IsUnique();
        b.HasIndex(r => r.AssistantUserId);
        b.HasOne(r => r.College).WithMany().HasForeignKey(r => r.CollegeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Assistant).WithMany().HasForeignKey(r => r.AssistantUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Examiners).WithOne().HasForeignKey(e => e.ExamRoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Meetings).WithOne(m => m.ExamRoom).HasForeignKey(m => m.ExamRoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExaminerConfiguration : IEntityTypeConfiguration<Examiner>
{
    public void Configure(EntityTypeBuilder<Examiner> b) => b.Property(e => e.Name).HasMaxLength(50);
}

public sealed class RoomMeetingConfiguration : IEntityTypeConfiguration<RoomMeeting>
{
    public void Configure(EntityTypeBuilder<RoomMeeting> b)
    {
        b.Property(m => m.ConferenceId).HasMaxLength(64);
        b.Property(m => m.JoinLink).HasMaxLength(500);
        b.Property(m => m.HostPassword).HasMaxLength(64);
        b.Property(m => m.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.BackupMeetingId).HasMaxLength(64);
        b.Property(m => m.BackupMeetingCode).HasMaxLength(32);
        b.Property(m => m.BackupJoinLink).HasMaxLength(500);
        // One meeting per room and day: the unique index is what makes "created once" hold.
        b.HasIndex(m => new { m.ExamRoomId, m.SessionDate }).IsUnique();
    }
}
