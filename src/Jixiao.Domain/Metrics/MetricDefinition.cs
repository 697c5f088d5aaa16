using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Metrics;

/// <summary>What a metric's value measures.</summary>
public enum MetricUnit
{
    /// <summary>件、个、次、人：a number of records.</summary>
    Count = 1,

    /// <summary>%：numerator ÷ denominator × 100, two decimals, rounded half away from zero.</summary>
    Percent = 2,
}

/// <summary>本级 (the unit's own records) or 含下级 (the unit and every unit below it in the unit tree).</summary>
public enum MetricScope
{
    Self = 1,
    Tree = 2,
}

/// <summary>
/// A named figure (指标口径) of the metrics catalogue: one definition per figure in the code base. Statistics
/// pages, <c>jixiao stats</c>, indicator actuals and generated report sentences all read figures through it.
/// </summary>
/// <param name="Key">Stable dotted key, e.g. <c>reconsideration.settlement_withdrawal_rate</c>; the first part is the area.</param>
/// <param name="Name">Chinese name as shown on pages, e.g. 调撤率.</param>
/// <param name="Area">The area whose read right is needed to see it.</param>
/// <param name="Unit">Count or percent.</param>
/// <param name="Definition">The definition in words (口径), e.g. （和解＋调解＋撤回）÷ 立案受理.</param>
/// <param name="Records">Which records it counts, e.g. 行政复议案件; the drill-down lists them.</param>
public sealed partial record MetricDefinition(string Key, string Name, Area Area, MetricUnit Unit, string Definition, string Records)
{
    /// <summary>For a percent: the key of the count metric that is its numerator.</summary>
    public string? NumeratorKey { get; init; }

    /// <summary>For a percent: the key of the count metric that is its denominator.</summary>
    public string? DenominatorKey { get; init; }

    /// <summary>A key figure (关键指标) of its area: shown on the leaders' dashboard and as the area's headline.</summary>
    public bool Headline { get; init; }

    /// <summary>The measure word shown after a count (件, 个, 次, 人); % for percents.</summary>
    public string UnitLabel { get; init; } = Unit == MetricUnit.Percent ? "%" : "件";

    /// <summary>Checks the key's form and that a percent names its numerator and denominator.</summary>
    /// <exception cref="DomainException">The definition is malformed.</exception>
    public MetricDefinition Validated()
    {
        if (!KeyPattern().IsMatch(Key))
        {
            throw new DomainException($"指标键“{Key}”格式不正确：应为小写字母、数字和下划线，以点分隔，如 reconsideration.received。");
        }

        if (Unit == MetricUnit.Percent && (NumeratorKey is null || DenominatorKey is null))
        {
            throw new DomainException($"比率指标“{Key}”必须给出分子和分母。");
        }

        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Definition) || string.IsNullOrWhiteSpace(Records))
        {
            throw new DomainException($"指标“{Key}”缺少名称、口径或记录说明。");
        }

        return this;
    }

    /// <summary>The area prefix of a key: <c>reconsideration</c> of <c>reconsideration.received</c>.</summary>
    public static string Prefix(string key) => key.Split('.')[0];

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

/// <summary>A period of a statistic: both days included.</summary>
public readonly record struct MetricPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The calendar year.</summary>
    public static MetricPeriod Year(int year) => new MetricPeriod(new DateOnly(CheckYear(year), 1, 1), new DateOnly(year, 12, 31)).Validated();

    /// <summary>One month of a year.</summary>
    public static MetricPeriod Month(int year, int month)
    {
        if (month is < 1 or > 12)
        {
            throw new DomainException($"月份{month}不正确，应为 1 至 12。");
        }

        var first = new DateOnly(CheckYear(year), month, 1);
        return new MetricPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The twelve months of a year, in order.</summary>
    public static IReadOnlyList<MetricPeriod> MonthsOf(int year) => [.. Enumerable.Range(1, 12).Select(m => Month(year, m))];

    /// <summary>Whether the period starts on the first of a month and ends on the last day of a month.</summary>
    public bool IsWholeMonths => From.Day == 1 && To.AddDays(1).Day == 1;

    /// <summary>Whether the period is exactly one calendar year, and which.</summary>
    public int? WholeYear => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31) ? From.Year : null;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public bool Contains(DateOnly? day) => day is { } d && Contains(d);

    /// <summary>Refuses a period whose end is before its start.</summary>
    public MetricPeriod Validated() => To < From
        ? throw new DomainException($"统计期间结束日{To:yyyy-MM-dd}早于开始日{From:yyyy-MM-dd}。")
        : this;

    /// <summary>2023年 for a whole year, 2023年3月 for a month, otherwise 2023-01-01至2023-06-30.</summary>
    public string Label => WholeYear is { } y
        ? $"{y}年"
        : From.Day == 1 && To == From.AddMonths(1).AddDays(-1)
            ? $"{From.Year}年{From.Month}月"
            : string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}至{To:yyyy-MM-dd}");

    private static int CheckYear(int year) => year is < 1990 or > 9999 ? throw new DomainException($"年度{year}不正确。") : year;
}

/// <summary>
/// The value of a metric for a unit, scope and period, with the ids of the records behind it (for a percent,
/// the records of its numerator).
/// </summary>
public sealed record MetricValue(MetricDefinition Definition, decimal? Value, int? Numerator, int? Denominator, IReadOnlyList<int> RecordIds)
{
    public string Key => Definition.Key;

    /// <summary>A count metric: its value is the number of records.</summary>
    public static MetricValue Count(MetricDefinition definition, IEnumerable<int> recordIds)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var ids = recordIds.Distinct().Order().ToList();
        return new MetricValue(definition, ids.Count, null, null, ids);
    }

    /// <summary>
    /// A count metric counted without listing its records (statistics pages at any scale): <see cref="RecordIds"/> is
    /// empty, and the drill-down lists the records when asked.
    /// </summary>
    public static MetricValue Count(MetricDefinition definition, int count)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new MetricValue(definition, count, null, null, []);
    }

    /// <summary>Whether there are records behind the value to drill down to (a count above 0, a rate's numerator above 0).</summary>
    public bool HasRecords => Definition.Unit == MetricUnit.Percent ? Numerator > 0 : Value > 0;

    /// <summary>A percent metric from its numerator and denominator values; no value when the denominator is 0.</summary>
    public static MetricValue Rate(MetricDefinition definition, MetricValue numerator, MetricValue denominator)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        var n = (int)(numerator.Value ?? 0);
        var d = (int)(denominator.Value ?? 0);
        return new MetricValue(definition, Reconsideration.Percent.Of(n, d), n, d, numerator.RecordIds);
    }

    /// <summary>The value as shown: 190 for a count, 34.81% for a percent, — when there is none.</summary>
    public string Display => Value is not { } v
        ? "—"
        : Definition.Unit == MetricUnit.Percent
            ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%"
            : v.ToString("0", CultureInfo.InvariantCulture);
}
