using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>本级 (the body's own cases) or 含下级 (the body and every unit below it).</summary>
public enum StatisticsScope
{
    Self = 1,
    Tree = 2,
}

/// <summary>
/// The reconsideration statistics (实时动态分析) of a unit for a year, every figure of
/// <see cref="ReconsiderationStatistics"/> as a count and a rate, with the ids of the cases behind
/// each figure for drill-down.
/// </summary>
/// <remarks>
/// The definitions live in <see cref="ReconsiderationStatistics.Compute"/> alone: the figures are computed
/// over all cases, and the cases behind a figure are those for which the same computation over the one
/// case counts it. Cases are read by (UnitId, ReceivedOn) and (UnitId, ClosedOn), so a unit-year stays
/// fast in a large register.
/// </remarks>
public sealed class ReconsiderationStats(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, WorkdayCalendarProvider calendar)
{
    /// <summary>One figure: a key for links (e.g. <c>ended:Refused</c>), its Chinese name, count, rate and cases.</summary>
    public sealed record Figure(string Key, string Name, int Count, decimal? Percent, IReadOnlyList<int> CaseIds);

    public sealed record Result(
        string UnitCode, string UnitName, int Year, StatisticsScope Scope,
        int Received, int Accepted, int Closed, int Corrected, int SettledMediatedOrWithdrawn, int SettledOrMediated, int ClosedOnTime, int EnterpriseRelated,
        decimal? SettlementWithdrawalRate, decimal? DirectMediationRate, decimal? CorrectionRate, decimal? OnTimeRate,
        IReadOnlyList<Figure> Figures)
    {
        public Figure this[string key] => Figures.Single(f => f.Key == key);
    }

    public async Task<Result> HandleAsync(string unitCode, int year, StatisticsScope scope = StatisticsScope.Self, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        if (year is < 1990 or > 9999)
        {
            throw new DomainException($"年度{year}不正确。");
        }

        if (!Enum.IsDefined(scope))
        {
            throw new DomainException("统计范围应为本级（self）或含下级（tree）。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"单位“{unitCode}”不存在或不在您的数据范围内。");
        var unitIds = scope == StatisticsScope.Self
            ? [unit.Id]
            : new UnitTree(await db.Units.Select(u => new ValueTuple<int, int?>(u.Id, u.ParentId)).ToListAsync(cancellationToken)).Subtree(unit.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var cases = await db.ReconsiderationCases.AsNoTracking().Include(c => c.Suspensions)
            .Where(c => unitIds.Contains(c.UnitId) && ((c.ReceivedOn >= from && c.ReceivedOn <= to) || (c.ClosedOn >= from && c.ClosedOn <= to)))
            .ToListAsync(cancellationToken);
        var facts = cases.Select(c => (c.Id, Facts: FactsOf(c, out var known), known)).ToList();
        var s = ReconsiderationStatistics.Compute(facts.Select(f => f.Facts), from, to);
        var each = facts.Select(f => (f.Id, Stats: ReconsiderationStatistics.Compute([f.Facts], from, to))).ToList();
        List<int> Ids(Func<ReconsiderationStatistics, int> count) => [.. each.Where(e => count(e.Stats) > 0).Select(e => e.Id).Order()];

        var figures = new List<Figure>
        {
            new("received", "新收", s.Received, null, Ids(x => x.Received)),
            new("accepted", "立案受理", s.Accepted, Percent.Of(s.Accepted, s.Received), Ids(x => x.Accepted)),
            new("closed", "审结", s.Closed, null, Ids(x => x.Closed)),
            new("closedExceptWithdrawn", "审结（不含撤回）", s.Closed - Withdrawn(s), null, Ids(x => x.Closed - Withdrawn(x))),
            new("corrected", "纠错", s.Corrected, s.CorrectionRate, Ids(x => x.Corrected)),
            new("settledMediatedOrWithdrawn", "调撤", s.SettledMediatedOrWithdrawn, s.SettlementWithdrawalRate, Ids(x => x.SettledMediatedOrWithdrawn)),
            new("settledOrMediated", "直接调解", s.SettledOrMediated, s.DirectMediationRate, Ids(x => x.SettledOrMediated)),
            new("closedOnTime", "按期审结", s.ClosedOnTime, s.OnTimeRate, Ids(x => x.ClosedOnTime)),
            new("deadlineUnknown", "期限无法计算（日历缺年度，计为按期）", facts.Count(f => !f.known), null, [.. facts.Where(f => !f.known).Select(f => f.Id).Order()]),
            new("enterpriseRelated", "涉企", s.EnterpriseRelated, Percent.Of(s.EnterpriseRelated, s.Received), Ids(x => x.EnterpriseRelated)),
        };
        figures.AddRange(s.EndedBeforeAcceptance.Select(e => new Figure("ended:" + e.Key, "未受理-" + CaseTermNames.Name(e.Key), e.Count, e.Percent,
            Ids(x => x.EndedBeforeAcceptance.Single(y => y.Key == e.Key).Count))));
        figures.AddRange(s.ClosedByGroup.Select(g => new Figure("group:" + g.Key, "审结-" + Outcomes.GroupName(g.Key), g.Count, g.Percent,
            Ids(x => x.ClosedByGroup.Single(y => y.Key == g.Key).Count))));
        figures.AddRange(s.ByMatter.Select(m => new Figure("matter:" + m.Key, CaseTermNames.Name(m.Key), m.Count, m.Percent,
            Ids(x => x.ByMatter.Single(y => y.Key == m.Key).Count))));
        figures.AddRange(s.ByChannel.Select(c => new Figure("channel:" + c.Key, CaseTermNames.Name(c.Key), c.Count, c.Percent,
            Ids(x => x.ByChannel.Single(y => y.Key == c.Key).Count))));

        return new Result(unit.Code, unit.Name, year, scope,
            s.Received, s.Accepted, s.Closed, s.Corrected, s.SettledMediatedOrWithdrawn, s.SettledOrMediated, s.ClosedOnTime, s.EnterpriseRelated,
            s.SettlementWithdrawalRate, s.DirectMediationRate, s.CorrectionRate, s.OnTimeRate, figures);
    }

    /// <summary>Closed by withdrawal (撤回); reports often give 审结 without them, e.g. 128 of the 2023 city figures.</summary>
    private static int Withdrawn(ReconsiderationStatistics s) => s.ClosedByGroup.Single(g => g.Key == OutcomeGroup.Withdrawn).Count;

    /// <summary>
    /// The statistics' facts of a case; closed on time when its decision deadline was met (按期审结). When the
    /// working-day calendar lacks a year the case needs, <paramref name="deadlineKnown"/> is false and the case
    /// counts as on time; the figure “deadlineUnknown” lists such cases.
    /// </summary>
    private CaseFacts FactsOf(ReconsiderationCase c, out bool deadlineKnown)
    {
        var onTime = true;
        deadlineKnown = true;
        if (c.ClosedOn is { } closedOn && c.AcceptedOn is { } acceptedOn)
        {
            try
            {
                onTime = ReconsiderationDeadlines.Decision(c.ToFacts(), closedOn, calendar.Calendar).Status != DeadlineStatus.DoneLate;
            }
            catch (DomainException)
            {
                // The calendar lacks a year the due date needs. Pauses, extensions and the move to the next
                // working day only lengthen the period, so a case closed within the bare period was on time.
                var shortest = acceptedOn.AddDays(c.Procedure == Procedure.Summary ? 30 : 60);
                deadlineKnown = closedOn <= shortest;
                onTime = true;
            }
        }

        return new CaseFacts(c.ReceivedOn, c.Matter, c.Channel, c.EndedBeforeAcceptanceAs, c.ClosedOn, c.Outcome, onTime, c.EnterpriseRelated);
    }
}
