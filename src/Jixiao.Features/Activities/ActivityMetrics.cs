using Jixiao.Domain.Activities;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

/// <summary>
/// The activity figures (工作台账统计): activities held in the period, in all and per kind, with the activities
/// behind each; the <c>kind</c> filter (by name) narrows every figure to one kind, including kinds an administrator added.
/// </summary>
public sealed class ActivityMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private const string Records = "工作台账活动";

    private static readonly MetricDefinition[] All = Build();

    public Area Area => Area.Activities;

    public string ListPath => "activities";

    /// <summary>
    /// A bureau's activities are reported for its whole area (全市): the reports count, e.g., the consultations of the
    /// reconsideration committees city-wide, so the figures default to 含下级.
    /// </summary>
    public MetricScope DefaultScope => MetricScope.Tree;

    public IReadOnlyDictionary<string, string> SupportedFilters { get; } = new Dictionary<string, string> { ["kind"] = "活动类型" };

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public static string KeyOf(string code) => "activities.kind." + code;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = (query.Period.From, query.Period.To);
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = from a in db.Activities.AsNoTracking()
                join k in db.ActivityKinds on a.KindId equals k.Id
                where unitIds.Contains(a.UnitId) && a.HeldOn >= first && a.HeldOn <= last
                select new { a.Id, k.Code, k.Name, a.HeldOn };
        if (query.Filter("kind") is { } kind)
        {
            q = q.Where(x => x.Name == kind);
        }

        var rows = await q.ToListAsync(cancellationToken);
        var byKind = ActivityStatistics.ByKind(rows.Select(r => (r.Id, (string?)r.Code, r.HeldOn)), first, last);
        return [.. All.Select(d => d.Key == "activities.total"
            ? MetricValue.Count(d, byKind.Values.SelectMany(v => v))
            : MetricValue.Count(d, byKind[d.Key["activities.kind.".Length..]]))];
    }

    private static MetricDefinition[] Build()
    {
        var list = new List<MetricDefinition>
        {
            new("activities.total", "活动总数", Area.Activities, MetricUnit.Count, "统计期间内举办的各类活动（按活动日期）", Records) { UnitLabel = "次" },
        };
        foreach (var k in ActivityKind.BuiltIn)
        {
            list.Add(new MetricDefinition(KeyOf(k.Code!), k.Name, Area.Activities, MetricUnit.Count, $"统计期间内类型为“{k.Name}”的活动（按活动日期）", Records)
            {
                UnitLabel = k.Code is "instruction" ? "件" : "次",
            });
        }

        list.Add(new MetricDefinition(KeyOf(ActivityStatistics.OtherKinds), "其他类型", Area.Activities, MetricUnit.Count,
            "统计期间内管理员增设类型的活动（按活动日期）；按类型筛选可得各类型数", Records) { UnitLabel = "次" });
        return [.. list];
    }
}

/// <summary>
/// The selection figures (评选活动): candidates and selected ones of the selections held in the period, and the
/// share selected; the records behind them are the candidates.
/// </summary>
public sealed class SelectionMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private const string Records = "评选候选项目";

    private static readonly MetricDefinition Candidates = new("activities.selection_candidates", "评选候选项目", Area.Activities, MetricUnit.Count,
        "统计期间内举办的评选活动的候选项目（按活动日期）", Records) { UnitLabel = "个" };

    private static readonly MetricDefinition Selected = new("activities.selection_selected", "评选入选项目", Area.Activities, MetricUnit.Count,
        "评选候选项目中入选的项目", Records) { UnitLabel = "个" };

    private static readonly MetricDefinition Rate = new("activities.selection_rate", "入选率", Area.Activities, MetricUnit.Percent,
        "入选项目 ÷ 候选项目", Records) { NumeratorKey = Selected.Key, DenominatorKey = Candidates.Key };

    public Area Area => Area.Activities;

    public string ListPath => "activities/candidates";

    public IReadOnlyList<MetricDefinition> Definitions { get; } = [Candidates, Selected, Rate];

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = (query.Period.From, query.Period.To);
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.SelectionCandidates.AsNoTracking()
                          join a in db.Activities on c.ActivityId equals a.Id
                          where unitIds.Contains(a.UnitId) && a.HeldOn >= first && a.HeldOn <= last
                          select new { c.Id, c.Selected }).ToListAsync(cancellationToken);
        var candidates = MetricValue.Count(Candidates, rows.Select(r => r.Id));
        var selected = MetricValue.Count(Selected, rows.Where(r => r.Selected).Select(r => r.Id));
        return [candidates, selected, MetricValue.Rate(Rate, selected, candidates)];
    }
}
