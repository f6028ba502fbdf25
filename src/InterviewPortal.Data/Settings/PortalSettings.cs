using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Settings;

/// <summary>The university-wide settings the admin edits; a single row with <see cref="SingletonId"/>.</summary>
public class PortalSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;

    /// <summary>How long before the start the pre-exam notice goes out (the guide's T-20).</summary>
    public int NoticeLeadMinutes { get; set; } = 20;

    /// <summary>Daily interview windows in Beijing time, e.g. "08:30-12:00,14:00-18:00".</summary>
    public string DailyWindows { get; set; } = "08:30-12:00,14:00-18:00";

    public int PhotoRetentionDays { get; set; } = 30;
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The saved settings, or the defaults above while none are saved: the one reader, so "not set" means the same everywhere.</summary>
    public static async Task<PortalSettings> CurrentAsync(IQueryable<PortalSettings> rows, CancellationToken ct) =>
        await rows.AsNoTracking().Where(s => s.Id == SingletonId).FirstOrDefaultAsync(ct) ?? new PortalSettings();
}

public sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.DailyWindows).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>
/// A row per lock name that writers update first inside their transaction, so on every database the
/// second of two concurrent bookings waits for the first and then sees its interview.
/// </summary>
public class SchedulingLock
{
    public required string Name { get; set; }
    public long Counter { get; set; }
}

public sealed class SchedulingLockConfiguration : IEntityTypeConfiguration<SchedulingLock>
{
    public void Configure(EntityTypeBuilder<SchedulingLock> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
        b.HasData(new SchedulingLock { Name = "schedule", Counter = 0 });
    }
}
