using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Metrics;

/// <summary>
/// What a metric is evaluated for: a unit (resolved within the user's scope), the units it covers under the
/// scope, a period, and optional filters a source may support (e.g. <c>respondent</c>, <c>handler</c>).
/// </summary>
public sealed record MetricQuery(
    int UnitId, string UnitCode, string UnitName, IReadOnlyList<int> UnitIds, MetricScope Scope, MetricPeriod Period,
    IReadOnlyDictionary<string, string>? Filters = null)
{
    public string? Filter(string name) => Filters is not null && Filters.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}

/// <summary>
/// One area's figures: their definitions and one evaluation that computes all of them for a query. Each
/// figure is defined here and nowhere else; pages, the command line, indicators and reports read it
/// through <see cref="MetricCatalogue"/>.
/// </summary>
public interface IMetricSource
{
    Area Area { get; }

    /// <summary>The list page (relative URL) that shows the records of a figure when given
    /// <c>?metric=KEY&amp;unit=CODE&amp;from=…&amp;to=…&amp;scope=self|tree</c>.</summary>
    string ListPath { get; }

    /// <summary>Filters the source understands, with their Chinese names (e.g. respondent → 被申请人).</summary>
    IReadOnlyDictionary<string, string> SupportedFilters => new Dictionary<string, string>();

    IReadOnlyList<MetricDefinition> Definitions { get; }

    /// <summary>The scope the area's figures are usually reported for, used when none is given.</summary>
    MetricScope DefaultScope => MetricScope.Self;

    /// <summary>Every metric of <see cref="Definitions"/>, in the same order, with the records behind each value.</summary>
    Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every metric for each of <paramref name="periods"/> (the query's own period is ignored), as counts: the values are
    /// those of <see cref="EvaluateAsync"/>, but a source may leave <see cref="MetricValue.RecordIds"/> empty and count in
    /// the database, so that a province's statistics need no case to be loaded. The default evaluates each period.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<MetricValue>>> SummarizeAsync(MetricQuery query, IReadOnlyList<MetricPeriod> periods, CancellationToken cancellationToken) =>
        MetricSources.EachPeriodAsync(this, query, periods, cancellationToken);
}

public static class MetricSources
{
    /// <summary>Every metric of a source for each period, one <see cref="IMetricSource.EvaluateAsync"/> per period.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<MetricValue>>> EachPeriodAsync(IMetricSource source, MetricQuery query,
        IReadOnlyList<MetricPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        var sets = new List<IReadOnlyList<MetricValue>>();
        foreach (var period in periods)
        {
            sets.Add(await source.EvaluateAsync(query with { Period = period }, cancellationToken));
        }

        return sets;
    }
}

/// <summary>A year's figures and, when asked for, each month's: what a statistics page shows.</summary>
public sealed record MetricSummary(MetricSet Year, IReadOnlyList<MetricSet> Months);

/// <summary>The values of a set of metrics for one unit, scope and period.</summary>
public sealed record MetricSet(string UnitCode, string UnitName, MetricScope Scope, MetricPeriod Period, IReadOnlyList<MetricValue> Values,
    IReadOnlyDictionary<string, string>? Filters = null)
{
    public MetricValue this[string key] => Values.FirstOrDefault(v => v.Key == key)
        ?? throw new NotFoundException($"统计结果中没有指标“{key}”。");

    public string ScopeName => Scope == MetricScope.Tree ? "含下级" : "本级";
}

/// <summary>The records behind a figure, for a drill-down list.</summary>
public sealed record MetricRecords(string Caption, MetricValue Value)
{
    public IReadOnlyList<int> RecordIds => Value.RecordIds;
}

/// <summary>
/// The metrics catalogue (指标口径目录): every figure the statistics pages show, by key, with its definition,
/// and its evaluation for a unit, scope and period within the current user's data scope.
/// </summary>
public sealed class MetricCatalogue
{
    private readonly IReadOnlyList<IMetricSource> sources;
    private readonly IDbContextFactory<JixiaoDbContext> dbFactory;
    private readonly CurrentUser user;

