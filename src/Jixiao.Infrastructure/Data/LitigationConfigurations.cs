using Jixiao.Domain.Litigation;
using Jixiao.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The litigation register. Indexes serve a register of a million cases: a unit's cases by date filed (list, year),
/// by date concluded (statistics of a period) and by defence submitted (open defence deadlines on the to-do list);
/// a unit's hearings by date (head-appearance rate). A case number is unique within its court.
/// </summary>
internal sealed class LitigationConfiguration : IEntityTypeConfiguration<LitigationCase>, IEntityTypeConfiguration<LitigationHearing>
{
    public void Configure(EntityTypeBuilder<LitigationCase> c)
    {
        c.HasDisplayName("行政应诉案件");
        c.Property(x => x.UnitId).HasLabel("所属单位");
        c.Property(x => x.Court).HasMaxLength(100).HasLabel("受理法院");
        c.Property(x => x.CaseNumber).HasMaxLength(60).HasLabel("案号");
        c.Property(x => x.Instance).HasLabel("审级");
        c.Property(x => x.Plaintiff).HasMaxLength(200).HasLabel("原告");
        c.Property(x => x.Defendant).HasMaxLength(100).HasLabel("被告");
        c.Property(x => x.ReconsiderationCoDefendant).HasLabel("复议机关共同被告");
        c.Property(x => x.FiledOn).HasLabel("立案日期");
        c.Property(x => x.ComplaintReceivedOn).HasLabel("收到起诉状副本日期");
        c.Property(x => x.SummaryProcedure).HasLabel("简易程序");
        c.Property(x => x.DefenceSubmittedOn).HasLabel("提交答辩状日期");
        c.Property(x => x.Outcome).HasLabel("一审结案方式");
        c.Property(x => x.ConcludedOn).HasLabel("一审结案日期");
        c.Property(x => x.JudgmentNumber).HasMaxLength(100).HasLabel("裁判文书号");
        c.Property(x => x.ServedOn).HasLabel("送达日期");
        c.Property(x => x.AppealFiledOn).HasLabel("上诉日期");
        c.Property(x => x.Appellant).HasMaxLength(200).HasLabel("上诉人");
        c.Property(x => x.AppealOutcome).HasLabel("二审结果");
        c.Property(x => x.AppealConcludedOn).HasLabel("二审结案日期");
        c.Ignore(x => x.State);
        c.Ignore(x => x.IsOpen);
        c.Ignore(x => x.CarriedOver);

        c.HasIndex(x => new { x.Court, x.CaseNumber }).IsUnique();
        c.HasIndex(x => new { x.UnitId, x.FiledOn });
        // The register's default order (newest first) across every unit in scope: read in index order, not sorted.
        c.HasIndex(x => new { x.FiledOn, x.Id });
        // Covering the statistics' grouping of concluded cases (see LitigationMetrics).
        c.HasIndex(x => new { x.UnitId, x.ConcludedOn, x.Instance, x.Outcome, x.FiledOn });
        c.HasIndex(x => new { x.UnitId, x.DefenceSubmittedOn });
        c.HasIndex(x => new { x.UnitId, x.Defendant });
        c.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Hearings).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.Navigation(x => x.Hearings).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("hearings");
    }

    public void Configure(EntityTypeBuilder<LitigationHearing> h)
    {
        h.HasDisplayName("庭审");
        h.Property(x => x.UnitId).HasLabel("所属单位");
        h.Property(x => x.HeldOn).HasLabel("开庭日期");
        h.Property(x => x.Court).HasMaxLength(100).HasLabel("开庭法院");
        h.Property(x => x.Instance).HasLabel("审级");
        h.Property(x => x.HeadAppeared).HasLabel("负责人出庭");
        h.Property(x => x.HeadName).HasMaxLength(64).HasLabel("出庭负责人");
        h.Property(x => x.AppearedInstead).HasMaxLength(100).HasLabel("代为出庭人员");
        h.HasIndex(x => new { x.UnitId, x.HeldOn, x.Instance, x.HeadAppeared });
        h.HasIndex(x => x.CaseId);
        h.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
