using System.Globalization;

namespace Jixiao.Domain.Reports;

/// <summary>
/// 自评得分与预算执行率 (<see cref="ReportRules.ScoreBound"/>): a self-score may not exceed what the
/// budget-execution rate allows.
/// </summary>
/// <remarks>
/// With execution points P (预算执行率分值, 10 in the national practice) the execution indicator earns
/// P × min(rate, 100 %), rounded half-up to two decimals, so the total is at most
/// 满分 − P + P × min(rate, 100 %). 002: 349,845元 of 698,000元 spent is 50.12 %, so at most 95.01, and
/// "自评得分为97分" is flagged. The rate is taken as <see cref="ExecutionBasis"/> finds it.
/// Spec: evaluation-outputs.md §3, scoring-rules.md (execution score).
/// </remarks>
internal static class ScoreBoundRule
{
    private static readonly string[] ScoreWords = ["得分", "评分", "自评分"];

    public static IEnumerable<ReportFinding> Check(ReportText text, ReportCheckOptions options)
    {
        var scores = text.Figures
            .Where(f => f.Kind == MeasureKind.Score
                && text.SentenceText(text.SentenceOf(f)).Contains("自评", StringComparison.Ordinal)
                && ScoreWords.Any(w => text.LabelOf(f).Contains(w, StringComparison.Ordinal)))
            .ToList();
        if (scores.Count == 0 || ExecutionBasis.Find(text) is not { } basis)
        {
            yield break;
        }

        var points = options.ExecutionPoints;
        var earned = Math.Round(points * Math.Min(basis.Percent, 100m) / 100m, 2, MidpointRounding.AwayFromZero);
        var cap = options.FullMarks - points + earned;
        foreach (var score in scores.Where(s => s.Value > cap))
        {
            var p = points.ToString("0.##", CultureInfo.InvariantCulture);
            var c = cap.ToString("0.##", CultureInfo.InvariantCulture);
            yield return text.Finding(
                ReportRules.ScoreBound,
                score,
                [score.As("score"), .. basis.Figures, new FindingFigure("cap", c + "分", cap, -1)],
                $"预算执行率为{Percentage.Show(basis.Percent)}（{basis.How}），预算执行率指标{p}分最多得{earned.ToString("0.00", CultureInfo.InvariantCulture)}分，"
                    + $"自评总分不应超过{c}分，所述{score.Text}超出上限",
                $"≤{c}分");
        }
    }
}
