namespace Jixiao.Domain.Reports;

/// <summary>
/// The budget-execution rate (预算执行率) a report gives, stated or computed from its budget and
/// spending, with the figures it comes from.
/// </summary>
/// <remarks>
/// The rate is executed ÷ full-year budget (全年预算数), not the initial budget (scoring-rules.md), so a
/// budget or rate stated after a cut or an addition (压减、调减、追加、调剂…) governs. Otherwise a stated
/// execution rate, otherwise spent ÷ budget.
/// </remarks>
internal sealed record ExecutionBasis(decimal Percent, IReadOnlyList<FindingFigure> Figures, string How)
{
    private static readonly string[] AdjustWords = ["压减", "调减", "调增", "调整", "追加", "调剂"];
    private static readonly string[] SpentWords = ["支出", "执行数", "执行金额", "使用资金", "拨付"];
    private static readonly string[] WholeSpentWords = ["实际支出", "执行数", "执行金额", "已支出", "全年支出", "累计支出", "共支出", "支出合计", "支出总额"];
    private static readonly string[] BudgetWords = ["预算", "安排", "下达", "批复"];

    public static bool IsSpent(ReportText text, Figure f) =>
        f.Kind == MeasureKind.Money && SpentWords.Any(w => text.LabelOf(f).Contains(w, StringComparison.Ordinal));

    public static bool IsBudget(ReportText text, Figure f) =>
        f.Kind == MeasureKind.Money && f.Value > 0 && !IsSpent(text, f) && BudgetWords.Any(w => text.LabelOf(f).Contains(w, StringComparison.Ordinal));

    public static bool IsAdjusted(ReportText text, Figure f) =>
        AdjustWords.Any(w => text.SentenceText(text.SentenceOf(f)).Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The amount spent on the project: the last one worded as the whole spending (实际支出、执行数、
    /// 累计支出…), otherwise the largest amount spent, so that items such as 人员支出 are not taken for it.
    /// </summary>
    public static Figure? Spent(ReportText text)
    {
        var spent = text.Figures.Where(f => IsSpent(text, f)).ToList();
        return spent.LastOrDefault(f => WholeSpentWords.Any(w => text.LabelOf(f).Contains(w, StringComparison.Ordinal)))
            ?? spent.MaxBy(f => f.Value);
    }

    /// <summary>A stated budget-execution rate: "预算执行率95%", "支出率为100%", "预算支出完成率57.19%".</summary>
    public static bool IsExecutionRate(ReportText text, Figure f)
    {
        if (f.Kind != MeasureKind.Percent)
        {
            return false;
        }

        var noun = RateRule.Noun(text, f);
        return noun.EndsWith('率') && (noun.Contains("执行", StringComparison.Ordinal) || noun.Contains("支出", StringComparison.Ordinal));
    }

    public static ExecutionBasis? Find(ReportText text)
    {
        var statedRates = text.Figures.Where(f => IsExecutionRate(text, f)).ToList();
        var budgets = text.Figures.Where(f => IsBudget(text, f)).ToList();
        var spent = Spent(text);

        if (statedRates.LastOrDefault(f => IsAdjusted(text, f)) is { } adjustedRate)
        {
            return Stated(adjustedRate);
        }

        if (spent is not null && budgets.LastOrDefault(f => IsAdjusted(text, f)) is { } adjustedBudget)
        {
            return Computed(spent, adjustedBudget);
        }

        if (statedRates.Count > 0)
        {
            return Stated(statedRates[^1]);
        }

        return spent is not null && budgets.Count > 0 ? Computed(spent, budgets[0]) : null;
    }

    /// <summary>The budget a stated money rate is measured against: the adjusted one when its sentence speaks of an adjustment.</summary>
    public static Figure? BudgetFor(ReportText text, Figure rate)
    {
        var budgets = text.Figures.Where(f => IsBudget(text, f)).ToList();
        return IsAdjusted(text, rate) ? budgets.LastOrDefault(f => IsAdjusted(text, f)) ?? budgets.LastOrDefault() : budgets.FirstOrDefault(f => !IsAdjusted(text, f));
    }

    private static ExecutionBasis Stated(Figure rate) => new(rate.Value, [rate.As("rate")], "按所述" + rate.Text);

    private static ExecutionBasis Computed(Figure spent, Figure budget) =>
        new(Percentage.Of(spent.Value, budget.Value), [spent.As("spent"), budget.As("budget")], $"{spent.Text}÷{budget.Text}");
}
