using System.Linq.Expressions;
using System.Text;
using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The reconsideration figures (实时动态分析) of casework-rules.md as metrics of the catalogue: counts and rates
/// with the cases behind each.
/// </summary>
/// <remarks>
/// The counting rules live in <see cref="ReconsiderationStatistics.Compute"/> alone: the figures are computed over
/// all cases, and the cases behind a figure are those for which the same computation over the one case counts it.
/// Cases are read by (UnitId, ReceivedOn) and (UnitId, ClosedOn), so a unit-year stays fast in a large register.
/// Filters: <c>respondent</c> (被申请人) and <c>handler</c> (承办人), each by exact name.
/// </remarks>
public sealed class ReconsiderationMetrics(IDbContextFactory<JixiaoDbContext> dbFactory, WorkdayCalendarProvider calendar) : IMetricSource
{
    private const string Cases = "行政复议案件";

    /// <summary>The handler filter's value for cases nobody has been assigned.</summary>
    public const string Unassigned = "（未分配）";

    private static readonly MetricDefinition[] All = Build();

    public Area Area => Area.Reconsideration;

    public string ListPath => "reconsideration/cases";

    public IReadOnlyDictionary<string, string> SupportedFilters { get; } = new Dictionary<string, string>
    {
        ["respondent"] = "被申请人",
        ["handler"] = "承办人",
    };

    public IReadOnlyList<MetricDefinition> Definitions => All;

    /// <summary>The metric key of a category, e.g. <c>reconsideration.matter.administrative_penalty</c>.</summary>
    public static string KeyOf(string group, Enum value) => "reconsideration." + Part(group, value);

