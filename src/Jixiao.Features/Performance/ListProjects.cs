using Jixiao.Domain.Budget;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>The projects in the user's scope, filtered, sorted and paged, with their budget figures; also as Excel.</summary>
public sealed class ListProjects(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(int? Year = null, string? UnitCode = null, string? Text = null, TargetDeclarationStatus? TargetStatus = null, SelfEvaluationStatus? EvaluationStatus = null);

    public async Task<Paged<ProjectRow>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Name", false) => filtered.OrderBy(p => p.Name),
            ("Name", true) => filtered.OrderByDescending(p => p.Name),
            ("Unit", false) => filtered.OrderBy(p => p.UnitId).ThenBy(p => p.Code),
            ("Unit", true) => filtered.OrderByDescending(p => p.UnitId).ThenBy(p => p.Code),
            ("TargetStatus", false) => filtered.OrderBy(p => p.TargetStatus).ThenBy(p => p.Code),
            ("TargetStatus", true) => filtered.OrderByDescending(p => p.TargetStatus).ThenBy(p => p.Code),
            (_, true) => filtered.OrderByDescending(p => p.Year).ThenByDescending(p => p.Code),
            _ => filtered.OrderByDescending(p => p.Year).ThenBy(p => p.Code),
        };
        return new Paged<ProjectRow>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderByDescending(p => p.Year).ThenBy(p => p.Code), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("年度", r => r.Year),
            ("项目编码", r => r.Code),
            ("项目名称", r => r.Name),
            ("实施单位", r => r.UnitName),
            ("年初预算数（万元）", r => Money.ToWanYuan(r.InitialBudget)),
            ("全年预算数（万元）", r => Money.ToWanYuan(r.FullYearBudget)),
            ("全年执行数（万元）", r => Money.ToWanYuan(r.Executed)),
            ("执行率（%）", r => r.ExecutionPercent),
            ("绩效目标", r => r.TargetStatusName),
            ("绩效自评", r => r.EvaluationStatusName),
        ], "项目");
    }

    private static IQueryable<Project> Filter(JixiaoDbContext db, Query query)
    {
        var projects = db.Projects.AsNoTracking();
        if (query.Year is { } year)
        {
            projects = projects.Where(p => p.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            projects = projects.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Code == query.UnitCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            projects = projects.Where(p => p.Name.Contains(query.Text) || p.Code.Contains(query.Text));
        }

        if (query.TargetStatus is { } ts)
        {
            projects = projects.Where(p => p.TargetStatus == ts);
        }

        if (query.EvaluationStatus is { } es)
        {
            projects = projects.Where(p => db.SelfEvaluations.Any(e => e.ProjectId == p.Id && e.Status == es));
        }

        return projects;
    }

    /// <summary>
    /// The rows of one page: project fields from one query, budget figures from the project's own lines
    /// through <see cref="ProjectBudget"/>, the one definition of full-year budget and executed amount.
    /// </summary>
    private static async Task<List<ProjectRow>> RowsAsync(JixiaoDbContext db, IQueryable<Project> projects, CancellationToken cancellationToken)
    {
        var heads = await projects.Select(p => new
        {
            p.Id, p.Code, p.Name, p.Year, p.UnitId, p.TargetStatus,
            UnitName = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).First(),
            EvaluationStatus = db.SelfEvaluations.Where(e => e.ProjectId == p.Id).Select(e => (SelfEvaluationStatus?)e.Status).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        var ids = heads.Select(h => h.Id).ToList();
        var lines = (await db.Set<ProjectBudgetLine>().AsNoTracking().Where(l => ids.Contains(l.ProjectId)).ToListAsync(cancellationToken)).ToLookup(l => l.ProjectId);
        var adjustments = (await db.Set<ProjectAdjustment>().AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(cancellationToken)).ToLookup(a => a.ProjectId);
        var expenditures = (await db.Set<ProjectExpenditure>().AsNoTracking().Where(e => ids.Contains(e.ProjectId)).ToListAsync(cancellationToken)).ToLookup(e => e.ProjectId);
        return [.. heads.Select(h =>
        {
            var figures = Domain.Performance.Project.BudgetFrom(h.Year, lines[h.Id], adjustments[h.Id], expenditures[h.Id]).Figures().Total;
            return new ProjectRow(h.Id, h.Code, h.Name, h.Year, h.UnitId, h.UnitName, h.TargetStatus, h.EvaluationStatus, figures.Initial, figures.FullYear, figures.Executed);
        })];
    }
}
