using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The activity register (工作台账) and the rectification register (问题整改). Both are read by unit and date
/// (list, statistics of a year); rectification items also by owner and status (to-do list) and by project.
/// </summary>
internal sealed class ActivityConfiguration :
    IEntityTypeConfiguration<ActivityKind>, IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<SelectionCandidate>,
    IEntityTypeConfiguration<RectificationItem>, IEntityTypeConfiguration<RegisterEvidence>
{
    public void Configure(EntityTypeBuilder<ActivityKind> k)
    {
        k.HasDisplayName("活动类型");

        // The built-in kinds have fixed ids 1–99; kinds an administrator adds are numbered from 100 (PostgreSQL's
        // identity would otherwise start at 1 and collide with them; SQLite continues after the largest id).
        k.Property(x => x.Id).HasIdentityOptions(startValue: 100);
        k.Property(x => x.Code).HasMaxLength(32).HasLabel("代码");
        k.Property(x => x.Name).HasMaxLength(32).HasLabel("名称");
        k.Property(x => x.SortOrder).HasLabel("排序");
        k.Property(x => x.IsSelection).HasLabel("评选类");
        k.Ignore(x => x.IsBuiltIn);
        k.HasIndex(x => x.Name).IsUnique();
        k.HasIndex(x => x.Code).IsUnique();
        k.HasData(ActivityKind.BuiltIn.Select(b => new { b.Id, b.Code, b.Name, b.SortOrder, b.IsSelection }));
    }

    public void Configure(EntityTypeBuilder<Activity> a)
    {
        a.HasDisplayName("工作台账");
        a.Property(x => x.UnitId).HasLabel("组织单位");
        a.Property(x => x.KindId).HasLabel("活动类型");
        a.Property(x => x.HeldOn).HasLabel("活动日期");
        a.Property(x => x.Title).HasMaxLength(200).HasLabel("活动名称");
        a.Property(x => x.Participants).HasLabel("参加人数");
        a.Property(x => x.TakingPartUnits).HasMaxLength(500).HasLabel("参与单位");
        a.Property(x => x.Description).HasMaxLength(4000).HasLabel("活动内容");
        a.Property(x => x.ReviewPanel).HasMaxLength(500).HasLabel("评审组");
        a.Property(x => x.Quota).HasLabel("名额");
        a.Ignore(x => x.Details);
        a.HasIndex(x => new { x.UnitId, x.HeldOn });
        a.HasIndex(x => x.KindId);
        a.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<ActivityKind>().WithMany().HasForeignKey(x => x.KindId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        a.Navigation(x => x.Candidates).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("candidates");
    }

    public void Configure(EntityTypeBuilder<SelectionCandidate> c)
    {
        c.ToTable("SelectionCandidates");
        c.HasDisplayName("评选候选项目");
        c.Property(x => x.ActivityId).HasLabel("评选活动");
        c.Property(x => x.UnitId).HasLabel("组织单位");
        c.Property(x => x.Name).HasMaxLength(200).HasLabel("候选项目");
        c.Property(x => x.NominatedBy).HasMaxLength(100).HasLabel("申报单位");
        c.Property(x => x.Score).HasLabel("评审得分");
        c.Property(x => x.Selected).HasLabel("入选");
        c.HasIndex(x => new { x.ActivityId, x.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RectificationItem> r)
    {
        r.HasDisplayName("整改事项");
        r.Property(x => x.UnitId).HasLabel("责任单位");
        r.Property(x => x.Source).HasLabel("问题来源");
        r.Property(x => x.SourceReference).HasMaxLength(200).HasLabel("来源说明");
        r.Property(x => x.FoundOn).HasLabel("发现日期");
        r.Property(x => x.Problem).HasMaxLength(2000).HasLabel("问题描述");
        r.Property(x => x.OwnerUserName).HasMaxLength(256).HasLabel("责任人账号");
        r.Property(x => x.OwnerName).HasMaxLength(64).HasLabel("整改责任人");
        r.Property(x => x.Measure).HasMaxLength(2000).HasLabel("整改措施");
        r.Property(x => x.Deadline).HasLabel("整改期限");
        r.Property(x => x.Status).HasLabel("状态");
        r.Property(x => x.StartedOn).HasLabel("开始整改日期");
        r.Property(x => x.RectifiedOn).HasLabel("整改完成日期");
        r.Property(x => x.Result).HasMaxLength(2000).HasLabel("整改情况");
        r.Property(x => x.VerifiedOn).HasLabel("验收日期");
        r.Property(x => x.VerifiedBy).HasMaxLength(64).HasLabel("验收人");
        r.Property(x => x.Verification).HasMaxLength(2000).HasLabel("验收意见");
        r.Property(x => x.ProjectId).HasLabel("项目");
        r.Property(x => x.EvaluationYear).HasLabel("自评年度");
        r.Property(x => x.IndicatorId).HasLabel("指标");
        r.Property(x => x.ActivityId).HasLabel("相关活动");
        r.Ignore(x => x.Details);
        r.HasIndex(x => new { x.UnitId, x.FoundOn });
        r.HasIndex(x => new { x.OwnerUserName, x.Status });
        r.HasIndex(x => x.ProjectId);
        r.HasIndex(x => x.ActivityId);
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<Domain.Performance.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
        r.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<RegisterEvidence> f)
    {
        f.HasDisplayName("台账佐证材料");
        f.Property(x => x.UnitId).HasLabel("单位");
        f.Property(x => x.Register).HasLabel("台账");
        f.Property(x => x.RecordId).HasLabel("记录");
        f.Property(x => x.FileName).HasMaxLength(200).HasLabel("文件名");
        f.Property(x => x.ContentType).HasMaxLength(100).HasLabel("类型");
        f.Property(x => x.Size).HasLabel("大小");
        f.Property(x => x.Sha256).HasMaxLength(64).HasLabel("SHA-256");
        f.Property(x => x.UploadedBy).HasMaxLength(64).HasLabel("上传人");
        f.Property(x => x.UploadedAt).HasLabel("上传时间");
        f.HasIndex(x => new { x.Register, x.RecordId });
    }
}
