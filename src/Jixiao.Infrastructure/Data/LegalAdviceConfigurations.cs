using Jixiao.Domain.LegalAdvice;
using Jixiao.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>The legal-adviser registers, indexed by unit and the date the figures count by.</summary>
internal sealed class LegalAdviceConfigurations :
    IEntityTypeConfiguration<LegalAdviser>, IEntityTypeConfiguration<AdviceMatter>, IEntityTypeConfiguration<AdviserActivity>
{
    public void Configure(EntityTypeBuilder<LegalAdviser> a)
    {
        a.HasDisplayName("法律顾问");
        a.Property(x => x.UnitId).HasLabel("聘请单位");
        a.Property(x => x.Name).HasMaxLength(100).HasLabel("顾问名称");
        a.Property(x => x.Kind).HasLabel("类型");
        a.Property(x => x.Organisation).HasMaxLength(100).HasLabel("执业机构");
        a.Property(x => x.Pooled).HasLabel("统筹使用");
        a.Property(x => x.EngagedFrom).HasLabel("聘期开始");
        a.Property(x => x.EngagedTo).HasLabel("聘期结束");
        a.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        a.HasIndex(x => new { x.UnitId, x.EngagedTo });
        a.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AdviceMatter> m)
    {
        m.HasDisplayName("法律顾问办件");
        m.Property(x => x.UnitId).HasLabel("聘请单位");
        m.Property(x => x.AdviserId).HasLabel("法律顾问");
        m.Property(x => x.Type).HasLabel("办件类型");
        m.Property(x => x.Subject).HasMaxLength(200).HasLabel("事项");
        m.Property(x => x.ReceivedOn).HasLabel("收件日期");
        m.Property(x => x.FinishedOn).HasLabel("办结日期");
        m.Property(x => x.WrittenOpinion).HasLabel("出具书面意见");
        m.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        m.HasIndex(x => new { x.UnitId, x.ReceivedOn });
        m.HasIndex(x => new { x.AdviserId, x.ReceivedOn });
        m.HasOne<LegalAdviser>().WithMany().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Restrict);
        m.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AdviserActivity> a)
    {
        a.HasDisplayName("法律顾问会议讲座");
        a.Property(x => x.UnitId).HasLabel("聘请单位");
        a.Property(x => x.AdviserId).HasLabel("法律顾问");
        a.Property(x => x.Kind).HasLabel("类型");
        a.Property(x => x.HeldOn).HasLabel("日期");
        a.Property(x => x.Subject).HasMaxLength(200).HasLabel("主题");
        a.HasIndex(x => new { x.UnitId, x.HeldOn });
        a.HasOne<LegalAdviser>().WithMany().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
