namespace Jixiao.Domain.Calendar;

/// <summary>An inclusive range of days off (放假), e.g. 2023-01-21 to 2023-01-27 for the Spring Festival.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// One year's holiday arrangement (节假日安排): the holiday blocks, weekend days inside them
/// included, and the adjusted working weekend days (调休上班).
/// </summary>
/// <remarks>From the State Council General Office's yearly notice (国务院办公厅关于某年部分节假日安排的通知).</remarks>
public sealed record WorkdayYear(int Year, IReadOnlyList<DayRange> Off, IReadOnlyList<DateOnly> Work, string? Source = null)
{
    /// <summary>Refuses an arrangement that cannot be right: reversed ranges, dates far from the year, a 调休 day that is not a weekend day or lies in a holiday.</summary>
    /// <exception cref="DomainException">The arrangement is inconsistent.</exception>
    public void Validate()
    {
        if (Year is < 1949 or > 9998)
        {
            throw new DomainException($"年度{Year}无效。");
        }

        foreach (var range in Off)
        {
            if (range.To < range.From)
            {
                throw new DomainException($"{Year}年放假安排{range.From:yyyy-MM-dd}至{range.To:yyyy-MM-dd}的结束日早于开始日。");
            }

            if (range.From.Year < Year - 1 || range.To.Year > Year + 1)
            {
                throw new DomainException($"{Year}年放假安排{range.From:yyyy-MM-dd}至{range.To:yyyy-MM-dd}不在该年度附近。");
            }
        }

        foreach (var day in Work)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainException($"{Year}年调休上班日{day:yyyy-MM-dd}不是周末，无需列出。");
            }

            if (Off.Any(r => r.Contains(day)))
            {
                throw new DomainException($"{Year}年调休上班日{day:yyyy-MM-dd}同时在放假安排内。");
            }
        }
    }
}
