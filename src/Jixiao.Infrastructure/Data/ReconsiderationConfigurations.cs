using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Domain.Reconsideration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The reconsideration register. Indexes serve a register of a million cases: a unit's cases by date
/// received (list, statistics of a year) and by state (to-do, open cases); the case number is unique.
/// </summary>
internal sealed class ReconsiderationCaseConfiguration : IEntityTypeConfiguration<ReconsiderationCase>
{
    public void Configure(EntityTypeBuilder<ReconsiderationCase> c)
    {
        c.HasDisplayName("行政复议案件");
        c.Property(x => x.UnitId).HasLabel("复议机关");
        c.Property(x => x.CaseNumber).HasMaxLength(40).HasLabel("案号");
        c.Property(x => x.ReceivedOn).HasLabel("收到申请日期");
        c.Property(x => x.LawVersion).HasLabel("适用法律版本");
        c.Property(x => x.Matter).HasLabel("案件类别");
        c.Property(x => x.Channel).HasLabel("申请方式");
        c.Property(x => x.ApplicantKind).HasLabel("申请人类型");
        c.Property(x => x.ApplicantName).HasMaxLength(100).HasLabel("申请人");
        c.Property(x => x.ApplicantIdType).HasLabel("证件类型");
        c.Property(x => x.ApplicantIdNumber).HasMaxLength(18).HasLabel("证件号码").IsPersonalData(PersonalDataKind.IdNumber);
        c.Property(x => x.ApplicantPhone).HasMaxLength(20).HasLabel("联系电话").IsPersonalData(PersonalDataKind.Phone);
        c.Property(x => x.ApplicantAddress).HasMaxLength(200).HasLabel("住所").IsPersonalData(PersonalDataKind.Other);
        c.Property(x => x.AgentName).HasMaxLength(64).HasLabel("代理人");
        c.Property(x => x.EnterpriseRelated).HasLabel("涉企");
        c.Property(x => x.Requests).HasMaxLength(ApplicationParticulars.MaxRequestsLength).HasLabel("行政复议请求");
        c.Property(x => x.ContestedAct).HasMaxLength(500).HasLabel("被申请复议的行政行为");
        c.Property(x => x.RespondentName).HasMaxLength(100).HasLabel("被申请人");
        c.Property(x => x.RespondentAgencyId).HasLabel("被申请人（机关名录）");
        c.Property(x => x.HandlerUserName).HasMaxLength(64).HasLabel("承办人");
        c.Property(x => x.HandlerName).HasMaxLength(64).HasLabel("承办人姓名");
        c.Property(x => x.State).HasLabel("状态");
        c.Property(x => x.Procedure).HasLabel("程序");
        c.Property(x => x.SupplementRequestedOn).HasLabel("通知补正日期");
        c.Property(x => x.SupplementItems).HasMaxLength(2000).HasLabel("补正事项");
        c.Property(x => x.SupplementReceivedOn).HasLabel("收到补正材料日期");
        c.Property(x => x.EndedBeforeAcceptanceAs).HasLabel("未受理处理方式");
        c.Property(x => x.EndedBeforeAcceptanceOn).HasLabel("未受理处理日期");
        c.Property(x => x.AcceptedOn).HasLabel("受理日期");
        c.Property(x => x.SwitchedToOrdinaryOn).HasLabel("转普通程序日期");
        c.Property(x => x.CopySentOn).HasLabel("发送副本日期");
        c.Property(x => x.AnswerReceivedOn).HasLabel("收到答复日期");
        c.Property(x => x.HearingNoticeOn).HasLabel("听证通知日期");
        c.Property(x => x.HearingOn).HasLabel("听证日期");
        c.Property(x => x.SettledOn).HasLabel("和解日期");
        c.Property(x => x.ExtensionDays).HasLabel("延期天数");
        c.Property(x => x.ExtendedOn).HasLabel("延期日期");
        c.Property(x => x.ExtensionApprovedBy).HasMaxLength(64).HasLabel("延期批准人");
        c.Property(x => x.Outcome).HasLabel("结案方式");
        c.Property(x => x.ClosedOn).HasLabel("结案日期");
        c.Property(x => x.DecisionNumber).HasMaxLength(100).HasLabel("结案文书文号");
        c.Property(x => x.Performance).HasColumnName("PerformanceStatus").HasLabel("履行情况");
        c.Property(x => x.PerformanceDueOn).HasLabel("履行期限");
        c.Property(x => x.PerformedOn).HasLabel("履行日期");
        c.Property(x => x.PerformanceNote).HasMaxLength(2000).HasLabel("履行说明");

        c.HasIndex(x => x.CaseNumber).IsUnique();
        // The statistics group a unit-year by these columns: the indexes cover the queries, so no table row is read.
        c.HasIndex(x => new { x.UnitId, x.ReceivedOn, x.Matter, x.Channel, x.EndedBeforeAcceptanceAs, x.EnterpriseRelated });
        // The register's default order (newest first) across every unit in scope, read in index order; it also covers
        // the statistics of a province's year, which read every unit's applications of a period.
        c.HasIndex(x => new { x.ReceivedOn, x.Id, x.UnitId, x.Matter, x.Channel, x.EndedBeforeAcceptanceAs, x.EnterpriseRelated });
        c.HasIndex(x => new { x.UnitId, x.State });
        c.HasIndex(x => new { x.UnitId, x.ClosedOn, x.Outcome, x.EndedBeforeAcceptanceAs, x.AcceptedOn, x.Procedure, x.ExtensionDays });
        c.HasIndex(x => new { x.UnitId, x.HandlerName });
        c.HasIndex(x => new { x.UnitId, x.Performance });
        c.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Agency>().WithMany().HasForeignKey(x => x.RespondentAgencyId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Steps).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Suspensions).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        c.Navigation(x => x.Steps).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("steps");
        c.Navigation(x => x.Suspensions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("suspensions");
        c.HasMany(x => x.Letters).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Copies).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        c.Navigation(x => x.Letters).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("letters");
        c.Navigation(x => x.Copies).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("copies");
    }
}

