using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.HasDisplayName("项目");
        project.Property(p => p.Code).HasMaxLength(32).HasLabel("项目编码");
        project.Property(p => p.Name).HasMaxLength(200).HasLabel("项目名称");
        project.Property(p => p.Year).HasLabel("年度");
        project.Property(p => p.UnitId).HasLabel("实施单位");
        project.Property(p => p.SupervisingDepartment).HasMaxLength(100).HasLabel("主管部门");
        project.Property(p => p.Category).HasMaxLength(50).HasLabel("项目类别");
        project.Property(p => p.ResponsiblePerson).HasMaxLength(32).HasLabel("项目负责人");
        project.Property(p => p.ResponsiblePhone).HasMaxLength(20).HasLabel("联系电话").IsPersonalData(PersonalDataKind.Phone);
        project.Property(p => p.Basis).HasLabel("立项背景和依据");
        project.Property(p => p.AnnualGoal).HasLabel("年度总体目标");
        project.Property(p => p.TargetStatus).HasLabel("目标状态");
        project.Property(p => p.TargetReturnComment).HasMaxLength(2000).HasLabel("退回意见");
        project.HasIndex(p => new { p.Year, p.Code }).IsUnique();
        project.HasIndex(p => new { p.UnitId, p.Year });
        project.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        project.Ignore(p => p.Budget);
        project.Ignore(p => p.TargetsEditable);
        project.HasMany(p => p.BudgetLines).WithOne().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        project.HasMany(p => p.Adjustments).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        project.HasMany(p => p.Expenditures).WithOne().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        project.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        project.Navigation(p => p.BudgetLines).UsePropertyAccessMode(PropertyAccessMode.Field);
        project.Navigation(p => p.Adjustments).UsePropertyAccessMode(PropertyAccessMode.Field);
        project.Navigation(p => p.Expenditures).UsePropertyAccessMode(PropertyAccessMode.Field);
        project.Navigation(p => p.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProjectPartsConfiguration :
    IEntityTypeConfiguration<ProjectBudgetLine>, IEntityTypeConfiguration<ProjectAdjustment>,
    IEntityTypeConfiguration<ProjectExpenditure>, IEntityTypeConfiguration<ProjectIndicator>
{
    public void Configure(EntityTypeBuilder<ProjectBudgetLine> line)
    {
        line.HasDisplayName("年初预算");
        line.Property(l => l.FundSource).HasLabel("资金来源");
        line.Property(l => l.Amount).HasLabel("金额（元）");
        line.HasIndex(l => new { l.ProjectId, l.FundSource }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ProjectAdjustment> adjustment)
    {
        adjustment.HasDisplayName("预算调整");
        adjustment.Property(a => a.Kind).HasLabel("调整类型");
        adjustment.Property(a => a.Date).HasLabel("日期");
        adjustment.Property(a => a.Amount).HasLabel("金额（元）");
        adjustment.Property(a => a.Reason).HasMaxLength(500).HasLabel("原因");
        adjustment.Property(a => a.DocumentNumber).HasMaxLength(100).HasLabel("文号");
        adjustment.Property(a => a.FundSource).HasLabel("资金来源");
        adjustment.HasIndex(a => a.ProjectId);
    }

    public void Configure(EntityTypeBuilder<ProjectExpenditure> expenditure)
    {
        expenditure.HasDisplayName("支出");
        expenditure.Property(e => e.Date).HasLabel("日期");
        expenditure.Property(e => e.Amount).HasLabel("金额（元）");
        expenditure.Property(e => e.Purpose).HasMaxLength(500).HasLabel("用途");
        expenditure.Property(e => e.Voucher).HasMaxLength(100).HasLabel("凭证号");
        expenditure.Property(e => e.FundSource).HasLabel("资金来源");
        expenditure.HasIndex(e => new { e.ProjectId, e.Date });
    }

    public void Configure(EntityTypeBuilder<ProjectIndicator> indicator)
    {
        indicator.HasDisplayName("绩效指标");
        indicator.Property(i => i.Name).HasMaxLength(200).HasLabel("三级指标");
        indicator.Property(i => i.Level2).HasLabel("二级指标");
        indicator.Property(i => i.Kind).HasLabel("指标性质");
        indicator.Property(i => i.Direction).HasLabel("方向");
        indicator.Property(i => i.Target).HasPrecision(18, 4).HasLabel("年度指标值");
        indicator.Property(i => i.Unit).HasMaxLength(20).HasLabel("计量单位");
        indicator.Property(i => i.QualitativeTarget).HasMaxLength(500).HasLabel("定性目标");
        indicator.Property(i => i.Points).HasLabel("分值");
        indicator.Property(i => i.NotApplicable).HasLabel("本年不适用");
        indicator.Property(i => i.Actual).HasPrecision(18, 4).HasLabel("实际完成值");
        indicator.Property(i => i.ActualText).HasMaxLength(500).HasLabel("完成情况说明");
        indicator.Property(i => i.Band).HasLabel("达成档次");
        indicator.Property(i => i.QualitativeScore).HasLabel("定性得分");
        indicator.Property(i => i.DeviationReason).HasMaxLength(2000).HasLabel("偏差原因");
        indicator.Property(i => i.DeductionPoints).HasLabel("审核扣分");
        indicator.Property(i => i.DeductionReason).HasMaxLength(500).HasLabel("扣分理由");
        indicator.Property(i => i.MetricKey).HasMaxLength(120).HasLabel("统计指标");
        indicator.Property(i => i.MetricScope).HasLabel("统计范围");
        indicator.Property(i => i.MetricFrom).HasLabel("统计起始日");
        indicator.Property(i => i.MetricTo).HasLabel("统计截止日");
        indicator.Property(i => i.ActualSource).HasMaxLength(500).HasLabel("数据来源");
        indicator.Ignore(i => i.Metric);
        indicator.Ignore(i => i.FedByMetric);
        indicator.HasIndex(i => i.ProjectId);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> file)
    {
        file.HasDisplayName("佐证材料");
        file.Property(f => f.FileName).HasMaxLength(200).HasLabel("文件名");
        file.Property(f => f.ContentType).HasMaxLength(100).HasLabel("类型");
        file.Property(f => f.Size).HasLabel("大小");
        file.Property(f => f.Sha256).HasMaxLength(64).HasLabel("SHA-256");
        file.Property(f => f.UploadedBy).HasMaxLength(64).HasLabel("上传人");
        file.Property(f => f.UploadedAt).HasLabel("上传时间");
        file.HasIndex(f => new { f.ProjectId, f.IndicatorId });
        file.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        file.HasOne<ProjectIndicator>().WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>, IEntityTypeConfiguration<WorkflowEvent>, IEntityTypeConfiguration<StoredScoringProfile>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> evaluation)
    {
        evaluation.HasDisplayName("绩效自评");
        evaluation.HasIndex(e => e.ProjectId).IsUnique();
        evaluation.HasIndex(e => new { e.UnitId, e.Status });
        evaluation.HasOne<Project>().WithOne().HasForeignKey<SelfEvaluation>(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        evaluation.Property(e => e.Status).HasLabel("自评状态");
        evaluation.Property(e => e.ProfileName).HasMaxLength(64).HasLabel("评分方案");
        evaluation.Property(e => e.ProfileVersion).HasLabel("评分方案版本");
        evaluation.Property(e => e.CompletionText).HasLabel("项目完成情况");
        evaluation.Property(e => e.InputText).HasLabel("投入");
        evaluation.Property(e => e.ProcessText).HasLabel("过程");
        evaluation.Property(e => e.ManagementText).HasLabel("管理");
        evaluation.Property(e => e.PerformanceText).HasLabel("项目绩效情况");
        evaluation.Property(e => e.PracticesText).HasLabel("主要做法和经验");
        evaluation.Property(e => e.ProblemsText).HasLabel("存在问题及建议");
        evaluation.Property(e => e.GoalActual).HasLabel("总体目标实际完成情况");
        evaluation.Property(e => e.ExecutionReason).HasMaxLength(2000).HasLabel("执行率说明");
        evaluation.Property(e => e.LastComment).HasMaxLength(2000).HasLabel("审核意见");
        evaluation.Property(e => e.SubmittedScore).HasLabel("提交时得分");
        evaluation.Property(e => e.SubmittedAt).HasLabel("提交时间");
        evaluation.Property(e => e.FrozenFigures).HasLabel("提交时冻结的数据");
        evaluation.Property(e => e.FigureSentences).HasLabel("报告数据语句");
        evaluation.Ignore(e => e.IsEditable);
        evaluation.Ignore(e => e.IsFrozen);
        evaluation.Ignore(e => e.Texts);
    }

    public void Configure(EntityTypeBuilder<WorkflowEvent> e)
    {
        e.HasDisplayName("审核记录");
        e.Property(x => x.Stage).HasMaxLength(20);
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.FromStatus).HasMaxLength(20);
        e.Property(x => x.ToStatus).HasMaxLength(20);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.UserName).HasMaxLength(64);
        e.HasIndex(x => new { x.ProjectId, x.At });
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StoredScoringProfile> p)
    {
        p.HasDisplayName("评分方案");
        p.Property(x => x.Name).HasMaxLength(64).HasLabel("方案代码");
        p.Property(x => x.DisplayName).HasMaxLength(100).HasLabel("方案名称");
        p.Property(x => x.Json).HasLabel("规则");
        p.HasIndex(x => new { x.Name, x.Version }).IsUnique();
    }
}

internal sealed class ReportSentenceTemplateConfiguration : IEntityTypeConfiguration<Domain.Reports.ReportSentenceTemplate>
{
    public void Configure(EntityTypeBuilder<Domain.Reports.ReportSentenceTemplate> t)
    {
        t.HasDisplayName("报告语句模板");
        t.Property(x => x.Area).HasConversion<string>().HasMaxLength(32).HasLabel("业务板块");
        t.Property(x => x.Text).HasMaxLength(2000).HasLabel("模板");
        t.Ignore(x => x.Template);
        t.HasIndex(x => x.Area).IsUnique();
    }
}

/// <summary>A scoring profile as stored: shipped profiles and administrators' copies, each version kept.</summary>
public sealed class StoredScoringProfile
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int Version { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The <see cref="Domain.Scoring.ScoringProfile"/> as JSON.</summary>
    public string Json { get; set; } = "{}";

    public bool IsBuiltIn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
