namespace Jixiao.Domain.Reports;

/// <summary>
/// 分项不得大于总数 (<see cref="ReportRules.PartExceedsWhole"/>): a figure the text gives as part of
/// another (其中…、包括…、含…, or the first like figure after "N件…中，") may not be larger than it.
/// </summary>
/// <remarks>
/// A whole breakdown (a parenthesised list right after the total) is left to <see cref="TotalPartsRule"/>,
/// which reports its sum. Spec: evaluation-outputs.md §3.
/// </remarks>
internal static class PartExceedsWholeRule
{
    public static IEnumerable<ReportFinding> Check(ReportText text, IReadOnlyList<Breakdown> breakdowns)
    {
        foreach (var b in breakdowns.Where(b => !b.Exhaustive))
        {
            foreach (var part in b.Parts.Where(p => p.Value > b.Total.Value))
            {
                yield return text.Finding(
                    ReportRules.PartExceedsWhole,
                    part,
                    [b.Total.As("whole"), part.As("part")],
                    $"分项{part.Text}大于其总数{b.Total.Text}",
                    "≤" + Percentage.Write(b.Total.Value, part));
            }
        }
    }
}
