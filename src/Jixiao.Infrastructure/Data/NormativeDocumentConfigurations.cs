using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The normative-document registers. Each is read by unit and date (the list of a year, the statistics), so each has
/// an index on (UnitId, date the figures count by).
/// </summary>
internal sealed class NormativeDocumentConfigurations :
    IEntityTypeConfiguration<LegalityReview>, IEntityTypeConfiguration<FilingReview>, IEntityTypeConfiguration<CleanupCampaign>,
    IEntityTypeConfiguration<CleanupItem>, IEntityTypeConfiguration<CertificationItem>
{
    public void Configure(EntityTypeBuilder<LegalityReview> r)
    {
        r.HasDisplayName("规范性文件合法性审核");
        r.Property(x => x.UnitId).HasLabel("审核机关");
        r.Property(x => x.Level).HasLabel("文件类别");
        r.Property(x => x.Title).HasMaxLength(200).HasLabel("文件名称");
        r.Property(x => x.DraftingUnit).HasMaxLength(100).HasLabel("起草单位");
        r.Property(x => x.ReceivedOn).HasLabel("收文日期");
        r.Property(x => x.ReviewedOn).HasLabel("审核日期");
        r.Property(x => x.Result).HasLabel("审核结果");
        r.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        r.HasIndex(x => new { x.UnitId, x.ReviewedOn });
        r.HasIndex(x => new { x.UnitId, x.ReceivedOn });
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FilingReview> f)
    {
        f.HasDisplayName("规范性文件备案审查");
        f.Property(x => x.UnitId).HasLabel("备案审查机关");
        f.Property(x => x.FilingGovernment).HasMaxLength(100).HasLabel("报备机关");
        f.Property(x => x.Title).HasMaxLength(200).HasLabel("文件名称");
        f.Property(x => x.DocumentNumber).HasMaxLength(60).HasLabel("文号");
        f.Property(x => x.PublishedOn).HasLabel("公布日期");
        f.Property(x => x.FiledOn).HasLabel("报备日期");
        f.Property(x => x.ReviewedOn).HasLabel("审查日期");
        f.Property(x => x.Result).HasLabel("审查结果");
        f.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        f.HasIndex(x => new { x.UnitId, x.FiledOn });
        f.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CleanupCampaign> c)
    {
        c.HasDisplayName("规范性文件清理");
        c.Property(x => x.UnitId).HasLabel("清理单位");
        c.Property(x => x.Name).HasMaxLength(100).HasLabel("清理名称");
        c.Property(x => x.StartedOn).HasLabel("启动日期");
        c.Property(x => x.DecisionTitle).HasMaxLength(200).HasLabel("清理结果决定");
        c.Property(x => x.DecisionPublishedOn).HasLabel("决定发布日期");
        c.HasIndex(x => new { x.UnitId, x.Name }).IsUnique();
        c.HasIndex(x => new { x.UnitId, x.StartedOn });
        c.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CleanupItem> i)
    {
        i.HasDisplayName("清理文件");
        i.Property(x => x.UnitId).HasLabel("清理单位");
        i.Property(x => x.CampaignId).HasLabel("清理");
        i.Property(x => x.Level).HasLabel("文件类别");
        i.Property(x => x.Title).HasMaxLength(200).HasLabel("文件名称");
        i.Property(x => x.IssuingBody).HasMaxLength(100).HasLabel("制定机关");
        i.Property(x => x.DocumentNumber).HasMaxLength(60).HasLabel("文号");
        i.Property(x => x.Opinion).HasLabel("清理意见");
        i.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        i.HasIndex(x => new { x.CampaignId, x.Opinion });
        i.HasIndex(x => x.UnitId);
        i.HasOne<CleanupCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CertificationItem> c)
    {
        c.HasDisplayName("告知承诺制证明事项");
        c.Property(x => x.UnitId).HasLabel("推行单位");
        c.Property(x => x.Name).HasMaxLength(200).HasLabel("证明事项名称");
        c.Property(x => x.Field).HasLabel("所属领域");
        c.Property(x => x.Agency).HasMaxLength(100).HasLabel("实施机关");
        c.Property(x => x.IncludedOn).HasLabel("纳入日期");
        c.Property(x => x.CasesHandled).HasLabel("办件数");
        c.Property(x => x.CasesAsOf).HasLabel("办件数截止日期");
        c.Property(x => x.Note).HasMaxLength(500).HasLabel("备注");
        c.HasIndex(x => new { x.UnitId, x.IncludedOn });
        c.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
