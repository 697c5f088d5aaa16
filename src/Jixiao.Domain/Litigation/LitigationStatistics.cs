using Jixiao.Domain.Reconsideration;

namespace Jixiao.Domain.Litigation;

/// <summary>A court hearing of a case against the agency, first or second instance, and whether its head appeared.</summary>
public sealed record HearingFacts(int Instance, bool HeadAppeared);

/// <summary>The first-instance figures of a period.</summary>
public sealed record FirstInstanceStatistics(int Concluded, IReadOnlyList<Share<FirstInstanceGroup>> ByGroup)
{
    public Share<FirstInstanceGroup> this[FirstInstanceGroup group] => ByGroup.Single(g => g.Key == group);

    /// <summary>Shares of each group in the concluded first-instance cases, carried-over cases included.</summary>
    /// <remarks>casework-rules.md “Administrative litigation”: share of each outcome group = count ÷ concluded.</remarks>
    public static FirstInstanceStatistics Compute(IEnumerable<FirstInstanceOutcome> concluded)
    {
        ArgumentNullException.ThrowIfNull(concluded);
        var groups = concluded.Select(LitigationOutcomes.Group).ToList();
        var shares = Enum.GetValues<FirstInstanceGroup>()
            .Select(g => new Share<FirstInstanceGroup>(g, groups.Count(x => x == g), Percent.Of(groups.Count(x => x == g), groups.Count)))
            .ToList();
        return new FirstInstanceStatistics(groups.Count, shares);
    }
}

/// <summary>The head-appearance rate (负责人出庭应诉率).</summary>
/// <remarks>
/// 《行政诉讼法》第三条第三款：被诉行政机关负责人应当出庭应诉。Rate = hearings attended by the agency's head ÷ hearings,
/// first and second instance together, rounded half-up to 2 decimals.
/// </remarks>
public static class HeadAppearance
{
    public static decimal? Rate(IEnumerable<HearingFacts> hearings)
    {
        ArgumentNullException.ThrowIfNull(hearings);
        var all = hearings.ToList();
        if (all.Any(h => h.Instance is not (1 or 2)))
        {
            throw new DomainException("负责人出庭应诉率只统计一审和二审庭审。");
        }

        return Rate(all.Count, all.Count(h => h.HeadAppeared));
    }

    public static decimal? Rate(int hearings, int attendedByHead) =>
        attendedByHead > hearings
            ? throw new DomainException($"负责人出庭次数{attendedByHead}大于庭审次数{hearings}。")
            : Percent.Of(attendedByHead, hearings);
}
