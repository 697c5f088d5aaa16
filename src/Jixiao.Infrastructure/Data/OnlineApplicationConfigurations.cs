using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Online applications (网上申请) with their attachments, and the used challenges of the public forms.
/// The per-address limit counts a client's recent submissions on (ClientAddress, SubmittedAt).
/// </summary>
internal sealed class OnlineApplicationConfiguration :
    IEntityTypeConfiguration<OnlineApplication>, IEntityTypeConfiguration<OnlineAttachment>, IEntityTypeConfiguration<UsedChallenge>
{
    public void Configure(EntityTypeBuilder<OnlineApplication> application)
    {
        application.HasDisplayName("网上申请");
        application.Property(a => a.CaseId).HasLabel("案件");
        application.Property(a => a.UnitId).HasLabel("复议机关");
        application.Property(a => a.QueryCodeHash).HasMaxLength(200).HasLabel("查询码").IsSecret();
        application.Property(a => a.FactsAndReasons).HasMaxLength(OnlineApplication.MaxFactsLength).HasLabel("事实和理由");
        application.Property(a => a.SubmittedAt).HasLabel("提交时间");
        application.Property(a => a.ClientAddress).HasMaxLength(45).HasLabel("提交地址（IP）").IsPersonalData(PersonalDataKind.Other);
        application.HasIndex(a => a.CaseId).IsUnique();
        application.HasIndex(a => new { a.ClientAddress, a.SubmittedAt });
        application.HasOne(a => a.Case).WithOne().HasForeignKey<OnlineApplication>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        application.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        application.HasMany(a => a.Attachments).WithOne().HasForeignKey(f => f.OnlineApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("attachments");
    }

    public void Configure(EntityTypeBuilder<OnlineAttachment> file)
    {
        file.ToTable("OnlineApplicationAttachments");
        file.HasDisplayName("网上申请材料");
        file.Property(f => f.UnitId).HasLabel("复议机关");
        file.Property(f => f.FileName).HasMaxLength(OnlineAttachment.MaxFileNameLength).HasLabel("文件名");
        file.Property(f => f.Kind).HasLabel("类型");
        file.Property(f => f.ContentType).HasMaxLength(100).HasLabel("内容类型");
        file.Property(f => f.Size).HasLabel("大小");
        file.Property(f => f.Sha256).HasMaxLength(64).HasLabel("SHA-256");
        file.HasIndex(f => f.OnlineApplicationId);
        file.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<UsedChallenge> challenge)
    {
        challenge.ToTable("UsedChallenges");
        challenge.Property(c => c.Id).HasMaxLength(32).ValueGeneratedNever();
        challenge.HasIndex(c => c.ExpiresAt);
    }
}
