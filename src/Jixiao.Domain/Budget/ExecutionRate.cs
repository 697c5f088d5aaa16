using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Budget;

/// <summary>
/// An execution rate (预算执行率): executed ÷ a budget, as an exact decimal and as a percentage rounded
/// half-up to two decimals. A budget of zero or less gives an undefined rate with its explanation,
/// never a division and never an exception.
/// </summary>
/// <param name="Executed">全年执行数 in yuan.</param>
/// <param name="Budget">The budget it is measured against, in yuan.</param>
/// <param name="Ratio">Exact executed ÷ budget (0.5012106…); null when the budget is zero or negative.</param>
/// <param name="Percent">Ratio × 100 rounded half-up to two decimals (50.12); null when undefined.</param>
/// <param name="Explanation">Chinese explanation with the numbers: "执行率 = 349,845.00 ÷ 698,000.00 = 50.12%".</param>
/// <remarks>
/// scoring-rules.md “execution rate (预算执行率)”: executed ÷ full-year budget, not the initial budget;
/// “a full-year budget of 0 is an error to explain, not a division”.
/// </remarks>
public sealed record ExecutionRate(decimal Executed, decimal Budget, decimal? Ratio, decimal? Percent, string Explanation)
{
    /// <summary>True when the budget was positive and the rate could be computed.</summary>
    public bool IsDefined => Ratio.HasValue;

    /// <summary>Computes executed ÷ budget.</summary>
    /// <param name="executed">Executed amount in yuan.</param>
    /// <param name="budget">Budget in yuan.</param>
    /// <param name="budgetName">Chinese name of the budget figure: 全年预算数 or 年初预算数.</param>
    public static ExecutionRate Of(decimal executed, decimal budget, string budgetName = "全年预算数")
    {
        if (budget <= 0m)
        {
            var what = budget == 0m ? "为 0" : $"为负数（{Money.FormatYuan(budget)} 元）";
            return new ExecutionRate(executed, budget, null, null,
                $"{budgetName}{what}，无法计算执行率：请核对年初预算和年内调整（全年执行数 {Money.FormatYuan(executed)} 元）。");
        }

        var ratio = executed / budget;
        var percent = Rounding.Percent(ratio);
        return new ExecutionRate(executed, budget, ratio, percent,
            $"执行率 = 全年执行数 {Money.FormatYuan(executed)} ÷ {budgetName} {Money.FormatYuan(budget)} = {Rounding.Two(percent)}%");
    }

    /// <summary>The percentage as printed on the forms ("50.12%"), or "—" when undefined.</summary>
    public string PercentText => Percent is { } p ? $"{Rounding.Two(p)}%" : "—";
}