    public MetricCatalogue(IEnumerable<IMetricSource> sources, IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
    {
        this.sources = [.. sources];
        this.dbFactory = dbFactory;
        this.user = user;
        Check(this.sources);
    }

    /// <summary>Every definition, by area in the order the sources give them.</summary>
    public IReadOnlyList<MetricDefinition> Definitions => [.. sources.OrderBy(s => s.Area).SelectMany(s => s.Definitions)];

    /// <summary>The areas that have metrics.</summary>
    public IReadOnlyList<Area> Areas => [.. sources.Select(s => s.Area).Distinct().Order()];

    public MetricDefinition Find(string key) =>
        SourceOf(key).Definitions.First(d => d.Key == key);

    public bool Exists(string key) => sources.Any(s => s.Definitions.Any(d => d.Key == key));

    /// <summary>The scope an area's figures are usually reported for (本级 unless the area says otherwise).</summary>
    public MetricScope DefaultScope(Area area) => sources.FirstOrDefault(s => s.Area == area)?.DefaultScope ?? MetricScope.Self;

    /// <summary>The filters the sources of an area understand.</summary>
    public IReadOnlyDictionary<string, string> FiltersOf(Area area) =>
        sources.Where(s => s.Area == area).SelectMany(s => s.SupportedFilters).DistinctBy(f => f.Key).ToDictionary();

    /// <summary>Every metric of an area.</summary>
    public async Task<MetricSet> EvaluateAsync(Area area, string unitCode, MetricScope scope, MetricPeriod period,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        user.Require(area);
        var query = await QueryAsync(unitCode, scope, period, filters, cancellationToken);
        var values = new List<MetricValue>();
        foreach (var source in sources.Where(s => s.Area == area))
        {
            values.AddRange(await EvaluateSourceAsync(source, query, cancellationToken));
        }

        return new MetricSet(query.UnitCode, query.UnitName, scope, period, values, filters);
    }

    /// <summary>One metric.</summary>
    public async Task<MetricValue> EvaluateAsync(string key, string unitCode, MetricScope scope, MetricPeriod period,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        var source = SourceOf(key);
        user.Require(source.Area);
        var query = await QueryAsync(unitCode, scope, period, filters, cancellationToken);
        return (await EvaluateSourceAsync(source, query, cancellationToken)).First(v => v.Key == key);
    }

    /// <summary>Every metric of an area for a period, as counts (see <see cref="SummarizeAsync(Area, string, MetricScope, int, bool, IReadOnlyDictionary{string, string}?, CancellationToken)"/>).</summary>
    public async Task<MetricSet> SummarizeAsync(Area area, string unitCode, MetricScope scope, MetricPeriod period,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        user.Require(area);
        var query = await QueryAsync(unitCode, scope, period, filters, cancellationToken);
        var values = new List<MetricValue>();
        foreach (var source in sources.Where(s => s.Area == area))
        {
            values.AddRange(Checked(source, (await source.SummarizeAsync(query, [query.Period], cancellationToken))[0]));
        }

        return new MetricSet(query.UnitCode, query.UnitName, scope, query.Period, values, filters);
    }

    /// <summary>
    /// Every metric of an area for a year and, with <paramref name="months"/>, for each of its months: the statistics
    /// pages, the dashboard and <c>jixiao stats</c>. Same values as <see cref="EvaluateAsync(Area, string, MetricScope, MetricPeriod, IReadOnlyDictionary{string, string}?, CancellationToken)"/>,
    /// counted in one pass without record ids (the drill-down lists the records), so a province's year stays fast.
    /// </summary>
    public async Task<MetricSummary> SummarizeAsync(Area area, string unitCode, MetricScope scope, int year, bool months,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        user.Require(area);
        var periods = new List<MetricPeriod> { MetricPeriod.Year(year) };
        if (months)
        {
            periods.AddRange(MetricPeriod.MonthsOf(year));
        }

        var query = await QueryAsync(unitCode, scope, periods[0], filters, cancellationToken);
        var values = periods.Select(_ => new List<MetricValue>()).ToList();
        foreach (var source in sources.Where(s => s.Area == area))
        {
            var sets = await source.SummarizeAsync(query, periods, cancellationToken);
            for (var i = 0; i < periods.Count; i++)
            {
                values[i].AddRange(Checked(source, sets[i]));
            }
        }

        var result = periods.Select((p, i) => new MetricSet(query.UnitCode, query.UnitName, scope, p, values[i], filters)).ToList();
        return new MetricSummary(result[0], result.Skip(1).ToList());
    }

    /// <summary>Resolves the unit within the user's scope and the units the scope covers, after checking the area's read right.</summary>
    public Task<MetricQuery> ResolveAsync(Area area, string unitCode, MetricScope scope, MetricPeriod period,
        IReadOnlyDictionary<string, string>? filters = null, CancellationToken cancellationToken = default)
    {
        user.Require(area);
        return QueryAsync(unitCode, scope, period, filters, cancellationToken);
    }

    /// <summary>The list page showing the records behind a value (relative URL).</summary>
    public string DrillDown(string key, string unitCode, MetricScope scope, MetricPeriod period, IReadOnlyDictionary<string, string>? filters = null)
    {
        var link = $"{SourceOf(key).ListPath}?metric={Uri.EscapeDataString(key)}&unit={Uri.EscapeDataString(unitCode)}&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}&scope={(scope == MetricScope.Tree ? "tree" : "self")}";
        foreach (var (name, value) in filters ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                link += $"&{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
            }
        }

        return link;
    }

