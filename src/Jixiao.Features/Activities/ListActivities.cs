using System.Globalization;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

/// <summary>The activity register (工作台账) in the user's scope: filtered, sorted, paged; also as Excel.</summary>
public sealed class ListActivities(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? KindId = null, DateOnly? From = null, DateOnly? To = null, string? Text = null,
        IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, int KindId, string Kind, bool IsSelection, DateOnly HeldOn, string Title,
        int? Participants, string? TakingPartUnits, string? Description, string? ReviewPanel, int? Quota, int Candidates, int Selected, int Files);

    public async Task<Paged<Row>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Activities);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Title", false) => filtered.OrderBy(a => a.Title).ThenBy(a => a.Id),
            ("Title", true) => filtered.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            ("Kind", false) => filtered.OrderBy(a => a.KindId).ThenByDescending(a => a.HeldOn),
            ("Kind", true) => filtered.OrderByDescending(a => a.KindId).ThenByDescending(a => a.HeldOn),
            ("Participants", false) => filtered.OrderBy(a => a.Participants).ThenBy(a => a.Id),
            ("Participants", true) => filtered.OrderByDescending(a => a.Participants).ThenBy(a => a.Id),
            ("HeldOn", false) => filtered.OrderBy(a => a.HeldOn).ThenBy(a => a.Id),
            _ => filtered.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public sealed record CandidateListRow(int Id, int ActivityId, string Activity, DateOnly HeldOn, string UnitName, string Name, string? NominatedBy, decimal? Score, bool Selected);

    /// <summary>The candidates of the selections in scope (or those of <paramref name="ids"/>), best score first.</summary>
    public async Task<IReadOnlyList<CandidateListRow>> CandidatesAsync(IReadOnlyList<int>? ids, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Activities);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = ids?.ToList();
        var rows = await (from c in db.SelectionCandidates.AsNoTracking()
                          join a in db.Activities on c.ActivityId equals a.Id
                          join u in db.Units on a.UnitId equals u.Id
                          where list == null || list.Contains(c.Id)
                          select new CandidateListRow(c.Id, a.Id, a.Title, a.HeldOn, u.Name, c.Name, c.NominatedBy, c.Score, c.Selected)).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Score ?? -1).ThenBy(r => r.Id)];
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Activities);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(a => a.HeldOn).ThenBy(a => a.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("组织单位代码", r => r.UnitCode),
            ("组织单位", r => r.UnitName),
            ("活动类型", r => r.Kind),
            ("活动日期", r => r.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("活动名称", r => r.Title),
            ("参加人数", r => r.Participants),
            ("参与单位", r => r.TakingPartUnits),
            ("活动内容", r => r.Description),
            ("评审组", r => r.ReviewPanel),
            ("名额", r => r.Quota),
            ("候选项目数", r => r.IsSelection ? r.Candidates : null),
            ("入选数", r => r.IsSelection ? r.Selected : null),
            ("佐证材料数", r => r.Files),
        ], ActivityLedger.SheetName);
    }

    private static IQueryable<Domain.Activities.Activity> Filter(JixiaoDbContext db, Query query)
    {
        var activities = db.Activities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            activities = activities.Where(a => db.Units.Any(u => u.Id == a.UnitId && u.Code == query.UnitCode));
        }

        if (query.KindId is { } kind)
        {
            activities = activities.Where(a => a.KindId == kind);
        }

        if (query.From is { } from)
        {
            activities = activities.Where(a => a.HeldOn >= from);
        }

        if (query.To is { } to)
        {
            activities = activities.Where(a => a.HeldOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            activities = activities.Where(a => a.Title.Contains(text) || (a.TakingPartUnits != null && a.TakingPartUnits.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            activities = activities.Where(a => list.Contains(a.Id));
        }

        return activities;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<Domain.Activities.Activity> activities, CancellationToken cancellationToken)
    {
        var rows = await activities.Select(a => new
        {
            a.Id, a.UnitId, a.KindId, a.HeldOn, a.Title, a.Participants, a.TakingPartUnits, a.Description, a.ReviewPanel, a.Quota,
            Candidates = a.Candidates.Count, Selected = a.Candidates.Count(c => c.Selected),
        }).ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Code, u.Name), cancellationToken);
        var kinds = await db.ActivityKinds.AsNoTracking().ToDictionaryAsync(k => k.Id, k => (k.Name, k.IsSelection), cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var files = await db.RegisterEvidence.AsNoTracking().Where(f => f.Register == Domain.Activities.EvidenceRegister.Activity && ids.Contains(f.RecordId))
            .GroupBy(f => f.RecordId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. rows.Select(r =>
        {
            var unit = units.GetValueOrDefault(r.UnitId, (Code: string.Empty, Name: string.Empty));
            var kind = kinds.GetValueOrDefault(r.KindId, (Name: string.Empty, IsSelection: false));
            return new Row(r.Id, unit.Code, unit.Name, r.KindId, kind.Name, kind.IsSelection, r.HeldOn, r.Title, r.Participants, r.TakingPartUnits,
                r.Description, r.ReviewPanel, r.Quota, r.Candidates, r.Selected, files.GetValueOrDefault(r.Id));
        })];
    }
}
