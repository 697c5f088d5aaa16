using Jixiao.Domain.Legislation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Legislation;

/// <summary>
/// The legislation figures (seed-figures.md): projects of the plan years in the period by kind, stage and commission,
/// and the work completed in the period with the on-time rate (工作完成及时率).
/// </summary>
public sealed class LegislationMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<LegislationProject> Figures = Build();

    public Area Area => Area.Legislation;

    public string ListPath => "legislation/projects";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        var (firstYear, lastYear) = (from.Year, to.Year);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var projects = await db.LegislationProjects.AsNoTracking()
            .Where(p => units.Contains(p.UnitId) && ((p.PlanYear >= firstYear && p.PlanYear <= lastYear) || (p.CompletedOn >= from && p.CompletedOn <= to)))
            .ToListAsync(cancellationToken);
        return Figures.Evaluate(projects, query.Period);
    }

    /// <summary>A project belongs to a period when the first day of its plan year lies in it (a whole year holds its plan).</summary>
    private static bool Planned(LegislationProject p, MetricPeriod period) => period.Contains(new DateOnly(p.PlanYear, 1, 1));

    private static RecordMetrics<LegislationProject> Build()
    {
        var m = new RecordMetrics<LegislationProject>(Area.Legislation, "legislation", "立法项目", p => p.Id);
        m.Count("projects", "立法项目", "计划年度在统计期间内的立法项目（含立项建议、调研项目）", Planned, "部");
        m.Count("local_regulations", "地方性法规项目", "立法项目中的地方性法规", (p, q) => Planned(p, q) && p.Kind == LegislationKind.LocalRegulation, "部");
        m.Count("government_rules", "政府规章项目", "立法项目中的政府规章", (p, q) => Planned(p, q) && p.Kind == LegislationKind.GovernmentRule, "部");
        foreach (var stage in Enum.GetValues<LegislationStage>())
        {
            m.Count("stage_" + stage.ToString().ToLowerInvariant(), "所处阶段-" + LegislationNames.Name(stage), $"立法项目中目前处于“{LegislationNames.Name(stage)}”阶段的",
                (p, q) => Planned(p, q) && p.Stage == stage, "部");
        }

        m.Count("commissioned_drafting", "委托起草", "立法项目中委托第三方起草的（地方性法规与政府规章）", (p, q) => Planned(p, q) && p.Commission == LegislationCommission.Drafting, "部");
        m.Count("commissioned_drafting_regulations", "委托起草地方性法规", "委托起草的地方性法规", (p, q) => Planned(p, q) && p.Commission == LegislationCommission.Drafting
            && p.Kind == LegislationKind.LocalRegulation, "部");
        m.Count("commissioned_research", "委托调研", "立法项目中委托第三方调研的", (p, q) => Planned(p, q) && p.Commission == LegislationCommission.Research, "部");
        m.Count("commissioned_research_regulations", "委托调研地方性法规", "委托调研的地方性法规", (p, q) => Planned(p, q) && p.Commission == LegislationCommission.Research
            && p.Kind == LegislationKind.LocalRegulation, "部");
        var completed = m.Count("completed", "完成项目", "完成日期在统计期间内的立法项目", (p, q) => q.Contains(p.CompletedOn), "部");
        var onTime = m.Count("on_time", "按时完成", "完成项目中完成日期不晚于完成时限的", (p, q) => q.Contains(p.CompletedOn) && p.OnTime == true, "部");
        m.Rate("on_time_rate", "工作完成及时率", "按时完成 ÷ 完成项目", onTime, completed);
        return m;
    }
}
