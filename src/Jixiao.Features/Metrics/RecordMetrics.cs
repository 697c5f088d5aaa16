using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;

namespace Jixiao.Features.Metrics;

/// <summary>
/// The figures of a register whose counts each test one record: a count is the records a rule accepts, a rate
/// the quotient of two counts. Sources of simple registers define their figures with it and evaluate them over
/// the records they load for a query.
/// </summary>
/// <typeparam name="T">The record the rules read.</typeparam>
public sealed class RecordMetrics<T>(Area area, string prefix, string records, Func<T, int> id)
{
    private readonly List<(MetricDefinition Definition, Func<T, MetricPeriod, bool>? Counts, Func<T, int>? Amount)> figures = [];

    public IReadOnlyList<MetricDefinition> Definitions => [.. figures.Select(f => f.Definition)];

    /// <summary>A count: the records <paramref name="counts"/> accepts for the period.</summary>
    public MetricDefinition Count(string key, string name, string definition, Func<T, MetricPeriod, bool> counts, string unitLabel = "件")
    {
        var d = new MetricDefinition($"{prefix}.{key}", name, area, MetricUnit.Count, definition, records) { UnitLabel = unitLabel };
        figures.Add((d, counts, null));
        return d;
    }

    /// <summary>
    /// A total of an amount held by the records (e.g. cases handled under an item): the value is the sum over the
    /// records <paramref name="counts"/> accepts, and those records are behind it.
    /// </summary>
    public MetricDefinition Sum(string key, string name, string definition, Func<T, MetricPeriod, bool> counts, Func<T, int> amount, string unitLabel = "件")
    {
        var d = new MetricDefinition($"{prefix}.{key}", name, area, MetricUnit.Count, definition, records) { UnitLabel = unitLabel };
        figures.Add((d, counts, amount));
        return d;
    }

    /// <summary>A rate of two counts defined before.</summary>
    public MetricDefinition Rate(string key, string name, string definition, MetricDefinition numerator, MetricDefinition denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        var d = new MetricDefinition($"{prefix}.{key}", name, area, MetricUnit.Percent, definition, records)
        {
            NumeratorKey = numerator.Key,
            DenominatorKey = denominator.Key,
        };
        figures.Add((d, null, null));
        return d;
    }

    /// <summary>Every figure over the records, in the order defined.</summary>
    public IReadOnlyList<MetricValue> Evaluate(IReadOnlyCollection<T> items, MetricPeriod period)
    {
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var (d, counts, amount) in figures.Where(f => f.Counts is not null))
        {
            var accepted = items.Where(r => counts!(r, period)).ToList();
            var value = MetricValue.Count(d, accepted.Select(id));
            values[d.Key] = amount is null ? value : value with { Value = accepted.Sum(amount) };
        }

        foreach (var (d, _, _) in figures.Where(f => f.Counts is null))
        {
            values[d.Key] = MetricValue.Rate(d, values[d.NumeratorKey!], values[d.DenominatorKey!]);
        }

        return [.. figures.Select(f => values[f.Definition.Key])];
    }
}
