namespace Jixiao.Domain.Reports;

/// <summary>
/// 占比与总数 (<see cref="ReportRules.Share"/>): a share "…522宗，占58.19%" against the total it is a
/// share of.
/// </summary>
/// <remarks>
/// The part is the count or amount stated right before the share (no other percentage between). The
/// share passes when that part over any larger like figure before it in its section gives the stated percentage rounded half-up or truncated to its decimals.
/// Otherwise it is flagged against the nearest figure worded as a whole (共计897宗, a total with its
/// parts, "N件…中"), first in the sentence, then in the section; with no such whole it is not a
/// finding. Spec: evaluation-outputs.md §3.
/// </remarks>
internal static class ShareRule
{
    public static IEnumerable<ReportFinding> Check(ReportText text, IReadOnlyList<Breakdown> breakdowns)
    {
        foreach (var share in text.Figures.Where(f => f.Kind == MeasureKind.Percent && text.LabelOf(f).Contains('占')))
        {
            var before = text.InSentence(share.Sentence).Where(f => f.End <= share.Start).ToList();
            if (before.Count == 0 || before[^1].Kind is not (MeasureKind.Count or MeasureKind.Money))
            {
                continue;
            }

            var part = before[^1];
            bool Fits(Figure w) => w != part && w.SameMeasure(part) && w.Value >= part.Value && w.Value > 0 && w.Start < part.Start;
            var inSentence = before.Where(Fits).ToList();
            var inSection = text.InSection(text.SentenceOf(share).Section).Where(w => Fits(w) && w.Sentence != share.Sentence).ToList();
            if (inSentence.Concat(inSection).Any(w => Percentage.Consistent(Percentage.Of(part.Value, w.Value), share)))
            {
                continue;
            }

            var whole = inSentence.Where(w => Breakdown.IsWhole(text, w, breakdowns)).MaxBy(w => w.Start)
                ?? inSection.Where(w => Breakdown.IsWhole(text, w, breakdowns)).MaxBy(w => w.Start);
            if (whole is null)
            {
                continue;
            }

            var exact = Percentage.Of(part.Value, whole.Value);
            yield return text.Finding(
                ReportRules.Share,
                share,
                [share.As("share"), part.As("part"), whole.As("whole")],
                $"{part.Text}占{whole.Text}的{Percentage.Show(exact)}，与所述{share.Text}不符",
                Percentage.Show(exact));
        }
    }
}
