namespace Jixiao.Domain.Reconsideration;

/// <summary>Rates as the statistics print them: percentages rounded half-up to two decimals (34.81).</summary>
public static class Percent
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> × 100, rounded half-up to 2 decimals; null when the whole is 0.</summary>
    public static decimal? Of(int part, int whole)
    {
        if (part < 0 || whole < 0)
        {
            throw new DomainException("计算比率的数量不能为负数。");
        }

        return whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>A count and its share of a whole, for one key (a matter category, a channel, an outcome group).</summary>
public readonly record struct Share<TKey>(TKey Key, int Count, decimal? Percent);
