namespace Jixiao.Domain.Reports;

/// <summary>
/// The report checker (报告数据核对): reads the prose of a self-evaluation or statistics report and
/// finds the figures that do not add up, saying where and why.
/// </summary>
/// <remarks>
/// Five rules, each with its code in <see cref="ReportRules"/>: a total against its listed parts, a
/// rate against its numerator and denominator, a share against its whole, a self-score against the
/// execution rate, and a part larger than its whole (evaluation-outputs.md §3). The checker is
/// conservative: a figure whose counterparts the text does not give is not a finding, and a stated
/// percentage passes when it equals the exact value rounded half-up or truncated to its decimals.
/// </remarks>
public static class ReportChecker
{
    /// <summary>Checks <paramref name="text"/> and returns its findings in the order of the text.</summary>
    /// <exception cref="DomainException">The options are out of range.</exception>
    public static IReadOnlyList<ReportFinding> Check(string text, ReportCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new ReportCheckOptions();
        if (options.FullMarks <= 0 || options.ExecutionPoints < 0 || options.ExecutionPoints > options.FullMarks)
        {
            throw new DomainException($"预算执行率分值{options.ExecutionPoints}须在0至满分{options.FullMarks}之间。");
        }

        var report = ReportText.Parse(text);
        var breakdowns = Breakdown.FindAll(report);
        return
        [
            .. TotalPartsRule.Check(report, breakdowns)
                .Concat(RateRule.Check(report, breakdowns))
                .Concat(ShareRule.Check(report, breakdowns))
                .Concat(ScoreBoundRule.Check(report, options))
                .Concat(PartExceedsWholeRule.Check(report, breakdowns))
                .OrderBy(f => f.StatedOffset)
                .ThenBy(f => f.Rule, StringComparer.Ordinal),
        ];
    }
}
