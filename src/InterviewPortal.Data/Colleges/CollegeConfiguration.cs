using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPortal.Data.Colleges;

public sealed class CollegeConfiguration : IEntityTypeConfiguration<College>
{
    public void Configure(EntityTypeBuilder<College> b)
    {
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.WeLinkDepartmentId).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasMany(c => c.Majors).WithOne(m => m.College).HasForeignKey(m => m.CollegeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MajorConfiguration : IEntityTypeConfiguration<Major>
{
    public void Configure(EntityTypeBuilder<Major> b)
    {
        b.Property(m => m.Code).HasMaxLength(6).IsFixedLength(false);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.WeLinkDepartmentId).HasMaxLength(64);
        b.HasIndex(m => m.Code).IsUnique();
    }
}
