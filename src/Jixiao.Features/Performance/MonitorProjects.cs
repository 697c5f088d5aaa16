using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>A project's monitoring (双监控) at a date, as the list shows it.</summary>
public sealed record MonitoringRow(int ProjectId, string Code, string Name, string UnitName, decimal FullYearBudget, decimal Executed,
    decimal? ExecutionPercent, decimal TimeProgressPercent, TrafficLight ExecutionLight, string Explanation, decimal? ProjectedPercent,
    int IndicatorsRed, int IndicatorsYellow)
{
    public string LightName => Monitoring.Name(ExecutionLight);
}

/// <summary>
/// 双监控: execution against the share of the year elapsed (序时进度), indicator progress, traffic
/// lights with the profile's thresholds, and a projection of year-end execution, for every project
/// in the user's scope of a year at a date.
/// </summary>
public sealed class MonitorProjects(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles)
{
    public sealed record Query(int Year, DateOnly Date, string? UnitCode = null, TrafficLight? Light = null, string? Text = null);

    public async Task<IReadOnlyList<MonitoringRow>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Performance);
        if (query.Date.Year != query.Year)
        {
            throw new ValidationException([new("Date", $"监控日期应在 {query.Year} 年内。")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var projects = db.Projects.AsNoTracking().Where(p => p.Year == query.Year);
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            projects = projects.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Code == query.UnitCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            projects = projects.Where(p => p.Name.Contains(query.Text) || p.Code.Contains(query.Text));
        }

        var loaded = await projects.Include(p => p.BudgetLines).Include(p => p.Adjustments).Include(p => p.Expenditures).Include(p => p.Indicators)
            .AsSplitQuery().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var evaluationProfiles = await db.SelfEvaluations.AsNoTracking().Where(e => loaded.Select(p => p.Id).Contains(e.ProjectId))
            .ToDictionaryAsync(e => e.ProjectId, e => (e.ProfileName, e.ProfileVersion), cancellationToken);
        var rows = new List<MonitoringRow>(loaded.Count);
        foreach (var project in loaded)
        {
            var profile = evaluationProfiles.TryGetValue(project.Id, out var p) ? await profiles.GetAsync(p.ProfileName, p.ProfileVersion, cancellationToken) : ScoringProfiles.National2020;
            var report = Report(project, query.Date, profile);
            var total = report.Figures.Total;
            rows.Add(new MonitoringRow(project.Id, project.Code, project.Name, unitNames.GetValueOrDefault(project.UnitId, string.Empty),
                total.FullYear, total.Executed, total.RateAgainstFullYear.Percent, Rounding.Percent(report.TimeProgress.Ratio),
                report.ExecutionLight, report.ExecutionExplanation, report.ProjectedRate.Percent,
                report.Indicators.Count(i => i.Light == TrafficLight.Red), report.Indicators.Count(i => i.Light == TrafficLight.Yellow)));
        }

        return query.Light is { } light ? [.. rows.Where(r => r.ExecutionLight == light)] : rows;
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        var rows = await HandleAsync(query, cancellationToken);
        return Xlsx.Write(rows,
        [
            ("项目编码", r => r.Code),
            ("项目名称", r => r.Name),
            ("实施单位", r => r.UnitName),
            ("全年预算数（元）", r => r.FullYearBudget),
            ("已执行（元）", r => r.Executed),
            ("执行率（%）", r => r.ExecutionPercent),
            ("序时进度（%）", r => r.TimeProgressPercent),
            ("执行灯", r => r.LightName),
            ("预计年末执行率（%）", r => r.ProjectedPercent),
            ("红灯指标数", r => r.IndicatorsRed),
            ("黄灯指标数", r => r.IndicatorsYellow),
            ("说明", r => r.Explanation),
        ], $"双监控{query.Date:yyyyMMdd}");
    }

    /// <summary>One project's monitoring report (the project page's chart and indicator lights).</summary>
    public async Task<MonitoringReport> ProjectAsync(int projectId, DateOnly date, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var evaluation = await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken);
        var profile = evaluation is null ? ScoringProfiles.National2020 : await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken);
        return Report(project, date, profile);
    }

    private static MonitoringReport Report(Project project, DateOnly date, ScoringProfile profile) =>
        Monitoring.At(project.Budget, [.. project.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorToDate(i.ToIndicator(), i.Actual))], date, profile);
}
