namespace Jixiao.Domain.Reconsideration;

/// <summary>
/// The facts of one case that the statistics need. <c>ClosedOnTime</c> says whether the case was closed
/// within its decision period (see <see cref="ReconsiderationDeadlines.Decision"/>).
/// </summary>
public sealed record CaseFacts(
    DateOnly ReceivedOn,
    MatterCategory Matter,
    ApplicationChannel Channel,
    PreAcceptanceEnding? EndedBeforeAcceptance = null,
    DateOnly? ClosedOn = null,
    ReconsiderationOutcome? Outcome = null,
    bool ClosedOnTime = true,
    bool EnterpriseRelated = false);

/// <summary>The reconsideration figures of a period.</summary>
public sealed record ReconsiderationStatistics(
    int Received,
    IReadOnlyList<Share<PreAcceptanceEnding>> EndedBeforeAcceptance,
    int Accepted,
    int Closed,
    IReadOnlyList<Share<OutcomeGroup>> ClosedByGroup,
    int Corrected,
    int SettledMediatedOrWithdrawn,
    int SettledOrMediated,
    int ClosedOnTime,
    int EnterpriseRelated,
    IReadOnlyList<Share<MatterCategory>> ByMatter,
    IReadOnlyList<Share<ApplicationChannel>> ByChannel)
{
    /// <summary>调撤率 = (和解 + 调解 + 撤回) ÷ 立案受理.</summary>
    public decimal? SettlementWithdrawalRate => Percent.Of(SettledMediatedOrWithdrawn, Accepted);

    /// <summary>直接调解率 = (和解 + 调解结案) ÷ 立案受理.</summary>
    public decimal? DirectMediationRate => Percent.Of(SettledOrMediated, Accepted);

    /// <summary>纠错率 = (撤销 + 变更 + 确认违法 + 责令履行) ÷ 审结.</summary>
    public decimal? CorrectionRate => Percent.Of(Corrected, Closed);

    /// <summary>按期审结率 = 按期审结 ÷ 审结.</summary>
    public decimal? OnTimeRate => Percent.Of(ClosedOnTime, Closed);

    /// <summary>
    /// Computes the figures for the period <paramref name="from"/>–<paramref name="to"/> (both included) over the
    /// cases of the chosen scope (本级 or 全市; the caller selects the cases).
    /// </summary>
    /// <remarks>
    /// casework-rules.md “statistics and their definitions”: 新收 = received in the period; 立案受理 = 新收 − 未受理即办结
    /// (不予受理、告知、转送、另行处理、逾期未补正); 审结 = accepted cases with a decision, mediation statement or
    /// termination in the period, whenever received; the numerators of the rates count the cases closed in the period;
    /// by matter and channel are shares of 新收.
    /// </remarks>
    public static ReconsiderationStatistics Compute(IEnumerable<CaseFacts> cases, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return ComputeGrouped(cases.Select(c => (c, 1)), from, to);
    }

    /// <summary>
    /// The same figures over cases given as facts with how many cases share them: what the database's grouping of a
    /// province's register gives (one line per day and attributes), counted without a list of single cases.
    /// </summary>
    public static ReconsiderationStatistics ComputeGrouped(IEnumerable<(CaseFacts Facts, int Count)> cases, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (to < from)
        {
            throw new DomainException($"统计期间结束日{to:yyyy-MM-dd}早于开始日{from:yyyy-MM-dd}。");
        }

        var all = cases.Where(c => c.Count > 0).ToList();
        var received = all.Where(c => c.Facts.ReceivedOn >= from && c.Facts.ReceivedOn <= to).ToList();
        var ended = received.Where(c => c.Facts.EndedBeforeAcceptance is not null).ToList();
        var closed = all
            .Where(c => c.Facts.EndedBeforeAcceptance is null && c.Facts.Outcome is not null && c.Facts.ClosedOn is { } d && d >= from && d <= to)
            .ToList();
        var receivedCount = received.Sum(c => c.Count);
        var closedCount = closed.Sum(c => c.Count);
        int Closed(Func<ReconsiderationOutcome, bool> outcome) => closed.Where(c => outcome(c.Facts.Outcome!.Value)).Sum(c => c.Count);

        return new ReconsiderationStatistics(
            receivedCount,
            Shares(ended.Select(c => (c.Facts.EndedBeforeAcceptance!.Value, c.Count)), Enum.GetValues<PreAcceptanceEnding>(), receivedCount),
            receivedCount - ended.Sum(c => c.Count),
            closedCount,
            Shares(closed.Select(c => (Outcomes.Group(c.Facts.Outcome!.Value), c.Count)), Enum.GetValues<OutcomeGroup>(), closedCount),
            Closed(Outcomes.IsCorrection),
            Closed(Outcomes.IsSettledMediatedOrWithdrawn),
            Closed(Outcomes.IsSettledOrMediated),
            closed.Where(c => c.Facts.ClosedOnTime).Sum(c => c.Count),
            received.Where(c => c.Facts.EnterpriseRelated).Sum(c => c.Count),
            Shares(received.Select(c => (c.Facts.Matter, c.Count)), Enum.GetValues<MatterCategory>(), receivedCount),
            Shares(received.Select(c => (c.Facts.Channel, c.Count)), Enum.GetValues<ApplicationChannel>(), receivedCount));
    }

    private static List<Share<T>> Shares<T>(IEnumerable<(T Key, int Count)> items, IEnumerable<T> keys, int whole)
        where T : struct, Enum
    {
        var counts = items.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.Sum(i => i.Count));
        return keys.Select(k => new Share<T>(k, counts.GetValueOrDefault(k), Percent.Of(counts.GetValueOrDefault(k), whole))).ToList();
    }
}