/// <summary>
/// The follow-up of a case: letters (意见书、建议书) with their replies, and 抄告 records. Both are read
/// through their case, so the case's unit scope applies; the indexes serve the figures of a period.
/// </summary>
internal sealed class ReconsiderationFollowUpConfiguration : IEntityTypeConfiguration<CaseLetter>, IEntityTypeConfiguration<SuperiorCopy>
{
    public void Configure(EntityTypeBuilder<CaseLetter> letter)
    {
        letter.ToTable("ReconsiderationLetters");
        letter.HasDisplayName("行政复议意见书/建议书");
        letter.Property(l => l.Kind).HasLabel("文书种类");
        letter.Property(l => l.Number).HasMaxLength(100).HasLabel("文号");
        letter.Property(l => l.AddresseeAgencyId).HasLabel("送达机关（机关名录）");
        letter.Property(l => l.AddresseeName).HasMaxLength(100).HasLabel("送达机关");
        letter.Property(l => l.ServedOn).HasLabel("送达日期");
        letter.Property(l => l.Summary).HasMaxLength(LetterDraft.MaxSummaryLength).HasLabel("主要内容");
        letter.Property(l => l.ReplyReceivedOn).HasLabel("收到整改反馈日期");
        letter.Property(l => l.ReplyNumber).HasMaxLength(100).HasLabel("整改反馈文号");
        letter.Property(l => l.ReplyNote).HasMaxLength(2000).HasLabel("整改情况");
        letter.Ignore(l => l.AwaitingReply);
        letter.HasOne<Agency>().WithMany().HasForeignKey(l => l.AddresseeAgencyId).OnDelete(DeleteBehavior.Restrict);
        letter.HasIndex("CaseId");
        letter.HasIndex(l => l.ServedOn);
        letter.HasIndex(l => l.ReplyReceivedOn);
    }

