using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Performance;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Performance;

/// <summary>The value an indicator takes from its metric, as shown beside the indicator, with the link to its records.</summary>
public sealed record IndicatorFeed(int IndicatorId, string IndicatorName, string Key, string MetricName, MetricScope Scope, MetricPeriod Period,
    decimal? Value, string Display, IReadOnlyList<int> RecordIds, string? DrillDown, string? Error)
{
    public string ScopeName => Scope == MetricScope.Tree ? "含下级" : "本级";
}

/// <summary>A metric's value as frozen at submission, with the ids of the records behind it.</summary>
public sealed record FrozenMetric(int IndicatorId, string IndicatorName, string Key, string Name, MetricScope Scope, DateOnly From, DateOnly To,
    decimal? Value, string Display, IReadOnlyList<int> RecordIds);

/// <summary>
/// A generated sentence of part 三 as it is in the report: the area, the unit's scope and period it was rendered for, the
/// template, the text (possibly edited), and the figures it was rendered with (kept at submission).
/// </summary>
public sealed record FigureSentence(string Area, MetricScope Scope, DateOnly From, DateOnly To, string Template, string Text,
    IReadOnlyList<Domain.Reports.SentenceFigure>? Figures);

/// <summary>What a submitted evaluation keeps (提交时冻结): budget, metric values and records, profile version, report sentences.</summary>
public sealed record FrozenSnapshot(ProjectBudget Budget, IReadOnlyList<FrozenMetric> Metrics, string ProfileName, int ProfileVersion,
    IReadOnlyList<FigureSentence> Sentences);

/// <summary>A figure whose live value differs from the one frozen at submission (提交后台账已变化).</summary>
public sealed record FigureChange(string What, string Frozen, string Live, string? DrillDown);

/// <summary>
/// The figures an evaluation is scored and reported with: live (budget and metric values as the ledgers are now)
/// while it is editable, frozen from submission until it is returned, with the changes the ledgers have seen since.
/// </summary>
public sealed record EvaluationFigures(bool Frozen, ProjectBudget Budget, IReadOnlyList<IndicatorFeed> Feeds, IReadOnlyList<FigureChange> Changes,
    IReadOnlyList<FigureSentence>? FrozenSentences)
{
    /// <summary>The value an indicator takes from its metric, null when it has none (or none is available).</summary>
    public decimal? ValueOf(int indicatorId) => Feeds.FirstOrDefault(f => f.IndicatorId == indicatorId)?.Value;

    public IndicatorFeed? FeedOf(int indicatorId) => Feeds.FirstOrDefault(f => f.IndicatorId == indicatorId);
}

/// <summary>Builds <see cref="EvaluationFigures"/> from the metrics catalogue or from a frozen snapshot.</summary>
public sealed class EvaluationFiguresLoader(MetricCatalogue catalogue, CurrentUser user)
{
    /// <summary>The figures of a project's evaluation (frozen ones once submitted).</summary>
    /// <remarks>
    /// With <paramref name="compareWithLive"/> false a submitted evaluation's figures are read from its snapshot only,
    /// without the changes since submission and the drill-down links (the documents need neither, and evaluating every
    /// metric again is most of a document's cost).
    /// </remarks>
    public async Task<EvaluationFigures> LoadAsync(Project project, SelfEvaluation? evaluation, string unitCode, CancellationToken cancellationToken,
        bool compareWithLive = true)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (evaluation?.FrozenFigures is not { } json)
        {
            return new EvaluationFigures(false, project.Budget, await LiveAsync(project, unitCode, cancellationToken), [], null);
        }

        var snapshot = Read(json);
        var feeds = snapshot.Metrics.Select(m => new IndicatorFeed(m.IndicatorId, m.IndicatorName, m.Key, m.Name, m.Scope, new MetricPeriod(m.From, m.To),
            m.Value, m.Display, m.RecordIds, null, null)).ToList();
        if (!compareWithLive)
        {
            return new EvaluationFigures(true, snapshot.Budget, feeds, [], snapshot.Sentences);
        }

        var changes = new List<FigureChange>();
        var live = await LiveAsync(project, unitCode, cancellationToken);
        foreach (var frozen in feeds)
        {
            var now = live.FirstOrDefault(l => l.Key == frozen.Key && l.Scope == frozen.Scope && l.Period == frozen.Period);
            if (now is { Error: null } && now.Value != frozen.Value)
            {
                changes.Add(new FigureChange($"{frozen.IndicatorName}（{frozen.MetricName}）", frozen.Display, now.Display, now.DrillDown));
            }
        }

