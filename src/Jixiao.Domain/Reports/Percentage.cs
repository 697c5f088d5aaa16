using System.Globalization;

namespace Jixiao.Domain.Reports;

/// <summary>Comparing a stated percentage with the exact one, and writing figures back as a report would.</summary>
internal static class Percentage
{
    /// <summary>
    /// A stated percentage is consistent when it equals the exact value rounded half-up (四舍五入) or
    /// truncated to the decimals it shows: both habits occur in the bureau's reports (seed-figures.md).
    /// </summary>
    public static bool Consistent(decimal exactPercent, Figure stated)
    {
        var rounded = Math.Round(exactPercent, stated.Decimals, MidpointRounding.AwayFromZero);
        var scale = Pow10(stated.Decimals);
        var truncated = Math.Truncate(exactPercent * scale) / scale;
        return stated.Number == rounded || stated.Number == truncated;
    }

    public static decimal Of(decimal part, decimal whole) => part * 100m / whole;

    /// <summary>Rates are shown rounded half-up to two decimals, e.g. "25.19%".</summary>
    public static string Show(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A value in base units written in the unit of <paramref name="like"/>: 937900 like "164万元" → "93.79万元".</summary>
    public static string Write(decimal value, Figure like)
    {
        var multiplier = like.Multiplier switch
        {
            10_000m => "万",
            100_000_000m => "亿",
            _ => string.Empty,
        };
        return Number(value, like) + multiplier + like.Unit;
    }

    /// <summary>The number alone, scaled and grouped as <paramref name="like"/> is: 1100000 like "1,200,000元" → "1,100,000".</summary>
    public static string Number(decimal value, Figure like)
    {
        var format = like.Text.Contains(',', StringComparison.Ordinal) ? "#,0.##########" : "0.##########";
        return (value / like.Multiplier).ToString(format, CultureInfo.InvariantCulture);
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
