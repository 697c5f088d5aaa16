using Jixiao.Domain.Legislation;
using Jixiao.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>The legislation projects, indexed by unit and plan year (the list and the counts) and by completion date (on-time figures).</summary>
internal sealed class LegislationConfigurations : IEntityTypeConfiguration<LegislationProject>
{
    public void Configure(EntityTypeBuilder<LegislationProject> p)
    {
        p.HasDisplayName("立法项目");
        p.Property(x => x.UnitId).HasLabel("承办单位");
        p.Property(x => x.PlanYear).HasLabel("计划年度");
        p.Property(x => x.Kind).HasLabel("项目类别");
        p.Property(x => x.Title).HasMaxLength(200).HasLabel("项目名称");
        p.Property(x => x.Stage).HasLabel("所处阶段");
        p.Property(x => x.Commission).HasLabel("委托方式");
        p.Property(x => x.CommissionedBody).HasMaxLength(100).HasLabel("受委托单位");
        p.Property(x => x.DueOn).HasLabel("完成时限");
        p.Property(x => x.CompletedOn).HasLabel("完成日期");
        p.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        p.Ignore(x => x.OnTime);
        p.HasIndex(x => new { x.UnitId, x.PlanYear });
        p.HasIndex(x => new { x.UnitId, x.CompletedOn });
        p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
