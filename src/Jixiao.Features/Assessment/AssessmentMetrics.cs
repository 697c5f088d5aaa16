using Jixiao.Domain.Assessment;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>
/// The figures of the county assessment (法治江门建设考评) run by a unit: counties to be assessed and assessed, coverage,
/// counties graded 优秀, the scheme's sections, indicators and assessing units.
/// </summary>
/// <remarks>
/// A scheme counts for a period when its year lies within the period's years (a year's assessment is one state, not
/// a flow, so each month of the year shows it). Assessed means every indicator scored (<see cref="AssessmentRules"/>).
/// </remarks>
public sealed class AssessmentMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly MetricDefinition ToAssess = Count("counties_to_assess", "应考评县（市、区）", "考评方案确定的被考评单位", "被考评单位", "个");
    private static readonly MetricDefinition Assessed = Count("counties_assessed", "考评县（市、区）数", "全部指标均已评分的被考评单位", "被考评单位", "个");
    private static readonly MetricDefinition Excellent = Count("counties_excellent", "考评优秀县（市、区）", "已考评且总分达到方案优秀分数线的被考评单位", "被考评单位", "个");

    private static readonly MetricDefinition[] All =
    [
        ToAssess,
        Assessed,
        new MetricDefinition("assessment.coverage_rate", "考评覆盖率", Area.Assessment, MetricUnit.Percent, "已考评 ÷ 应考评", "被考评单位")
        {
            NumeratorKey = Assessed.Key,
            DenominatorKey = ToAssess.Key,
        },
        Excellent,
        new MetricDefinition("assessment.excellent_rate", "优秀率", Area.Assessment, MetricUnit.Percent, "考评优秀 ÷ 已考评", "被考评单位")
        {
            NumeratorKey = Excellent.Key,
            DenominatorKey = Assessed.Key,
        },
        Count("assessing_units", "考评单位", "考评方案中负责评分的单位", "考评单位", "个"),
        Count("sections", "考评板块", "考评方案的板块", "考评板块", "个"),
        Count("indicators", "考评指标", "考评方案的具体指标", "考评指标", "项"),
    ];

    public Area Area => Area.Assessment;

    public string ListPath => "assessment/results";

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (fromYear, toYear) = (query.Period.From.Year, query.Period.To.Year);
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await db.AssessmentSchemes.AsNoTracking().Where(s => unitIds.Contains(s.UnitId) && s.Year >= fromYear && s.Year <= toYear)
            .Select(s => new { s.Id, s.Year }).ToListAsync(cancellationToken);
        var rows = new List<AssessmentResults.Row>();
        var assessors = new List<int>();
        var sections = new List<int>();
        var indicators = new List<int>();
        foreach (var s in years)
        {
            var scheme = await db.AssessmentSchemes
                .Include(x => x.Sections).ThenInclude(x => x.Indicators)
                .Include(x => x.Assessors).Include(x => x.Targets)
                .AsSplitQuery().AsNoTracking().SingleAsync(x => x.Id == s.Id, cancellationToken);
            rows.AddRange((await AssessmentResults.ComputeAsync(db, scheme, cancellationToken)).Rows);
            assessors.AddRange(scheme.Assessors.Select(a => a.Id));
            sections.AddRange(scheme.Sections.Select(x => x.Id));
            indicators.AddRange(scheme.Indicators.Select(x => x.Id));
        }

        var toAssess = MetricValue.Count(ToAssess, rows.Select(r => r.TargetId));
        var assessed = MetricValue.Count(Assessed, rows.Where(r => r.Complete).Select(r => r.TargetId));
        var excellent = MetricValue.Count(Excellent, rows.Where(r => r.Grade == AssessmentGrade.Excellent).Select(r => r.TargetId));
        return
        [
            toAssess,
            assessed,
            MetricValue.Rate(All[2], assessed, toAssess),
            excellent,
            MetricValue.Rate(All[4], excellent, assessed),
            MetricValue.Count(All[5], assessors),
            MetricValue.Count(All[6], sections),
            MetricValue.Count(All[7], indicators),
        ];
    }

    internal static MetricDefinition Count(string key, string name, string definition, string records, string unitLabel) =>
        new("assessment." + key, name, Area.Assessment, MetricUnit.Count, definition, records) { UnitLabel = unitLabel };
}

/// <summary>The expert pool figure: experts in the unit's pools (专家库专家人数) at some day of the period.</summary>
public sealed class ExpertMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly MetricDefinition[] All =
    [
        AssessmentMetrics.Count("experts", "专家库专家人数", "统计期间内在库（聘任日期不晚于期末、未在期初前出库）的咨询专家", "专家", "人"),
    ];

    public Area Area => Area.Assessment;

    public string ListPath => "assessment/experts";

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = (query.Period.From, query.Period.To);
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.ExpertPools.AsNoTracking().Where(p => unitIds.Contains(p.UnitId))
            .SelectMany(p => p.Members)
            .Where(m => m.AppointedOn <= to && (m.LeftOn == null || m.LeftOn >= from))
            .Select(m => m.Id).ToListAsync(cancellationToken);
        return [MetricValue.Count(All[0], ids)];
    }
}

/// <summary>
/// The province's assessment of the unit (法治广东建设考评): the run of consecutive 优秀 years up to the period's year, and
/// whether the latest published result is 优秀 (the target “保持上年度考评等次”).
/// </summary>
public sealed class ProvincialMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly MetricDefinition[] All =
    [
        AssessmentMetrics.Count("provincial_excellent_years", "法治广东建设考评连续优秀年度", "截至统计期末年度，最近一次考评起向前连续获评优秀的年度", "法治广东建设考评结果", "年"),
        AssessmentMetrics.Count("provincial_latest_excellent", "法治广东建设考评最近一次为优秀", "截至统计期末年度最近一次考评结果为优秀时计1", "法治广东建设考评结果", "次"),
    ];

    public Area Area => Area.Assessment;

    public string ListPath => "assessment/provincial";

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var toYear = query.Period.To.Year;
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var results = await db.ProvincialAssessments.AsNoTracking().Where(p => unitIds.Contains(p.UnitId) && p.Year <= toYear)
            .Select(p => new { p.Id, p.UnitId, p.Year, p.Grade }).ToListAsync(cancellationToken);
        var streak = new List<int>();
        var latest = new List<int>();
        foreach (var unit in results.GroupBy(r => r.UnitId))
        {
            var run = ProvincialAssessment.ExcellentStreak(unit, r => r.Year, r => r.Grade, toYear);
            streak.AddRange(run.Select(r => r.Id));
            latest.AddRange(run.Take(1).Select(r => r.Id));
        }

        return [MetricValue.Count(All[0], streak), MetricValue.Count(All[1], latest)];
    }
}
