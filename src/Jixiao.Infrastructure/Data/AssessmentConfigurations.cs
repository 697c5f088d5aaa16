using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The rule-of-law assessment (法治建设考评): schemes with sections, indicators, assessing and assessed units; scores
/// of the assessed units (unique per indicator and unit, read by unit and by scheme); the province's results; the
/// expert pools.
/// </summary>
internal sealed class AssessmentConfigurations :
    IEntityTypeConfiguration<AssessmentScheme>, IEntityTypeConfiguration<AssessmentSection>, IEntityTypeConfiguration<AssessmentIndicator>,
    IEntityTypeConfiguration<AssessingUnit>, IEntityTypeConfiguration<AssessedUnit>, IEntityTypeConfiguration<AssessmentScore>,
    IEntityTypeConfiguration<ProvincialAssessment>, IEntityTypeConfiguration<ExpertPool>, IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> s)
    {
        s.ToTable("AssessmentSchemes");
        s.HasDisplayName("考评方案");
        s.Property(x => x.UnitId).HasLabel("组织单位");
        s.Property(x => x.Year).HasLabel("考评年度");
        s.Property(x => x.Title).HasMaxLength(AssessmentScheme.MaxName).HasLabel("方案名称");
        s.Property(x => x.FullMarks).HasLabel("满分");
        s.Property(x => x.ExcellentFrom).HasLabel("优秀分数线");
        s.Property(x => x.GoodFrom).HasLabel("良好分数线");
        s.Property(x => x.PassFrom).HasLabel("合格分数线");
        s.Ignore(x => x.Thresholds);
        s.Ignore(x => x.Indicators);
        s.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        s.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        s.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Assessors).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        s.Navigation(x => x.Sections).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("sections");
        s.Navigation(x => x.Assessors).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("assessors");
        s.Navigation(x => x.Targets).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("targets");
    }

    public void Configure(EntityTypeBuilder<AssessmentSection> s)
    {
        s.ToTable("AssessmentSections");
        s.HasDisplayName("考评板块");
        s.Property(x => x.SchemeId).HasLabel("考评方案");
        s.Property(x => x.Sort).HasLabel("序号");
        s.Property(x => x.Name).HasMaxLength(100).HasLabel("板块名称");
        s.Property(x => x.Points).HasLabel("板块分值");
        s.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Cascade);
        s.Navigation(x => x.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("indicators");
    }

    public void Configure(EntityTypeBuilder<AssessmentIndicator> i)
    {
        i.ToTable("AssessmentIndicators");
        i.HasDisplayName("考评指标");
        i.Property(x => x.SectionId).HasLabel("考评板块");
        i.Property(x => x.Sort).HasLabel("序号");
        i.Property(x => x.Name).HasMaxLength(AssessmentScheme.MaxName).HasLabel("指标名称");
        i.Property(x => x.Points).HasLabel("分值");
        i.Property(x => x.Method).HasMaxLength(1000).HasLabel("评分标准");
        i.Property(x => x.AssessorId).HasLabel("考评单位");
        i.HasOne(x => x.Assessor).WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssessingUnit> a)
    {
        a.ToTable("AssessingUnits");
        a.HasDisplayName("考评单位");
        a.Property(x => x.SchemeId).HasLabel("考评方案");
        a.Property(x => x.Sort).HasLabel("序号");
        a.Property(x => x.Name).HasMaxLength(100).HasLabel("单位名称");
        a.HasIndex(x => new { x.SchemeId, x.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AssessedUnit> t)
    {
        t.ToTable("AssessedUnits");
        t.HasDisplayName("被考评单位");
        t.Property(x => x.SchemeId).HasLabel("考评方案");
        t.Property(x => x.UnitId).HasLabel("被考评单位");
        t.HasIndex(x => new { x.SchemeId, x.UnitId }).IsUnique();
        t.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssessmentScore> s)
    {
        s.ToTable("AssessmentScores");
        s.HasDisplayName("考评得分");
        s.Property(x => x.SchemeId).HasLabel("考评方案");
        s.Property(x => x.IndicatorId).HasLabel("考评指标");
        s.Property(x => x.UnitId).HasLabel("被考评单位");
        s.Property(x => x.Score).HasLabel("得分");
        s.Property(x => x.Note).HasMaxLength(500).HasLabel("扣分说明");
        s.HasIndex(x => new { x.IndicatorId, x.UnitId }).IsUnique();
        s.HasIndex(x => new { x.SchemeId, x.UnitId });
        s.HasIndex(x => x.UnitId);
        s.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<AssessmentIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProvincialAssessment> p)
    {
        p.ToTable("ProvincialAssessments");
        p.HasDisplayName("法治广东建设考评结果");
        p.Property(x => x.UnitId).HasLabel("被考评单位");
        p.Property(x => x.Year).HasLabel("考评年度");
        p.Property(x => x.Grade).HasLabel("等次");
        p.Property(x => x.Rank).HasLabel("排名");
        p.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        p.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpertPool> p)
    {
        p.ToTable("ExpertPools");
        p.HasDisplayName("专家库");
        p.Property(x => x.UnitId).HasLabel("所属单位");
        p.Property(x => x.Name).HasMaxLength(100).HasLabel("专家库名称");
        p.Property(x => x.EstablishedOn).HasLabel("设立日期");
        p.HasIndex(x => new { x.UnitId, x.Name }).IsUnique();
        p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        p.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        p.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("members");
    }

    public void Configure(EntityTypeBuilder<Expert> e)
    {
        e.ToTable("Experts");
        e.HasDisplayName("专家");
        e.Property(x => x.PoolId).HasLabel("专家库");
        e.Property(x => x.Name).HasMaxLength(64).HasLabel("姓名");
        e.Property(x => x.Organization).HasMaxLength(100).HasLabel("工作单位");
        e.Property(x => x.Title).HasMaxLength(100).HasLabel("职称职务");
        e.Property(x => x.Field).HasMaxLength(100).HasLabel("专业领域");
        e.Property(x => x.Phone).HasMaxLength(20).HasLabel("联系电话").IsPersonalData(PersonalDataKind.Phone);
        e.Property(x => x.AppointedOn).HasLabel("聘任日期");
        e.Property(x => x.LeftOn).HasLabel("出库日期");
        e.HasIndex(x => new { x.PoolId, x.AppointedOn });
    }
}
