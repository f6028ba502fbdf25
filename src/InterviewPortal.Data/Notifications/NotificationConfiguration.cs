using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Recipient).HasMaxLength(256);
        b.Property(n => n.Template).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(128);
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.ClaimedBy).HasMaxLength(128);
        b.Property(n => n.LastError).HasMaxLength(1000);
        b.Property(n => n.IdempotencyKey).HasMaxLength(200);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasIndex(n => n.IdempotencyKey).IsUnique();
        b.HasIndex(n => new { n.Status, n.DueAt });
        b.HasIndex(n => n.InterviewId);
    }
}

public sealed class GatewayRecordConfiguration : IEntityTypeConfiguration<GatewayRecord>
{
    public void Configure(EntityTypeBuilder<GatewayRecord> b)
    {
        b.ToTable("GatewayOutbox");
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Recipient).HasMaxLength(256);
        b.Property(r => r.Text).HasMaxLength(4000);
        b.HasIndex(r => new { r.Recipient, r.CreatedAt });
        b.HasIndex(r => new { r.Kind, r.CreatedAt });
    }
}
