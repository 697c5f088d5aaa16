using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Features.Metrics;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Rectification;

/// <summary>
/// The rectification figures: problems found in the period (by date found), those of them rectified (已整改 or 已验收)
/// and the rectification rate (整改率 = 已整改 ÷ 发现), in all and per source; those still pending and overdue today.
/// </summary>
public sealed class RectificationMetrics(IDbContextFactory<JixiaoDbContext> dbFactory, TimeProvider clock) : IMetricSource
{
    private const string Records = "整改事项";

    private static readonly MetricDefinition[] All = Build();

    public Area Area => Area.Rectification;

    public string ListPath => "rectification";

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public static string KeyOf(RectificationSource source) => "rectification.source." + Snake(source.ToString());

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last) = (query.Period.From, query.Period.To);
        var unitIds = query.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.RectificationItems.AsNoTracking()
            .Where(r => unitIds.Contains(r.UnitId) && r.FoundOn >= first && r.FoundOn <= last)
            .Select(r => new { r.Id, r.Source, r.Status, r.Deadline, r.FoundOn }).ToListAsync(cancellationToken);
        var today = clock.Today();
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        void Group(string prefix, IEnumerable<(int Id, RectificationStatus Status)> group)
        {
            var list = group.ToList();
            var found = MetricValue.Count(Find(prefix + ".found"), list.Select(i => i.Id));
            var rectified = MetricValue.Count(Find(prefix + ".rectified"), list.Where(i => RectificationRules.IsRectified(i.Status)).Select(i => i.Id));
            values[found.Key] = found;
            values[rectified.Key] = rectified;
            values[prefix + ".rate"] = MetricValue.Rate(Find(prefix + ".rate"), rectified, found);
        }

        Group("rectification", items.Select(i => (i.Id, i.Status)));
        values["rectification.pending"] = MetricValue.Count(Find("rectification.pending"), items.Where(i => RectificationRules.IsPending(i.Status)).Select(i => i.Id));
        values["rectification.overdue"] = MetricValue.Count(Find("rectification.overdue"), items.Where(i => RectificationRules.IsOverdue(i.Status, i.Deadline, today)).Select(i => i.Id));
        foreach (var source in Enum.GetValues<RectificationSource>())
        {
            Group(KeyOf(source), items.Where(i => i.Source == source).Select(i => (i.Id, i.Status)));
        }

        return [.. All.Select(d => values[d.Key])];
    }

    private static MetricDefinition Find(string key) => All.First(d => d.Key == key);

    private static MetricDefinition[] Build()
    {
        var list = new List<MetricDefinition>();
        void Group(string prefix, string name, string scope)
        {
            var found = new MetricDefinition(prefix + ".found", name + "发现问题", Area.Rectification, MetricUnit.Count,
                $"统计期间内发现的{scope}问题（按发现日期）", Records) { UnitLabel = "个" };
            var rectified = new MetricDefinition(prefix + ".rectified", name + "已整改", Area.Rectification, MetricUnit.Count,
                $"统计期间内发现的{scope}问题中已整改（含已验收）的", Records) { UnitLabel = "个" };
            list.Add(found);
            list.Add(rectified);
            list.Add(new MetricDefinition(prefix + ".rate", name + "整改率", Area.Rectification, MetricUnit.Percent,
                $"已整改 ÷ 发现问题（{(scope.Length == 0 ? "全部来源" : scope)}）", Records) { NumeratorKey = rectified.Key, DenominatorKey = found.Key });
        }

        Group("rectification", string.Empty, string.Empty);
        list.Add(new MetricDefinition("rectification.pending", "未整改", Area.Rectification, MetricUnit.Count,
            "统计期间内发现、尚未整改完成（待整改、整改中）的问题", Records) { UnitLabel = "个" });
        list.Add(new MetricDefinition("rectification.overdue", "逾期未整改", Area.Rectification, MetricUnit.Count,
            "统计期间内发现、尚未整改完成且已过整改期限（截至今日）的问题", Records) { UnitLabel = "个" });
        foreach (var source in Enum.GetValues<RectificationSource>())
        {
            Group(KeyOf(source), RectificationRules.Name(source), $"来源为“{RectificationRules.Name(source)}”的");
        }

        return [.. list];
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
