using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Metrics;

/// <summary>One area of the dashboard: its key figures for the year, by month and over the last five years.</summary>
public sealed record DashboardArea(Area Area, string Name, IReadOnlyList<string> HeadlineKeys, MetricSet Year, IReadOnlyList<MetricSet> Months,
    IReadOnlyList<(int Year, MetricSet Set)> Years);

/// <summary>A project on the dashboard: its self-evaluation score (frozen once submitted) and its monitoring light.</summary>
public sealed record DashboardProject(int Id, string Code, string Name, string UnitName, string EvaluationStatus, decimal? Score, string? Grade, bool Frozen,
    string LightName, decimal? ExecutionPercent, int IndicatorsRed, int IndicatorsYellow);

/// <summary>The leaders' dashboard (领导驾驶舱) of a unit and a year.</summary>
public sealed record DashboardView(string UnitCode, string UnitName, int Year, MetricScope Scope, IReadOnlyList<DashboardArea> Areas,
    IReadOnlyList<DashboardProject> Projects, DateOnly MonitoredOn);

/// <summary>
/// For a unit and a year: the key figures of every area of the metrics catalogue the user may read (the definitions
/// marked <see cref="MetricDefinition.Headline"/>, or an area's first four), each by month and over five years, and
/// every project's score and monitoring lights. A new area's source shows up here without a change to this class.
/// </summary>
public sealed class LeaderDashboard(MetricCatalogue catalogue, CurrentUser user, IDbContextFactory<JixiaoDbContext> dbFactory,
    MonitorProjects monitor, GetProject getProject, TimeProvider clock)
{
    public const int YearsShown = 5;

    /// <summary>The key figures of an area: those marked as headline, else its first four.</summary>
    public static IReadOnlyList<MetricDefinition> Headline(IEnumerable<MetricDefinition> definitions)
    {
        var all = definitions.ToList();
        var marked = all.Where(d => d.Headline).ToList();
        return marked.Count > 0 ? marked : [.. all.Take(4)];
    }

    public async Task<DashboardView> HandleAsync(string unitCode, int year, MetricScope scope, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Statistics);
        var areas = new List<DashboardArea>();
        foreach (var area in catalogue.Areas.Where(user.MayRead))
        {
            var keys = Headline(catalogue.Definitions.Where(d => d.Area == area)).Select(d => d.Key).ToList();
            var summary = await catalogue.SummarizeAsync(area, unitCode, scope, year, months: true, null, cancellationToken);
            var (set, months) = (summary.Year, summary.Months);
            var years = new List<(int, MetricSet)>();
            for (var y = year - YearsShown + 1; y <= year; y++)
            {
                years.Add((y, y == year ? set : (await catalogue.SummarizeAsync(area, unitCode, scope, y, months: false, null, cancellationToken)).Year));
            }

            areas.Add(new DashboardArea(area, Roles.AreaName(area), keys, set, months, years));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"单位“{unitCode}”不存在或不在您的数据范围内。");
        var unitIds = scope == MetricScope.Self
            ? [unit.Id]
            : new UnitTree(await db.Units.AsNoTracking().Select(u => new ValueTuple<int, int?>(u.Id, u.ParentId)).ToListAsync(cancellationToken)).Subtree(unit.Id);
        var projects = new List<DashboardProject>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var monitoredOn = year < today.Year ? new DateOnly(year, 12, 31) : year == today.Year ? today : new DateOnly(year, 1, 1);
        if (user.MayRead(Area.Performance))
        {
            var ids = await db.Projects.AsNoTracking().Where(p => p.Year == year && unitIds.Contains(p.UnitId)).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var row in (await monitor.HandleAsync(new MonitorProjects.Query(year, monitoredOn), cancellationToken)).Where(r => ids.Contains(r.ProjectId)))
            {
                var view = await getProject.HandleAsync(row.ProjectId, null, cancellationToken);
                projects.Add(new DashboardProject(row.ProjectId, row.Code, row.Name, row.UnitName,
                    view.Evaluation is { } e ? SelfEvaluationWorkflow.Name(e.Status) : "未开始", view.Evaluation is null ? null : view.Score?.Total,
                    view.Evaluation is null ? null : view.Score?.GradeName, view.Data.Frozen, row.LightName, row.ExecutionPercent, row.IndicatorsRed, row.IndicatorsYellow));
            }
        }

        return new DashboardView(unit.Code, unit.Name, year, scope, areas, projects, monitoredOn);
    }
}
