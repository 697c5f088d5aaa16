using System.Globalization;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Budget;

/// <summary>Amounts of money: yuan with two decimals in the ledgers, 万元 with two decimals on the official forms.</summary>
public static class Money
{
    /// <summary>Refuses an amount with more than two decimals (finer than 分).</summary>
    /// <param name="amount">Amount in yuan.</param>
    /// <param name="field">Chinese name of the field, for the message.</param>
    public static decimal RequireYuan(decimal amount, string field) =>
        decimal.Round(amount, 2) != amount
            ? throw new DomainException($"{field}“{Rounding.Plain(amount)}”无效：金额以元为单位，最多保留两位小数（到分）。")
            : amount;

    /// <summary>Yuan converted to 万元, rounded half-up to two decimals: 937,900 → 93.79.</summary>
    /// <remarks>evaluation-outputs.md §1: the funds block shows amounts in 万元 with two decimals.</remarks>
    public static decimal ToWanYuan(decimal yuan) => Rounding.HalfUp(yuan / 10000m);

    /// <summary>Yuan as 万元 text with two decimals, as printed on the score table: "93.79".</summary>
    public static string FormatWanYuan(decimal yuan) => ToWanYuan(yuan).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Yuan as text with thousands separators and two decimals: "937,900.00".</summary>
    public static string FormatYuan(decimal yuan) => Rounding.HalfUp(yuan).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Yuan in 万元 without losing a fen: at least two decimals, up to four (349,845 → "34.9845", 937,900 → "93.79").
    /// For sentences whose figures a reader recomputes; the forms keep two decimals (<see cref="FormatWanYuan"/>).
    /// </summary>
    public static string FormatWanYuanExact(decimal yuan) =>
        (yuan / 10_000m).ToString("#,##0.00##", System.Globalization.CultureInfo.InvariantCulture);
}
