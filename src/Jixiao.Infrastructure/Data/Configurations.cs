using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.HasDisplayName("单位");
        unit.Property(u => u.Code).HasMaxLength(32).HasLabel("单位代码");
        unit.Property(u => u.Name).HasMaxLength(100).HasLabel("单位名称");
        unit.Property(u => u.ShortName).HasMaxLength(50).HasLabel("简称");
        unit.Property(u => u.Level).HasLabel("级别");
        unit.Property(u => u.Kind).HasLabel("类型");
        unit.Property(u => u.ParentId).HasLabel("上级单位");
        unit.Property(u => u.SortOrder).HasLabel("排序号");
        unit.Property(u => u.IsActive).HasLabel("正常使用");
        unit.HasIndex(u => u.Code).IsUnique();
        unit.HasIndex(u => u.ParentId);
        unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.HasDisplayName("审计日志");
        audit.Property(a => a.UserId).HasMaxLength(64);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.Property(a => a.UserDisplayName).HasMaxLength(64);
        audit.Property(a => a.UnitName).HasMaxLength(100);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.Property(a => a.EntityType).HasMaxLength(100);
        audit.Property(a => a.EntityName).HasMaxLength(100);
        audit.Property(a => a.EntityId).HasMaxLength(100);
        audit.Property(a => a.Note).HasMaxLength(500);
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => new { a.EntityType, a.EntityId });
        audit.HasIndex(a => a.UserName);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<Calendar.CalendarYear>
{
    public void Configure(EntityTypeBuilder<Calendar.CalendarYear> year)
    {
        year.HasDisplayName("工作日历");
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever().HasLabel("年度");
        year.Property(y => y.OffDays).HasMaxLength(2000).HasLabel("放假安排");
        year.Property(y => y.WorkDays).HasMaxLength(1000).HasLabel("调休上班日");
        year.Property(y => y.Source).HasMaxLength(200).HasLabel("依据");
        year.Property(y => y.UpdatedBy).HasMaxLength(64).HasLabel("修改人");
        year.Property(y => y.UpdatedAt).HasLabel("修改时间");
    }
}
