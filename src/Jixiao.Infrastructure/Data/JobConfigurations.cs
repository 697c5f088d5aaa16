using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Background work shared by every node: batches and their items (claimed by lease), the chunks' output files, the
/// runs of daily jobs (unique per job and day) and the notifications they record.
/// </summary>
internal sealed class JobConfiguration :
    IEntityTypeConfiguration<BackgroundJob>, IEntityTypeConfiguration<BackgroundJobItem>, IEntityTypeConfiguration<BackgroundJobOutput>,
    IEntityTypeConfiguration<ScheduledRun>, IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> j)
    {
        j.HasDisplayName("批量任务");
        j.Property(x => x.Kind).HasMaxLength(64).HasLabel("类型");
        j.Property(x => x.Title).HasMaxLength(200).HasLabel("名称");
        j.Property(x => x.UnitId).HasLabel("单位");
        j.Property(x => x.Parameters).HasMaxLength(2000).HasLabel("参数");
        j.Property(x => x.StartedByUserId).HasMaxLength(64).HasLabel("发起人");
        j.Property(x => x.StartedByName).HasMaxLength(64).HasLabel("发起人姓名");
        j.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).HasLabel("状态");
        j.Property(x => x.Total).HasLabel("项数");
        j.Property(x => x.CreatedAt).HasLabel("开始时间");
        j.Property(x => x.FinishedAt).HasLabel("结束时间");
        j.HasIndex(x => new { x.Status, x.Id });
        j.HasIndex(x => x.UnitId);
        j.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BackgroundJobItem> i)
    {
        i.HasDisplayName("批量任务项");
        i.Property(x => x.Label).HasMaxLength(300);
        i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        i.Property(x => x.LeaseOwner).HasMaxLength(100);
        i.Property(x => x.ProcessedBy).HasMaxLength(100);
        i.Property(x => x.Error).HasMaxLength(1000);
        i.HasIndex(x => new { x.JobId, x.Status, x.Sequence });
        i.HasIndex(x => x.LeaseOwner);
        i.HasOne<BackgroundJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<BackgroundJobOutput>().WithMany().HasForeignKey(x => x.OutputId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<BackgroundJobOutput> o)
    {
        o.HasDisplayName("批量任务输出");
        o.HasIndex(x => x.JobId);
        o.HasOne<BackgroundJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScheduledRun> r)
    {
        r.HasDisplayName("定时任务运行");
        r.Property(x => x.JobName).HasMaxLength(64);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.LeaseOwner).HasMaxLength(100);
        r.Property(x => x.Error).HasMaxLength(1000);
        r.HasIndex(x => new { x.JobName, x.RunDate }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.HasDisplayName("提醒");
        n.Property(x => x.UserId).HasMaxLength(64);
        n.Property(x => x.Area).HasMaxLength(32);
        n.Property(x => x.Key).HasMaxLength(100);
        n.Property(x => x.Title).HasMaxLength(300);
        n.Property(x => x.Detail).HasMaxLength(500);
        n.Property(x => x.Link).HasMaxLength(300);
        n.HasIndex(x => new { x.UserId, x.ReadAt, x.Id });
        n.HasIndex(x => new { x.UserId, x.Key, x.RunDate }).IsUnique();
    }
}