    private static string Part(string group, Enum value) => $"{group}.{Snake(value.ToString())}";

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cases = await CasesAsync(query, cancellationToken);
        return Values(cases, query.Period);
    }

    /// <summary>
    /// The figures split by respondent (被申请人) or handler (承办人): one row per name with the values of
    /// <paramref name="keys"/>, the rows ordered by the first key's value, largest first.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, IReadOnlyList<MetricValue> Values)>> BreakdownAsync(
        MetricQuery query, string dimension, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        var groups = await GroupsAsync(query, query.Period.From, query.Period.To, dimension, cancellationToken);
        return [.. groups.GroupBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Values: Selected(Counted(g, query.Period), keys)))
            .OrderByDescending(r => r.Values[0].Value ?? 0).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<MetricValue> Selected(IEnumerable<MetricValue> values, IReadOnlyList<string> keys) =>
        [.. values.Where(v => keys.Contains(v.Key)).OrderBy(v => keys.ToList().IndexOf(v.Key))];

    private async Task<List<ReconsiderationCase>> CasesAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.Period.From, query.Period.To);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Scoped(db, query).Include(c => c.Suspensions)
            .Where(c => (c.ReceivedOn >= from && c.ReceivedOn <= to) || (c.ClosedOn >= from && c.ClosedOn <= to))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The cases of the query's units, with its respondent and handler filters.</summary>
    private static IQueryable<ReconsiderationCase> Scoped(JixiaoDbContext db, MetricQuery query)
    {
        var unitIds = query.UnitIds.ToList();
        var q = db.ReconsiderationCases.AsNoTracking().Where(c => unitIds.Contains(c.UnitId));
        if (query.Filter("respondent") is { } respondent)
        {
            q = q.Where(c => c.RespondentName == respondent);
        }

        if (query.Filter("handler") is { } handler)
        {
            q = handler == Unassigned ? q.Where(c => c.HandlerName == null) : q.Where(c => c.HandlerName == handler);
        }

        return q;
    }

    /// <summary>
    /// The figures counted in the database (see <see cref="GroupsAsync"/>); the groups pass through
    /// the same rules (<see cref="ReconsiderationStatistics.ComputeGrouped"/>) as single cases do, so both paths count alike.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<MetricValue>>> SummarizeAsync(MetricQuery query, IReadOnlyList<MetricPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        var groups = await GroupsAsync(query, periods.Min(p => p.From), periods.Max(p => p.To), null, cancellationToken);
        return [.. periods.Select(p => Counted(groups, p))];
    }

    private sealed record CaseGroup(string Name, DateOnly Day, CaseFacts Facts, int Count, bool Unknown);

    /// <summary>
    /// The cases of <paramref name="from"/>–<paramref name="to"/> as groups: received applications grouped by day and by
    /// every attribute a figure splits them by; closed cases grouped by day and outcome; and, with a
    /// <paramref name="dimension"/>, by respondent or handler too. Whether a closed case kept its deadline is worked out
    /// case by case only when it closed after the bare statutory period plus its extension (60 days, 30 in summary
    /// procedure, from acceptance): suspensions and the move to the next working day only lengthen it, so a case
    /// closed within it was on time. The (UnitId, ReceivedOn, …) and (UnitId, ClosedOn, …) indexes cover the two
    /// grouping queries, and the three queries run at once, each on its own connection.
    /// </summary>
    private async Task<List<CaseGroup>> GroupsAsync(MetricQuery query, DateOnly from, DateOnly to, string? dimension, CancellationToken cancellationToken)
    {
        var mode = dimension switch
        {
            null => 0,
            "respondent" => 1,
            "handler" => 2,
            _ => throw new DomainException($"不能按“{dimension}”分组统计，可选：respondent（被申请人）、handler（承办人）。"),
        };
        string NameOf(string? name) => mode == 0 ? string.Empty : name ?? Unassigned;
        Expression<Func<ReconsiderationCase, bool>> closedInPeriod = c => c.EndedBeforeAcceptanceAs == null && c.Outcome != null && c.ClosedOn >= from && c.ClosedOn <= to;
        Expression<Func<ReconsiderationCase, bool>> withinBarePeriod = c => c.AcceptedOn == null
            || c.ClosedOn <= c.AcceptedOn.Value.AddDays((c.Procedure == Procedure.Summary ? 30 : 60) + c.ExtensionDays);
        var beyondBarePeriod = Expression.Lambda<Func<ReconsiderationCase, bool>>(Expression.Not(withinBarePeriod.Body), withinBarePeriod.Parameters);

        // On a thread of its own: SQLite's "async" commands complete synchronously, so awaiting them would run one by one.
        Task<List<T>> Run<T>(Func<IQueryable<ReconsiderationCase>, Task<List<T>>> read) => Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await read(Scoped(db, query));
        }, cancellationToken);

        var receivedTask = Run(cases => cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
            .GroupBy(c => new { Name = mode == 0 ? null : mode == 1 ? c.RespondentName : c.HandlerName, c.ReceivedOn, c.Matter, c.Channel, c.EndedBeforeAcceptanceAs, c.EnterpriseRelated })
            .Select(g => new { g.Key.Name, Day = g.Key.ReceivedOn, g.Key.Matter, g.Key.Channel, g.Key.EndedBeforeAcceptanceAs, g.Key.EnterpriseRelated, Count = g.Count() })
            .ToListAsync(cancellationToken));
        var onTimeTask = Run(cases => cases.Where(closedInPeriod).Where(withinBarePeriod)
            .GroupBy(c => new { Name = mode == 0 ? null : mode == 1 ? c.RespondentName : c.HandlerName, c.ClosedOn, c.Outcome })
            .Select(g => new { g.Key.Name, Day = g.Key.ClosedOn!.Value, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken));
        var doubtfulTask = Run(cases => cases.Where(closedInPeriod).Where(beyondBarePeriod)
            .Include(c => c.Suspensions).AsSplitQuery().ToListAsync(cancellationToken));
        await Task.WhenAll(receivedTask, onTimeTask, doubtfulTask);

        // Received applications and closed cases are separate facts: a received one has no outcome, a closed one was
        // received before any period (the statistics read ReceivedOn only to count 新收, ClosedOn only to count 审结).
        var never = DateOnly.MinValue;
        var groups = new List<CaseGroup>();
        groups.AddRange(receivedTask.Result.Select(g => new CaseGroup(NameOf(g.Name), g.Day,
            new CaseFacts(g.Day, g.Matter, g.Channel, g.EndedBeforeAcceptanceAs, EnterpriseRelated: g.EnterpriseRelated), g.Count, false)));
        groups.AddRange(onTimeTask.Result.Select(g => new CaseGroup(NameOf(g.Name), g.Day,
            new CaseFacts(never, default, default, null, g.Day, g.Outcome, ClosedOnTime: true), g.Count, false)));
        var workdays = calendar.Calendar;
        groups.AddRange(doubtfulTask.Result.AsParallel().AsOrdered().Select(c =>
        {
            var facts = FactsOf(c, workdays, out var known);
            return new CaseGroup(NameOf(mode == 1 ? c.RespondentName : c.HandlerName), c.ClosedOn!.Value, facts with { ReceivedOn = never }, 1, !known);
        }));

        return groups;
    }

    /// <summary>Every metric of a period over groups of cases.</summary>
    private static List<MetricValue> Counted(IEnumerable<CaseGroup> groups, MetricPeriod period)
    {
        var inPeriod = groups.Where(g => period.Contains(g.Day)).ToList();
        var stats = ReconsiderationStatistics.ComputeGrouped(inPeriod.Select(g => (g.Facts, g.Count)), period.From, period.To);
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var d in All.Where(d => d.Unit == MetricUnit.Count))
        {
            values[d.Key] = MetricValue.Count(d, d.Key == "reconsideration.deadline_unknown" ? inPeriod.Where(g => g.Unknown).Sum(g => g.Count) : Counter(d.Key)(stats, true));
        }

        foreach (var d in All.Where(d => d.Unit == MetricUnit.Percent))
        {
            values[d.Key] = MetricValue.Rate(d, values[d.NumeratorKey!], values[d.DenominatorKey!]);
        }

        return [.. All.Select(d => values[d.Key])];
    }

    private List<MetricValue> Values(List<ReconsiderationCase> cases, MetricPeriod period)
    {
        var workdays = calendar.Calendar;
        var facts = cases.Select(c => (c.Id, Facts: FactsOf(c, workdays, out var known), Known: known)).ToList();
        var each = facts.Select(f => (f.Id, f.Known, Stats: ReconsiderationStatistics.Compute([f.Facts], period.From, period.To))).ToList();
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var d in All.Where(d => d.Unit == MetricUnit.Count))
        {
            var count = Counter(d.Key);
            values[d.Key] = MetricValue.Count(d, each.Where(e => count(e.Stats, e.Known) > 0).Select(e => e.Id));
        }

        foreach (var d in All.Where(d => d.Unit == MetricUnit.Percent))
        {
            values[d.Key] = MetricValue.Rate(d, values[d.NumeratorKey!], values[d.DenominatorKey!]);
        }

        return [.. All.Select(d => values[d.Key])];
    }

    /// <summary>How many times a case's own statistics count it for a count metric.</summary>
    private static Func<ReconsiderationStatistics, bool, int> Counter(string key)
    {
        switch (key)
        {
            case "reconsideration.received": return (s, _) => s.Received;
            case "reconsideration.accepted": return (s, _) => s.Accepted;
            case "reconsideration.ended_before_acceptance": return (s, _) => s.Received - s.Accepted;
            case "reconsideration.closed": return (s, _) => s.Closed;
            case "reconsideration.closed_except_withdrawn": return (s, _) => s.Closed - Group(s, OutcomeGroup.Withdrawn);
            case "reconsideration.corrected": return (s, _) => s.Corrected;
            case "reconsideration.settled_mediated_withdrawn": return (s, _) => s.SettledMediatedOrWithdrawn;
            case "reconsideration.settled_or_mediated": return (s, _) => s.SettledOrMediated;
            case "reconsideration.closed_on_time": return (s, _) => s.ClosedOnTime;
            case "reconsideration.deadline_unknown": return (s, known) => known ? 0 : 1;
            case "reconsideration.enterprise_related": return (s, _) => s.EnterpriseRelated;
        }

        foreach (var e in Enum.GetValues<PreAcceptanceEnding>().Where(e => KeyOf("ended", e) == key))
        {
            return (s, _) => s.EndedBeforeAcceptance.Single(x => x.Key == e).Count;
        }

        foreach (var g in Enum.GetValues<OutcomeGroup>().Where(g => KeyOf("outcome", g) == key))
        {
            return (s, _) => Group(s, g);
        }

        foreach (var m in Enum.GetValues<MatterCategory>().Where(m => KeyOf("matter", m) == key))
        {
            return (s, _) => s.ByMatter.Single(x => x.Key == m).Count;
        }

        foreach (var c in Enum.GetValues<ApplicationChannel>().Where(c => KeyOf("channel", c) == key))
        {
            return (s, _) => s.ByChannel.Single(x => x.Key == c).Count;
        }

        throw new InvalidOperationException($"No counter for {key}.");
    }

    private static int Group(ReconsiderationStatistics s, OutcomeGroup group) => s.ClosedByGroup.Single(g => g.Key == group).Count;

    private static MetricDefinition[] Build()
    {
        var list = new List<MetricDefinition>();
        MetricDefinition Count(string key, string name, string definition) =>
            Add(new MetricDefinition("reconsideration." + key, name, Area.Reconsideration, MetricUnit.Count, definition, Cases));
        MetricDefinition Rate(string key, string name, string definition, MetricDefinition numerator, MetricDefinition denominator) =>
            Add(new MetricDefinition("reconsideration." + key, name, Area.Reconsideration, MetricUnit.Percent, definition, Cases)
            {
                NumeratorKey = numerator.Key,
                DenominatorKey = denominator.Key,
            });
        MetricDefinition Add(MetricDefinition d)
        {
            list.Add(d);
            return d;
        }

        var received = Count("received", "新收", "统计期间内收到的行政复议申请（按收到申请日期）");
        Count("ended_before_acceptance", "未受理即办结", "新收中以不予受理、告知、转送、另行处理、逾期未补正办结的申请");
        foreach (var e in Enum.GetValues<PreAcceptanceEnding>())
        {
            var ended = Count(Part("ended", e), CaseTermNames.Name(e), $"新收中以“{CaseTermNames.Name(e)}”办结的申请");
            Rate(Part("ended", e) + "_share", CaseTermNames.Name(e) + "占新收比例", $"{CaseTermNames.Name(e)} ÷ 新收", ended, received);
        }

        var accepted = Count("accepted", "立案受理", "新收 − 未受理即办结（不予受理、告知、转送、另行处理、逾期未补正）");
        Rate("acceptance_share", "受理占新收比例", "立案受理 ÷ 新收", accepted, received);
        var closed = Count("closed", "审结", "已受理案件在统计期间内作出决定、制作调解书或终止（按结案日期，不论何时收到）");
        Count("closed_except_withdrawn", "审结（不含撤回）", "审结 − 因撤回申请终止的案件");
        foreach (var g in Enum.GetValues<OutcomeGroup>())
        {
            var grouped = Count(Part("outcome", g), "审结-" + Outcomes.GroupName(g), $"审结案件中结果为“{Outcomes.GroupName(g)}”的案件");
            Rate(Part("outcome", g) + "_share", Outcomes.GroupName(g) + "占审结比例", $"{Outcomes.GroupName(g)} ÷ 审结", grouped, closed);
        }

        var corrected = Count("corrected", "纠错", "审结案件中结果为撤销、变更、确认违法、责令履行的案件");
        Rate("correction_rate", "纠错率", "（撤销＋变更＋确认违法＋责令履行）÷ 审结", corrected, closed);
        var settledAll = Count("settled_mediated_withdrawn", "调撤", "审结案件中以和解、调解或撤回申请结案的案件");
        Rate("settlement_withdrawal_rate", "调撤率", "（和解＋调解＋撤回）÷ 立案受理", settledAll, accepted);
        var settled = Count("settled_or_mediated", "直接调解", "审结案件中以和解或调解结案的案件");
        Rate("direct_mediation_rate", "直接调解率", "（和解＋调解结案）÷ 立案受理", settled, accepted);
        var onTime = Count("closed_on_time", "按期审结", "审结案件中在审理期限内（计入中止、延期）结案的案件");
        Rate("on_time_rate", "按期审结率", "按期审结 ÷ 审结", onTime, closed);
        Count("deadline_unknown", "期限无法计算（日历缺年度，计为按期）", "审结案件中因工作日日历缺少所需年度而无法确定是否按期的案件");
        var enterprise = Count("enterprise_related", "涉企", "新收中申请人为企业或涉及企业的申请");
        Rate("enterprise_related_share", "涉企占新收比例", "涉企 ÷ 新收", enterprise, received);
        foreach (var m in Enum.GetValues<MatterCategory>())
        {
            var matter = Count(Part("matter", m), CaseTermNames.Name(m), $"新收中案件类别为“{CaseTermNames.Name(m)}”的申请");
            Rate(Part("matter", m) + "_share", CaseTermNames.Name(m) + "占新收比例", $"{CaseTermNames.Name(m)} ÷ 新收", matter, received);
        }

        foreach (var c in Enum.GetValues<ApplicationChannel>())
        {
            var channel = Count(Part("channel", c), CaseTermNames.Name(c) + "申请", $"新收中以{CaseTermNames.Name(c)}方式提出的申请");
            Rate(Part("channel", c) + "_share", CaseTermNames.Name(c) + "申请占新收比例", $"{CaseTermNames.Name(c)}申请 ÷ 新收", channel, received);
        }

        // The key figures of the area (dashboard, default report sentence).
        string[] headline = ["reconsideration.received", "reconsideration.accepted", "reconsideration.closed", "reconsideration.settlement_withdrawal_rate"];
        return [.. list.Select(d => headline.Contains(d.Key) ? d with { Headline = true } : d)];
    }

    /// <summary>
    /// The statistics' facts of a case; closed on time when its decision deadline was met (按期审结). When the
    /// working-day calendar lacks a year the case needs, <paramref name="deadlineKnown"/> is false and the case
    /// counts as on time; the metric <c>reconsideration.deadline_unknown</c> lists such cases.
    /// </summary>
    private static CaseFacts FactsOf(ReconsiderationCase c, WorkdayCalendar workdays, out bool deadlineKnown)
    {
        var onTime = true;
        deadlineKnown = true;
        if (c.ClosedOn is { } closedOn && c.AcceptedOn is { } acceptedOn)
        {
            try
            {
                onTime = ReconsiderationDeadlines.Decision(c.ToFacts(), closedOn, workdays).Status != DeadlineStatus.DoneLate;
            }
            catch (DomainException)
            {
                // The calendar lacks a year the due date needs. Pauses and the move to the next working day only
                // lengthen the period, so a case closed within the bare period and its extension was on time.
                var shortest = acceptedOn.AddDays((c.Procedure == Procedure.Summary ? 30 : 60) + c.ExtensionDays);
                deadlineKnown = closedOn <= shortest;
                onTime = true;
            }
        }

        return new CaseFacts(c.ReceivedOn, c.Matter, c.Channel, c.EndedBeforeAcceptanceAs, c.ClosedOn, c.Outcome, onTime, c.EnterpriseRelated);
    }

    private static string Snake(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}
