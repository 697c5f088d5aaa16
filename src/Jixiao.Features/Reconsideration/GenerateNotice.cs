using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// 生成文书: the notices a case can have as it stands, and each one written from its template (the
/// administrator's, else the shipped default) with the case filled in and its due dates counted by the
/// deadline engine. The document is official, so nothing in it is masked: only users who handle
/// reconsideration cases may generate it, for cases in their data scope, and every generation is audited.
/// </summary>
public sealed class GenerateNotice(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    /// <summary>A notice the case can have now.</summary>
    public sealed record Choice(NoticeKind Kind, string Key, string Title, string Recipient);

    /// <summary>The notices the case can have as it stands, in the order of the procedure.</summary>
    public async Task<IReadOnlyList<Choice>> AvailableAsync(int caseId, CancellationToken cancellationToken = default)
    {
        RequireHandler();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(caseId, cancellationToken, tracking: false);
        return [.. Notices.Available(c).Select(k => new Choice(k, Notices.Key(k), Notices.Title(k), Notices.Recipient(k)))];
    }

    /// <exception cref="NotFoundException">The case does not exist or lies outside the user's scope.</exception>
    /// <exception cref="ForbiddenException">The user's roles do not handle reconsideration cases.</exception>
    /// <exception cref="DomainException">The notice is not valid for the case as it stands; the message says why.</exception>
    public async Task<OutputFile> HandleAsync(int caseId, NoticeKind kind, CancellationToken cancellationToken = default)
    {
        RequireHandler();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(caseId, cancellationToken, tracking: false);
        var unit = await db.Units.Where(u => u.Id == c.UnitId).Select(u => new { u.Name, u.ParentId }).FirstAsync(cancellationToken);

        // Only the superior bureau's name, for the government a district's documents are issued in: it may lie outside the scope.
        var parentName = unit.ParentId is { } parentId
            ? await db.Units.IgnoreQueryFilters([JixiaoDbContext.ScopeFilter]).Where(u => u.Id == parentId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var content = NoticeContent.Compose(c, kind, NoticeIssuer.Of(unit.Name, parentName), calendar.Calendar, clock.Today());
        var template = await db.NoticeTemplates.AsNoTracking().Where(t => t.Kind == kind).Select(t => t.Content).FirstOrDefaultAsync(cancellationToken)
            ?? DefaultNoticeTemplates.Get(kind);
        var bytes = DocxTemplate.Fill(template, content.Values);

        db.AuditEntries.Add(AuditEntry.Event(user, clock.GetUtcNow().UtcDateTime, AuditAction.DocumentGenerated, nameof(ReconsiderationCase), "行政复议案件",
            c.Id.ToString(CultureInfo.InvariantCulture), $"生成{content.Title}：{c.CaseNumber}，文号{content.Values["文号"]}，成文日期{content.Values["成文日期"]}"));
        await db.SaveChangesAsync(cancellationToken);
        return new OutputFile(bytes, $"{content.Title}_{c.CaseNumber}.docx", DocxTemplate.ContentType);
    }

    /// <summary>The same for a case named by its number (command line).</summary>
    public async Task<OutputFile> HandleAsync(string caseNumber, NoticeKind kind, CancellationToken cancellationToken = default)
    {
        RequireHandler();
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var number = caseNumber?.Trim() ?? string.Empty;
            id = await db.ReconsiderationCases.Where(c => c.CaseNumber == number).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (id == 0)
            {
                throw new NotFoundException($"行政复议案件“{number}”不存在或不在您的数据范围内。");
            }
        }

        return await HandleAsync(id, kind, cancellationToken);
    }

    private void RequireHandler()
    {
        user.Require(Area.Reconsideration);
        if (!user.MayWrite(Area.Reconsideration))
        {
            throw new ForbiddenException("只有承办人和复议机构负责人可以生成行政复议文书（文书中的证件号码等个人信息不脱敏）。");
        }
    }
}