    /// <summary>The drill-down link of a value of a set.</summary>
    public string DrillDown(MetricSet set, MetricValue value)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(value);
        return DrillDown(value.Key, set.UnitCode, set.Scope, set.Period, set.Filters);
    }

    /// <summary>
    /// The records behind a figure from a drill-down link's parameters (<c>metric, unit, from, to, scope</c> and the
    /// area's filters), with a caption such as “江门市司法局 2023年 本级 · 调撤”.
    /// </summary>
    /// <exception cref="DomainException">A parameter is missing or malformed.</exception>
    public async Task<MetricRecords> RecordsAsync(IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string Get(string name) => parameters.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw new DomainException($"统计穿透链接缺少参数“{name}”。");
        DateOnly Day(string name) => DateOnly.TryParseExact(Get(name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new DomainException($"统计穿透链接的参数“{name}”应为日期（如 2023-01-01）。");
        var key = Get("metric");
        var source = SourceOf(key);
        var scope = Get("scope") switch
        {
            "self" => MetricScope.Self,
            "tree" => MetricScope.Tree,
            _ => throw new DomainException("统计范围应为本级（self）或含下级（tree）。"),
        };
        var period = new MetricPeriod(Day("from"), Day("to")).Validated();
        var filters = parameters.Where(p => source.SupportedFilters.ContainsKey(p.Key) && !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => p.Key, p => p.Value!);
        var value = await EvaluateAsync(key, Get("unit"), scope, period, filters, cancellationToken);
        var unitName = await UnitNameAsync(Get("unit"), cancellationToken);
        var filterText = string.Concat(filters.Select(f => $" · {source.SupportedFilters[f.Key]}：{f.Value}"));
        return new MetricRecords($"{unitName} {period.Label} {(scope == MetricScope.Tree ? "含下级" : "本级")}{filterText} · {value.Definition.Name}", value);
    }

    private async Task<string> UnitNameAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? unitCode;
    }

    private IMetricSource SourceOf(string key) =>
        sources.FirstOrDefault(s => s.Definitions.Any(d => d.Key == key))
        ?? throw new NotFoundException($"指标“{key}”不在指标目录中。");

    private static async Task<IReadOnlyList<MetricValue>> EvaluateSourceAsync(IMetricSource source, MetricQuery query, CancellationToken cancellationToken)
    {
        return Checked(source, await source.EvaluateAsync(query, cancellationToken));
    }

    private static IReadOnlyList<MetricValue> Checked(IMetricSource source, IReadOnlyList<MetricValue> values)
    {
        if (values.Count != source.Definitions.Count || values.Where((v, i) => v.Key != source.Definitions[i].Key).Any())
        {
            throw new InvalidOperationException($"Metric source {source.GetType().Name} returned values that do not match its definitions.");
        }

        return values;
    }

    private async Task<MetricQuery> QueryAsync(string unitCode, MetricScope scope, MetricPeriod period,
        IReadOnlyDictionary<string, string>? filters, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new DomainException("统计范围应为本级（self）或含下级（tree）。");
        }

        period = period.Validated();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"单位“{unitCode}”不存在或不在您的数据范围内。");
        IReadOnlyList<int> unitIds = scope == MetricScope.Self
            ? [unit.Id]
            : new UnitTree(await db.Units.AsNoTracking().Select(u => new ValueTuple<int, int?>(u.Id, u.ParentId)).ToListAsync(cancellationToken)).Subtree(unit.Id);
        return new MetricQuery(unit.Id, unit.Code, unit.Name, unitIds, scope, period, filters);
    }

    /// <summary>Unique keys, valid definitions, percents whose numerator and denominator exist in the same source.</summary>
    private static void Check(IReadOnlyList<IMetricSource> sources)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var own = source.Definitions.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var d in source.Definitions)
            {
                d.Validated();
                if (!keys.Add(d.Key))
                {
                    throw new InvalidOperationException($"Metric key {d.Key} is defined twice.");
                }

                if (d.Area != source.Area)
                {
                    throw new InvalidOperationException($"Metric {d.Key} is in area {d.Area} but its source is in {source.Area}.");
                }

                if (d.Unit == MetricUnit.Percent && (!own.Contains(d.NumeratorKey!) || !own.Contains(d.DenominatorKey!)))
                {
                    throw new InvalidOperationException($"Metric {d.Key} names a numerator or denominator its source does not define.");
                }
            }
        }
    }
}
