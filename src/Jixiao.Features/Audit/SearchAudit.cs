using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Audit;

public sealed record AuditRow(long Id, DateTime At, string UserName, string UserDisplayName, string? UnitName, string? IpAddress,
    AuditAction Action, string EntityName, string EntityType, string EntityId, string Changes, string? Note)
{
    public string ActionName => AuditActionNames.Of(Action);
}

/// <summary>The audit log for administrators: filters by time, user, entity and action, newest first; also as Excel.</summary>
public sealed class SearchAudit(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(DateTime? From = null, DateTime? To = null, string? User = null, string? Entity = null, string? EntityId = null, AuditAction? Action = null, string? Text = null);

    public const int MaxExportRows = 100_000;

    public async Task<Paged<AuditRow>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var ordered = page.SortBy == "At" && !page.Descending ? filtered.OrderBy(a => a.Id) : filtered.OrderByDescending(a => a.Id);
        var rows = await Project(ordered.Page(page)).ToListAsync(cancellationToken);
        return new Paged<AuditRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(Filter(db, query).OrderByDescending(a => a.Id).Take(MaxExportRows)).ToListAsync(cancellationToken);
        return Xlsx.Write(rows,
        [
            ("编号", r => r.Id),
            ("时间", r => r.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")),
            ("用户名", r => r.UserName),
            ("姓名", r => r.UserDisplayName),
            ("单位", r => r.UnitName),
            ("IP 地址", r => r.IpAddress),
            ("操作", r => r.ActionName),
            ("对象", r => r.EntityName),
            ("对象编号", r => r.EntityId),
            ("变更内容", r => r.Changes),
            ("说明", r => r.Note),
        ], "审计日志");
    }

    private static IQueryable<AuditEntry> Filter(JixiaoDbContext db, Query query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            var f = DateTime.SpecifyKind(from, DateTimeKind.Local).ToUniversalTime();
            entries = entries.Where(a => a.At >= f);
        }

        if (query.To is { } to)
        {
            var t = DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Local).ToUniversalTime();
            entries = entries.Where(a => a.At < t);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            entries = entries.Where(a => a.UserName.Contains(query.User) || a.UserDisplayName.Contains(query.User));
        }

        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            entries = entries.Where(a => a.EntityType == query.Entity || a.EntityName == query.Entity);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(a => a.EntityId == query.EntityId);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            entries = entries.Where(a => a.Changes.Contains(query.Text) || (a.Note != null && a.Note.Contains(query.Text)));
        }

        return entries;
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> entries) =>
        entries.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.UserDisplayName, a.UnitName, a.IpAddress, a.Action, a.EntityName, a.EntityType, a.EntityId, a.Changes, a.Note));
}