        var (was, @is) = (snapshot.Budget.Figures().Total, project.Budget.Figures().Total);
        if (was.FullYear != @is.FullYear)
        {
            changes.Add(new FigureChange("全年预算数（元）", Money(was.FullYear), Money(@is.FullYear), null));
        }

        if (was.Executed != @is.Executed)
        {
            changes.Add(new FigureChange("全年执行数（元）", Money(was.Executed), Money(@is.Executed), null));
        }

        return new EvaluationFigures(true, snapshot.Budget,
            [.. feeds.Select(f => f with { DrillDown = live.FirstOrDefault(l => l.IndicatorId == f.IndicatorId)?.DrillDown })], changes, snapshot.Sentences);
    }

    /// <summary>The values of the project's indicators fed by metrics, as the ledgers are now.</summary>
    public async Task<IReadOnlyList<IndicatorFeed>> LiveAsync(Project project, string unitCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var feeds = new List<IndicatorFeed>();
        // Indicators fed by figures of the same area, scope and period share one evaluation of the area.
        var sets = new Dictionary<(Domain.Organization.Area, MetricScope, MetricPeriod), MetricSet>();
        foreach (var indicator in project.Indicators.OrderBy(i => i.SortOrder))
        {
            if (indicator.Metric is not { } metric)
            {
                continue;
            }

            if (!catalogue.Exists(metric.Key))
            {
                feeds.Add(new IndicatorFeed(indicator.Id, indicator.Name, metric.Key, metric.Key, metric.Scope, metric.Period, null, "—", [], null,
                    $"统计指标“{metric.Key}”已不在指标目录中，请重新选择或手工填写。"));
                continue;
            }

            var definition = catalogue.Find(metric.Key);
            if (!user.MayRead(definition.Area))
            {
                feeds.Add(new IndicatorFeed(indicator.Id, indicator.Name, metric.Key, definition.Name, metric.Scope, metric.Period, null, "—", [], null,
                    $"您无权查看“{Domain.Organization.Roles.AreaName(definition.Area)}”的统计。"));
                continue;
            }

            var memoKey = (metric.Key, unitCode, metric.Scope, metric.Period);
            if (memo is null || !memo.TryGetValue(memoKey, out var value))
            {
                if (!sets.TryGetValue((definition.Area, metric.Scope, metric.Period), out var set))
                {
                    set = await catalogue.EvaluateAsync(definition.Area, unitCode, metric.Scope, metric.Period, null, cancellationToken);
                    sets[(definition.Area, metric.Scope, metric.Period)] = set;
                }

                value = set[metric.Key];
                memo?.TryAdd(memoKey, value);
            }

            feeds.Add(new IndicatorFeed(indicator.Id, indicator.Name, metric.Key, definition.Name, metric.Scope, metric.Period, value.Value, value.Display,
                value.RecordIds, catalogue.DrillDown(metric.Key, unitCode, metric.Scope, metric.Period), null));
        }

        return feeds;
    }

    private System.Collections.Concurrent.ConcurrentDictionary<(string, string, MetricScope, MetricPeriod), MetricValue>? memo;

    /// <summary>
    /// Keeps each metric value this loader evaluates (per metric, unit, scope and period) until the returned handle is
    /// disposed: a batch computes the projects of a chunk with one evaluation of each figure they share.
    /// </summary>
    public IDisposable RememberMetricValues()
    {
        memo = new();
        return new Forget(this);
    }

    private sealed class Forget(EvaluationFiguresLoader loader) : IDisposable
    {
        public void Dispose() => loader.memo = null;
    }

    /// <summary>The snapshot to store at submission.</summary>
    public static string Freeze(Project project, EvaluationFigures figures, string profileName, int profileVersion, IReadOnlyList<FigureSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(figures);
        var problem = figures.Feeds.FirstOrDefault(f => f.Error is not null && project.FindIndicator(f.IndicatorId).FedByMetric);
        if (problem is not null)
        {
            throw new DomainException($"指标“{problem.IndicatorName}”的统计值不能取得，不能提交：{problem.Error}");
        }

        var metrics = figures.Feeds.Select(f => new FrozenMetric(f.IndicatorId, f.IndicatorName, f.Key, f.MetricName, f.Scope, f.Period.From, f.Period.To,
            f.Value, f.Display, f.RecordIds)).ToList();
        return JsonSerializer.Serialize(new FrozenSnapshot(figures.Budget, metrics, profileName, profileVersion, sentences), ScoringProfileStore.Json);
    }

    public static FrozenSnapshot Read(string json) =>
        JsonSerializer.Deserialize<FrozenSnapshot>(json, ScoringProfileStore.Json) ?? throw new InvalidOperationException("Empty frozen snapshot.");

    private static string Money(decimal yuan) => yuan.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
