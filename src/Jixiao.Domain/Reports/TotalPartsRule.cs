namespace Jixiao.Domain.Reports;

/// <summary>
/// 总数与所列分项 (<see cref="ReportRules.TotalParts"/>): when the text lists the whole breakdown of a
/// total, the parts must add up to it; when it lists only some parts (其中、包括、含), they must not
/// add up to more than it.
/// </summary>
/// <remarks>
/// "已审结129件（撤销1件，驳回2件，维持84件，终止3件，确认违法4件，调解结案34件）": the parts make
/// 128, so 129 is flagged. Spec: evaluation-outputs.md §3.
/// </remarks>
internal static class TotalPartsRule
{
    public static IEnumerable<ReportFinding> Check(ReportText text, IReadOnlyList<Breakdown> breakdowns)
    {
        foreach (var b in breakdowns.Where(b => b.Parts.Count >= 2))
        {
            var sum = b.Parts.Sum(p => p.Value);
            if (b.Exhaustive ? sum == b.Total.Value : sum <= b.Total.Value)
            {
                continue;
            }

            var written = Percentage.Write(sum, b.Total);
            var figures = b.Parts.Select(p => p.As("part")).Prepend(b.Total.As("total")).ToList();
            yield return b.Exhaustive
                ? text.Finding(ReportRules.TotalParts, b.Total, figures, $"所列各项之和为{written}，与所述{b.Total.Text}不符", Percentage.Number(sum, b.Total))
                : text.Finding(ReportRules.TotalParts, b.Total, figures, $"其中所列各项之和为{written}，超过所述总数{b.Total.Text}", "≥" + Percentage.Number(sum, b.Total));
        }
    }
}
