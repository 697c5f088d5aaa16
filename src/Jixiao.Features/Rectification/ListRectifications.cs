using System.Globalization;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Features.Common;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Rectification;

public sealed record RectificationRow(
    int Id, string UnitCode, string UnitName, RectificationSource Source, string SourceName, string? SourceReference, DateOnly FoundOn,
    string Problem, string OwnerName, string? OwnerUserName, string? Measure, DateOnly? Deadline, RectificationStatus Status, string StatusName,
    DateOnly? StartedOn, DateOnly? RectifiedOn, string? Result, DateOnly? VerifiedOn, string? VerifiedBy, string? Verification,
    bool Overdue, bool DueSoon, int? ProjectId, int? EvaluationYear, int? ActivityId, int Files);

/// <summary>The rectification register (问题整改) in the user's scope: filtered, sorted, paged; also as Excel.</summary>
public sealed class ListRectifications(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public sealed record Query(
        string? UnitCode = null, RectificationSource? Source = null, RectificationStatus? Status = null, DateOnly? FoundFrom = null,
        DateOnly? FoundTo = null, bool OverdueOnly = false, string? OwnerUserName = null, string? Text = null, IReadOnlyList<int>? Ids = null,
        IReadOnlyList<int>? ProjectIds = null, int? ActivityId = null);

    public async Task<Paged<RectificationRow>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Rectification);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Deadline", false) => filtered.OrderBy(r => r.Deadline == null).ThenBy(r => r.Deadline).ThenBy(r => r.Id),
            ("Deadline", true) => filtered.OrderByDescending(r => r.Deadline).ThenBy(r => r.Id),
            ("Status", false) => filtered.OrderBy(r => r.Status).ThenByDescending(r => r.FoundOn),
            ("Status", true) => filtered.OrderByDescending(r => r.Status).ThenByDescending(r => r.FoundOn),
            ("Source", false) => filtered.OrderBy(r => r.Source).ThenByDescending(r => r.FoundOn),
            ("Source", true) => filtered.OrderByDescending(r => r.Source).ThenByDescending(r => r.FoundOn),
            ("FoundOn", false) => filtered.OrderBy(r => r.FoundOn).ThenBy(r => r.Id),
            _ => filtered.OrderByDescending(r => r.FoundOn).ThenByDescending(r => r.Id),
        };
        return new Paged<RectificationRow>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    /// <summary>Every item of the query, oldest first (the project page, the to-do list).</summary>
    public async Task<IReadOnlyList<RectificationRow>> AllAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Rectification);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, Filter(db, query).OrderBy(r => r.FoundOn).ThenBy(r => r.Id), cancellationToken);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        var rows = await AllAsync(query, cancellationToken);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Xlsx.Write(rows,
        [
            ("责任单位代码", r => r.UnitCode),
            ("责任单位", r => r.UnitName),
            ("问题来源", r => r.SourceName),
            ("来源说明", r => r.SourceReference),
            ("发现日期", r => Day(r.FoundOn)),
            ("问题描述", r => r.Problem),
            ("整改责任人", r => r.OwnerName),
            ("责任人账号", r => r.OwnerUserName),
            ("整改措施", r => r.Measure),
            ("整改期限", r => Day(r.Deadline)),
            ("状态", r => r.StatusName),
            ("开始整改日期", r => Day(r.StartedOn)),
            ("整改完成日期", r => Day(r.RectifiedOn)),
            ("整改情况", r => r.Result),
            ("验收日期", r => Day(r.VerifiedOn)),
            ("验收人", r => r.VerifiedBy),
            ("验收意见", r => r.Verification),
            ("是否逾期", r => r.Overdue ? "是" : "否"),
        ], RectificationLedger.SheetName);
    }

    private IQueryable<RectificationItem> Filter(JixiaoDbContext db, Query query)
    {
        var items = db.RectificationItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            items = items.Where(r => db.Units.Any(u => u.Id == r.UnitId && u.Code == query.UnitCode));
        }

        if (query.Source is { } source)
        {
            items = items.Where(r => r.Source == source);
        }

        if (query.Status is { } status)
        {
            items = items.Where(r => r.Status == status);
        }

        if (query.FoundFrom is { } from)
        {
            items = items.Where(r => r.FoundOn >= from);
        }

        if (query.FoundTo is { } to)
        {
            items = items.Where(r => r.FoundOn <= to);
        }

        if (query.OverdueOnly)
        {
            var today = clock.Today();
            items = items.Where(r => (r.Status == RectificationStatus.Open || r.Status == RectificationStatus.InProgress) && r.Deadline < today);
        }

        if (!string.IsNullOrWhiteSpace(query.OwnerUserName))
        {
            items = items.Where(r => r.OwnerUserName == query.OwnerUserName);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            items = items.Where(r => r.Problem.Contains(text) || r.OwnerName.Contains(text) || (r.SourceReference != null && r.SourceReference.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            items = items.Where(r => list.Contains(r.Id));
        }

        if (query.ProjectIds is { } projects)
        {
            var list = projects.ToList();
            items = items.Where(r => r.ProjectId != null && list.Contains(r.ProjectId.Value));
        }

        if (query.ActivityId is { } activity)
        {
            items = items.Where(r => r.ActivityId == activity);
        }

        return items;
    }

    private async Task<List<RectificationRow>> RowsAsync(JixiaoDbContext db, IQueryable<RectificationItem> items, CancellationToken cancellationToken)
    {
        var page = await items.ToListAsync(cancellationToken);
        var unitIds = page.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (Code: u.Code, Name: u.Name), cancellationToken);
        var ids = page.Select(r => r.Id).ToList();
        var files = await db.RegisterEvidence.AsNoTracking().Where(f => f.Register == EvidenceRegister.Rectification && ids.Contains(f.RecordId))
            .GroupBy(f => f.RecordId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var today = clock.Today();
        return [.. page.Select(r =>
        {
            var unit = units.GetValueOrDefault(r.UnitId, (Code: string.Empty, Name: string.Empty));
            return new RectificationRow(r.Id, unit.Code, unit.Name, r.Source, RectificationRules.Name(r.Source), r.SourceReference, r.FoundOn,
                r.Problem, r.OwnerName, r.OwnerUserName, r.Measure, r.Deadline, r.Status, RectificationRules.Name(r.Status), r.StartedOn, r.RectifiedOn,
                r.Result, r.VerifiedOn, r.VerifiedBy, r.Verification, r.IsOverdue(today), RectificationRules.IsDueSoon(r.Status, r.Deadline, today),
                r.ProjectId, r.EvaluationYear, r.ActivityId, files.GetValueOrDefault(r.Id));
        })];
    }
}