    public void Configure(EntityTypeBuilder<SuperiorCopy> copy)
    {
        copy.ToTable("ReconsiderationSuperiorCopies");
        copy.HasDisplayName("抄告记录");
        copy.Property(c => c.Document).HasLabel("抄告文书");
        copy.Property(c => c.LetterId).HasLabel("抄告的意见书");
        copy.Property(c => c.Recipient).HasMaxLength(100).HasLabel("抄告机关");
        copy.Property(c => c.SentOn).HasLabel("抄告日期");
        copy.Property(c => c.Number).HasMaxLength(100).HasLabel("抄告文号");

        // The letter belongs to the same case; the domain refuses to remove a letter that was copied, and deleting the
        // case removes both (NO ACTION is checked at the end of the cascading statement).
        copy.HasOne(c => c.Letter).WithMany().HasForeignKey(c => c.LetterId).OnDelete(DeleteBehavior.NoAction);
        copy.HasIndex("CaseId");
        copy.HasIndex(c => c.SentOn);
    }
}

internal sealed class ReconsiderationPartsConfiguration :
    IEntityTypeConfiguration<CaseStep>, IEntityTypeConfiguration<CaseSuspension>, IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<CaseStep> step)
    {
        step.ToTable("ReconsiderationSteps");
        step.HasDisplayName("办理记录");
        step.Property(s => s.Kind).HasLabel("步骤");
        step.Property(s => s.At).HasConversion(v => v.ToUniversalTime(), v => v).HasLabel("时间");
        step.Property(s => s.ActorUserId).HasLabel("办理人编号");
        step.Property(s => s.ActorUserName).HasMaxLength(256).HasLabel("办理人账号");
        step.Property(s => s.ActorName).HasMaxLength(64).HasLabel("办理人");
        step.Property(s => s.DocumentNumber).HasMaxLength(100).HasLabel("文号");
        step.Property(s => s.DocumentTitle).HasMaxLength(200).HasLabel("文书");
        step.Property(s => s.Note).HasMaxLength(2000).HasLabel("说明");
        step.HasIndex("CaseId");
    }

    public void Configure(EntityTypeBuilder<CaseSuspension> suspension)
    {
        suspension.ToTable("ReconsiderationSuspensions");
        suspension.HasDisplayName("中止");
        suspension.Property(s => s.Ground).HasLabel("中止情形");
        suspension.Property(s => s.From).HasLabel("中止日期");
        suspension.Property(s => s.To).HasLabel("恢复日期");
        suspension.HasIndex("CaseId");
    }

    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.HasDisplayName("行政机关");
        agency.Property(a => a.Name).HasMaxLength(100).HasLabel("机关名称");
        agency.Property(a => a.SuperiorName).HasMaxLength(100).HasLabel("上级机关");
        agency.HasIndex(a => a.Name).IsUnique();
    }
}

/// <summary>Administrators' notice templates: one row per kind of notice at most; the file itself is not written to the audit log, its hash is.</summary>
internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<Documents.NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<Documents.NoticeTemplate> template)
    {
        template.ToTable("NoticeTemplates");
        template.HasDisplayName("文书模板");
        template.HasKey(t => t.Kind);
        template.Property(t => t.Kind).ValueGeneratedNever().HasLabel("文书种类");
        template.Property(t => t.FileName).HasMaxLength(200).HasLabel("文件名");
        template.Property(t => t.Content).HasLabel("模板文件").IsSecret();
        template.Property(t => t.Sha256).HasMaxLength(64).HasLabel("文件摘要");
        template.Property(t => t.Size).HasLabel("文件大小");
        template.Property(t => t.UploadedAt).HasLabel("上传时间");
        template.Property(t => t.UploadedBy).HasMaxLength(64).HasLabel("上传人");
    }
}
