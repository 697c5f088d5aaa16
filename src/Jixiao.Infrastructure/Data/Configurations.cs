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
