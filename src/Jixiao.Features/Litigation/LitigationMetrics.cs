using Jixiao.Domain;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Litigation;

/// <summary>
/// The litigation figures of casework-rules.md as metrics of the catalogue: first-instance cases concluded in the period
/// (carried-over cases included) by outcome group with shares, the agency-changed rate (败诉率), hearings of both
/// instances and the head-appearance rate (负责人出庭应诉率).
/// </summary>
/// <remarks>
/// The shares come from <see cref="FirstInstanceStatistics.Compute"/> and the rate from <see cref="HeadAppearance.Rate(int, int)"/>.
/// Cases are read by (UnitId, ConcludedOn) and (UnitId, FiledOn), hearings by (UnitId, HeldOn), so a unit-year stays fast in a
/// large register. A hearing figure's records are the cases the hearings belong to. Filter: <c>defendant</c> (被告), exact name.
/// </remarks>
public sealed class LitigationMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private const string Cases = "行政应诉案件";

    private static readonly MetricDefinition[] All = Build();

    public Area Area => Area.Litigation;

    public string ListPath => "litigation/cases";

    /// <summary>Litigation figures are reported for the whole city (全市行政应诉), so they default to 含下级.</summary>
    public MetricScope DefaultScope => MetricScope.Tree;

    public IReadOnlyDictionary<string, string> SupportedFilters { get; } = new Dictionary<string, string> { ["defendant"] = "被告" };

    public IReadOnlyList<MetricDefinition> Definitions => All;

    public static string KeyOf(FirstInstanceGroup group) => group == FirstInstanceGroup.AgencyChanged ? "litigation.outcome.agency_changed" : "litigation.outcome." + group switch
    {
        FirstInstanceGroup.ClaimDismissed => "claim_dismissed",
        FirstInstanceGroup.Ruling => "ruling",
        FirstInstanceGroup.Mediated => "mediated",
        FirstInstanceGroup.CompensationDismissed => "compensation_dismissed",
        _ => "other",
    };

    public static string ShareKeyOf(FirstInstanceGroup group) => group == FirstInstanceGroup.AgencyChanged ? "litigation.agency_changed_rate" : KeyOf(group) + "_share";

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (cases, hearings) = await FactsAsync(query, cancellationToken);
        return Values(cases, hearings, query.Period);
    }

    /// <summary>
    /// The figures split by defendant agency (<c>defendant</c>) or by unit (<c>unit</c>): one row per name with the values
    /// of <paramref name="keys"/>, ordered by the first key's value, largest first.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, IReadOnlyList<MetricValue> Values)>> BreakdownAsync(
        MetricQuery query, string dimension, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        var (cases, hearings) = await FactsAsync(query, cancellationToken);
        Dictionary<int, string> names;
        switch (dimension)
        {
            case "defendant":
                names = cases.ToDictionary(c => c.Id, c => c.Defendant);
                break;
            case "unit":
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    var units = await db.Units.AsNoTracking().Where(u => query.UnitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
                    names = cases.ToDictionary(c => c.Id, c => units.GetValueOrDefault(c.UnitId, c.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                break;
            default:
                throw new DomainException($"不能按“{dimension}”分组统计，可选：defendant（被告）、unit（单位）。");
        }

        // Hearings by the name of their case, looked up once: a province has thousands of defendants.
        var hearingsOf = hearings.ToLookup(h => names[h.CaseId], StringComparer.Ordinal);
        return [.. cases.GroupBy(c => names[c.Id])
            .Select(g =>
            {
                var values = Values([.. g], [.. hearingsOf[g.Key]], query.Period);
                return (Name: g.Key, Values: (IReadOnlyList<MetricValue>)[.. keys.Select(k => values.First(v => v.Key == k))]);
            })
            .OrderByDescending(r => r.Values[0].Value ?? 0).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private sealed record CaseFact(int Id, int UnitId, string Defendant, LitigationInstance Instance, DateOnly FiledOn, FirstInstanceOutcome? Outcome, DateOnly? ConcludedOn);

    private sealed record HearingFact(int CaseId, LitigationInstance Instance, bool HeadAppeared);

    private async Task<(List<CaseFact> Cases, List<HearingFact> Hearings)> FactsAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.Period.From, query.Period.To);
        var unitIds = query.UnitIds.ToList();
        var defendant = query.Filter("defendant");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hearingRows = db.LitigationHearings.AsNoTracking().Where(h => unitIds.Contains(h.UnitId) && h.HeldOn >= from && h.HeldOn <= to);
        var caseRows = db.LitigationCases.AsNoTracking().Where(c => unitIds.Contains(c.UnitId));
        if (defendant is not null)
        {
            caseRows = caseRows.Where(c => c.Defendant == defendant);
            hearingRows = hearingRows.Where(h => db.LitigationCases.Any(c => c.Id == h.CaseId && c.Defendant == defendant));
        }

        var hearings = await hearingRows.Select(h => new HearingFact(h.CaseId, h.Instance, h.HeadAppeared)).ToListAsync(cancellationToken);
        var heardIds = hearings.Select(h => h.CaseId).Distinct().ToList();
        var cases = await caseRows
            .Where(c => (c.ConcludedOn >= from && c.ConcludedOn <= to) || (c.FiledOn >= from && c.FiledOn <= to))
            .Select(c => new CaseFact(c.Id, c.UnitId, c.Defendant, c.Instance, c.FiledOn, c.Outcome, c.ConcludedOn))
            .ToListAsync(cancellationToken);
        var known = cases.Select(c => c.Id).ToHashSet();
        var missing = heardIds.Where(id => !known.Contains(id)).ToList();
        foreach (var chunk in missing.Chunk(2000))
        {
            cases.AddRange(await db.LitigationCases.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new CaseFact(c.Id, c.UnitId, c.Defendant, c.Instance, c.FiledOn, c.Outcome, c.ConcludedOn)).ToListAsync(cancellationToken));
        }

        return (cases, hearings);
    }

    private static List<MetricValue> Values(List<CaseFact> cases, List<HearingFact> hearings, MetricPeriod period)
    {
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        var concluded = cases.Where(c => c.Instance == LitigationInstance.First && c.Outcome is not null && period.Contains(c.ConcludedOn)).ToList();
        var stats = FirstInstanceStatistics.Compute(concluded.Select(c => c.Outcome!.Value));
        values["litigation.filed"] = MetricValue.Count(Find("litigation.filed"), cases.Where(c => period.Contains(c.FiledOn)).Select(c => c.Id));
        values["litigation.first_instance_concluded"] = MetricValue.Count(Find("litigation.first_instance_concluded"), concluded.Select(c => c.Id));
        values["litigation.carried_over"] = MetricValue.Count(Find("litigation.carried_over"), concluded.Where(c => c.FiledOn < period.From).Select(c => c.Id));
        foreach (var g in Enum.GetValues<FirstInstanceGroup>())
        {
            var v = MetricValue.Count(Find(KeyOf(g)), concluded.Where(c => LitigationOutcomes.Group(c.Outcome!.Value) == g).Select(c => c.Id));
            if (v.Value != stats[g].Count)
            {
                throw new InvalidOperationException($"Litigation group {g} counted {v.Value}, statistics {stats[g].Count}.");
            }

            values[KeyOf(g)] = v;
        }

        var headHearings = hearings.Where(h => h.HeadAppeared).ToList();
        _ = HeadAppearance.Rate(hearings.Count, headHearings.Count);
        values["litigation.hearings"] = new MetricValue(Find("litigation.hearings"), hearings.Count, null, null, [.. hearings.Select(h => h.CaseId).Distinct().Order()]);
        values["litigation.head_appearances"] = new MetricValue(Find("litigation.head_appearances"), headHearings.Count, null, null, [.. headHearings.Select(h => h.CaseId).Distinct().Order()]);
        var second = hearings.Where(h => h.Instance == LitigationInstance.Second).ToList();
        values["litigation.second_instance_hearings"] = new MetricValue(Find("litigation.second_instance_hearings"), second.Count, null, null, [.. second.Select(h => h.CaseId).Distinct().Order()]);
        foreach (var d in All.Where(d => d.Unit == MetricUnit.Percent))
        {
            values[d.Key] = MetricValue.Rate(d, values[d.NumeratorKey!], values[d.DenominatorKey!]);
        }

        return [.. All.Select(d => values[d.Key])];
    }

    private static MetricDefinition Find(string key) => All.First(d => d.Key == key);

    /// <summary>
    /// The figures of whole-month periods counted in the database: cases filed by day; first-instance cases concluded
    /// by day, outcome and month of filing (for 其中上年结转, which needs whole months); hearings by day, instance and
    /// whether the head appeared. The outcome shares still come from <see cref="FirstInstanceStatistics.Compute"/>.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<MetricValue>>> SummarizeAsync(MetricQuery query, IReadOnlyList<MetricPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0 || !periods.All(p => p.IsWholeMonths))
        {
            return await MetricSources.EachPeriodAsync(this, query, periods, cancellationToken);
        }

        var from = periods.Min(p => p.From);
        var to = periods.Max(p => p.To);
        var unitIds = query.UnitIds.ToList();
        var defendant = query.Filter("defendant");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.LitigationCases.AsNoTracking().Where(c => unitIds.Contains(c.UnitId));
        var hearingRows = db.LitigationHearings.AsNoTracking().Where(h => unitIds.Contains(h.UnitId) && h.HeldOn >= from && h.HeldOn <= to);
        if (defendant is not null)
        {
            cases = cases.Where(c => c.Defendant == defendant);
            hearingRows = hearingRows.Where(h => db.LitigationCases.Any(c => c.Id == h.CaseId && c.Defendant == defendant));
        }

        // Grouped by the day itself (no date function per row); the covering indexes serve each query.
        var filed = await cases.Where(c => c.FiledOn >= from && c.FiledOn <= to)
            .GroupBy(c => c.FiledOn)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var concluded = await cases.Where(c => c.Instance == LitigationInstance.First && c.Outcome != null && c.ConcludedOn >= from && c.ConcludedOn <= to)
            .GroupBy(c => new { c.ConcludedOn, c.Outcome, FiledYear = c.FiledOn.Year, FiledMonth = c.FiledOn.Month })
            .Select(g => new { Day = g.Key.ConcludedOn!.Value, g.Key.Outcome, g.Key.FiledYear, g.Key.FiledMonth, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var hearings = await hearingRows
            .GroupBy(h => new { h.HeldOn, h.Instance, h.HeadAppeared })
            .Select(g => new { Day = g.Key.HeldOn, g.Key.Instance, g.Key.HeadAppeared, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var sets = new List<IReadOnlyList<MetricValue>>();
        foreach (var period in periods)
        {
            var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
            var closed = concluded.Where(g => period.Contains(g.Day)).ToList();
            var stats = FirstInstanceStatistics.Compute(closed.SelectMany(g => Enumerable.Repeat(g.Outcome!.Value, g.Count)));
            values["litigation.filed"] = MetricValue.Count(Find("litigation.filed"), filed.Where(g => period.Contains(g.Day)).Sum(g => g.Count));
            values["litigation.first_instance_concluded"] = MetricValue.Count(Find("litigation.first_instance_concluded"), closed.Sum(g => g.Count));
            values["litigation.carried_over"] = MetricValue.Count(Find("litigation.carried_over"),
                closed.Where(g => new DateOnly(g.FiledYear, g.FiledMonth, 1) < period.From).Sum(g => g.Count));
            foreach (var g in Enum.GetValues<FirstInstanceGroup>())
            {
                values[KeyOf(g)] = MetricValue.Count(Find(KeyOf(g)), stats[g].Count);
            }

            var heard = hearings.Where(h => period.Contains(h.Day)).ToList();
            values["litigation.hearings"] = MetricValue.Count(Find("litigation.hearings"), heard.Sum(h => h.Count));
            values["litigation.head_appearances"] = MetricValue.Count(Find("litigation.head_appearances"), heard.Where(h => h.HeadAppeared).Sum(h => h.Count));
            values["litigation.second_instance_hearings"] = MetricValue.Count(Find("litigation.second_instance_hearings"),
                heard.Where(h => h.Instance == LitigationInstance.Second).Sum(h => h.Count));
            foreach (var d in All.Where(d => d.Unit == MetricUnit.Percent))
            {
                values[d.Key] = MetricValue.Rate(d, values[d.NumeratorKey!], values[d.DenominatorKey!]);
            }

            sets.Add([.. All.Select(d => values[d.Key])]);
        }

        return sets;
    }

    private static MetricDefinition[] Build()
    {
        var list = new List<MetricDefinition>();
        MetricDefinition Count(string key, string name, string definition, string records = Cases) =>
            Add(new MetricDefinition(key, name, Area.Litigation, MetricUnit.Count, definition, records));
        MetricDefinition Rate(string key, string name, string definition, MetricDefinition numerator, MetricDefinition denominator) =>
            Add(new MetricDefinition(key, name, Area.Litigation, MetricUnit.Percent, definition, Cases) { NumeratorKey = numerator.Key, DenominatorKey = denominator.Key });
        MetricDefinition Add(MetricDefinition d)
        {
            list.Add(d);
            return d;
        }

        Count("litigation.filed", "新收应诉案件", "统计期间内法院立案的应诉案件（一审、二审，按立案日期）");
        var concluded = Count("litigation.first_instance_concluded", "一审审结", "统计期间内一审审结的案件（按结案日期），含上年结转的案件");
        var carried = Count("litigation.carried_over", "其中上年结转", "一审审结案件中在统计期间开始前立案的案件");
        Rate("litigation.carried_over_share", "上年结转占一审审结比例", "上年结转 ÷ 一审审结", carried, concluded);
        foreach (var g in Enum.GetValues<FirstInstanceGroup>())
        {
            var name = LitigationOutcomes.GroupName(g);
            var grouped = Count(KeyOf(g), g == FirstInstanceGroup.AgencyChanged ? "行政机关败诉" : "一审-" + name, $"一审审结案件中结果为“{name}”的案件");
            Rate(ShareKeyOf(g), g == FirstInstanceGroup.AgencyChanged ? "败诉率" : name + "占一审审结比例",
                g == FirstInstanceGroup.AgencyChanged ? "（撤销＋确认违法或无效＋变更＋限期履行）÷ 一审审结" : $"{name} ÷ 一审审结", grouped, concluded);
        }

        var hearings = Count("litigation.hearings", "开庭次数（一审＋二审）", "统计期间内开庭审理的次数（按开庭日期，一审和二审），穿透列出所涉案件", "行政应诉案件（开庭次数按庭审计）");
        Count("litigation.second_instance_hearings", "其中二审开庭", "开庭次数中的二审庭审", "行政应诉案件（开庭次数按庭审计）");
        var head = Count("litigation.head_appearances", "负责人出庭应诉次数", "开庭次数中被诉行政机关负责人出庭应诉的次数", "行政应诉案件（出庭次数按庭审计）");
        Rate("litigation.head_appearance_rate", "负责人出庭应诉率", "负责人出庭应诉次数 ÷ 开庭次数（一审＋二审）", head, hearings);
        return [.. list];
    }
}
