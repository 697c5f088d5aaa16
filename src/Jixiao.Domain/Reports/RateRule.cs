namespace Jixiao.Domain.Reports;

/// <summary>
/// 比率与其分子、分母 (<see cref="ReportRules.Rate"/>): a stated rate ("调撤率34.81%") against the
/// counts it is computed from.
/// </summary>
/// <remarks>
/// <para>The numerator is a count or amount stated before the rate in its sentence. The rate passes
/// when any such numerator over any like figure of its section (for money, of the whole report)
/// gives the stated percentage, rounded half-up or truncated to its decimals.</para>
/// <para>Otherwise it is flagged only when both ends are known: the numerator is the nearest count
/// whose wording shares a word with the rate's name (直接调解率 ↔ 以调解方式结案34宗), or for money
/// the amount spent (实际支出93.79万元), and the
/// denominator is, in this order, the base another rate of the section was confirmed against, a
/// figure of the sentence worded as a total (共、总、合计…), the nearest larger like figure of the
/// sentence ("开庭30件，出庭29件，出庭率…"), the nearest whole of the section
/// ("立案受理的135件行政复议案件中"), or the nearest figure of the section worded as a total. For money the denominator is the budget. A rate whose
/// numerator or denominator the text does not give is not a finding. Spec: evaluation-outputs.md §3.</para>
/// </remarks>
internal static class RateRule
{
    private static readonly string[] Verbs = ["达到了", "达到", "提高到", "提高至", "提升至", "提升到", "上升至", "高达", "仅为", "约为", "为", "达", "是", "约"];
    /// <summary>A growth or fall rate (增长率、同比…) compares two years, not a part with its whole.</summary>
    private static readonly string[] ChangeWords = ["增长", "下降", "增幅", "降幅", "同比", "环比", "增速"];
    private const string CommonChars = "率的数案件量比为达共计其中有已年度方式之和与及或等各项全总了以通过";

    /// <summary>The words naming a percentage, with the verb before the number dropped: "整改率达到100%" → "整改率".</summary>
    public static string Noun(ReportText text, Figure percent)
    {
        var label = text.LabelOf(percent);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var verb in Verbs.Where(v => label.EndsWith(v, StringComparison.Ordinal)))
            {
                label = label[..^verb.Length].TrimEnd();
                stripped = true;
                break;
            }
        }

        return label;
    }

    public static IEnumerable<ReportFinding> Check(ReportText text, IReadOnlyList<Breakdown> breakdowns)
    {
        var rates = text.Figures
            .Where(f => f.Kind == MeasureKind.Percent)
            .Select(f => (Rate: f, Noun: Noun(text, f)))
            .Where(r => r.Noun.EndsWith('率') && !r.Noun.Contains('占') && !ChangeWords.Any(w => r.Noun.Contains(w, StringComparison.Ordinal)))
            .ToList();

        var confirmed = new List<Figure>();
        var unmatched = new List<(Figure Rate, string Noun)>();
        foreach (var r in rates)
        {
            var pair = Numerators(text, r.Rate)
                .SelectMany(n => Denominators(text, r.Rate, n).Select(d => (Numerator: n, Denominator: d)))
                .FirstOrDefault(p => Percentage.Consistent(Percentage.Of(p.Numerator.Value, p.Denominator.Value), r.Rate));
            if (pair.Denominator is not null)
            {
                confirmed.Add(pair.Denominator);
            }
            else
            {
                unmatched.Add(r);
            }
        }

        foreach (var (rate, noun) in unmatched)
        {
            var numerator = Numerators(text, rate).FirstOrDefault(n => n.Kind == MeasureKind.Money
                ? ExecutionBasis.IsSpent(text, n)
                : SharesWord(text.LabelOf(n), noun));
            if (numerator is null || Base(text, rate, numerator, confirmed, breakdowns) is not { } denominator)
            {
                continue;
            }

            var exact = Percentage.Of(numerator.Value, denominator.Value);
            yield return text.Finding(
                ReportRules.Rate,
                rate,
                [rate.As("rate"), numerator.As("numerator"), denominator.As("denominator")],
                $"{noun}按{numerator.Text}÷{denominator.Text}计算为{Percentage.Show(exact)}，与所述{rate.Text}不符",
                Percentage.Show(exact));
        }
    }

    private static IEnumerable<Figure> Numerators(ReportText text, Figure rate) =>
        text.InSentence(rate.Sentence)
            .Where(f => f.End <= rate.Start && f.Kind is MeasureKind.Count or MeasureKind.Money)
            .Reverse();

    private static IEnumerable<Figure> Denominators(ReportText text, Figure rate, Figure numerator)
    {
        var scope = numerator.Kind == MeasureKind.Money
            ? text.Figures
            : text.InSection(text.SentenceOf(rate).Section);
        return scope.Where(d => d != numerator && d.Value > 0 && d.SameMeasure(numerator));
    }

    private static Figure? Base(ReportText text, Figure rate, Figure numerator, List<Figure> confirmed, IReadOnlyList<Breakdown> breakdowns)
    {
        if (numerator.Kind == MeasureKind.Money)
        {
            return ExecutionBasis.BudgetFor(text, rate);
        }

        var section = text.SentenceOf(rate).Section;
        bool Fits(Figure d) => d != numerator && d.SameMeasure(numerator) && d.Value >= numerator.Value && d.Start < numerator.Start;

        return confirmed.Where(d => Fits(d) && text.SentenceOf(d).Section == section).MaxBy(d => d.Start)
            ?? text.InSentence(rate.Sentence).Where(d => Fits(d) && Breakdown.IsWhole(text, d, breakdowns)).MaxBy(d => d.Start)
            ?? text.InSentence(rate.Sentence).Where(Fits).MaxBy(d => d.Start)
            ?? breakdowns.Where(b => b.Among && Fits(b.Total) && text.SentenceOf(b.Total).Section == section).Select(b => b.Total).MaxBy(d => d.Start)
            ?? text.InSection(section).Where(d => Fits(d) && Breakdown.IsWhole(text, d, breakdowns)).MaxBy(d => d.Start);
    }

    private static bool SharesWord(string label, string noun) =>
        noun.Any(c => !CommonChars.Contains(c, StringComparison.Ordinal) && c > '\u3000' && label.Contains(c, StringComparison.Ordinal));
}
