using System.Globalization;

namespace Jixiao.Domain.Scoring;

/// <summary>Rounding and number text shared by budget figures, scores and their explanations.</summary>
/// <remarks>
/// 四舍五入：每个得分、比率按“四舍五入保留两位小数”处理（scoring-rules.md “rounding”，seed-figures.md
/// “Rates are percentages rounded half-up (四舍五入) to two decimals”）。
/// </remarks>
public static class Rounding
{
    /// <summary>Rounds half-up (四舍五入, away from zero) to <paramref name="decimals"/> places, 2 by default.</summary>
    public static decimal HalfUp(decimal value, int decimals = 2) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A ratio (0.5012…) as a percentage rounded half-up to 2 decimals (50.12).</summary>
    public static decimal Percent(decimal ratio) => HalfUp(ratio * 100m);

    /// <summary>A number as entered, without trailing zeros: 45, 0.5, 937900.</summary>
    public static string Plain(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A number with exactly two decimals: 9.00, 57.19.</summary>
    public static string Two(decimal value) => HalfUp(value).ToString("0.00", CultureInfo.InvariantCulture);
}
