namespace Jixiao.Domain.Calendar;

/// <summary>
/// Working days (工作日) of mainland China for the years whose holiday arrangement it holds:
/// Monday to Friday, minus the holidays, plus the adjusted working weekend days (调休上班).
/// It refuses to answer for a day in a year it does not hold rather than guess.
/// </summary>
/// <remarks>
/// 《行政复议法》2023 第八十八条：本法关于行政复议期间有关“三日”“五日”“七日”“十日”的规定是指工作日，
/// 不含法定休假日。Counting follows 《民事诉讼法》：the day of the event is not counted.
/// </remarks>
public sealed class WorkdayCalendar
{
    private readonly SortedDictionary<int, WorkdayYear> years;
    private readonly HashSet<DateOnly> off = [];
    private readonly HashSet<DateOnly> work = [];

    public WorkdayCalendar(IEnumerable<WorkdayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        this.years = [];
        foreach (var year in years)
        {
            year.Validate();
            if (!this.years.TryAdd(year.Year, year))
            {
                throw new DomainException($"工作日历中{year.Year}年重复出现。");
            }

            foreach (var range in year.Off)
            {
                for (var d = range.From; d <= range.To; d = d.AddDays(1))
                {
                    off.Add(d);
                }
            }

            work.UnionWith(year.Work);
        }
    }

    /// <summary>The years held, in order.</summary>
    public IReadOnlyCollection<int> Years => years.Keys;

    /// <summary>The arrangement of one year held by the calendar.</summary>
    public IReadOnlyCollection<WorkdayYear> Arrangements => years.Values;

    public bool Covers(DateOnly day) => years.ContainsKey(day.Year);

    /// <summary>A new calendar with the year added (or replaced), as the administrator does when a new notice appears.</summary>
    public WorkdayCalendar WithYear(WorkdayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new WorkdayCalendar(years.Values.Where(y => y.Year != year.Year).Append(year));
    }

    /// <exception cref="DomainException">The day's year is not in the calendar.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        EnsureCovered(day);
        if (work.Contains(day))
        {
            return true;
        }

        return !off.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The day on which a period of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> ends: the start day is not counted. A negative count goes backwards
    /// (e.g. “听证的五日前”).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var day = start;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// (the working days after <paramref name="to"/> up to <paramref name="from"/>) when to is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day) => AddWorkingDays(day, 1);

    /// <summary>The day itself if it is a working day, else the next working day: how a period ending on a day off is extended.</summary>
    /// <remarks>《民事诉讼法》第八十五条：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。</remarks>
    public DateOnly OnOrNextWorkingDay(DateOnly day) => IsWorkingDay(day) ? day : NextWorkingDay(day);

    private void EnsureCovered(DateOnly day)
    {
        if (!years.ContainsKey(day.Year))
        {
            var held = years.Count == 0 ? "无" : string.Join("、", years.Keys);
            throw new DomainException(
                $"工作日历未包含{day.Year}年的节假日安排（已有：{held}），无法按工作日计算{day:yyyy-MM-dd}；请系统管理员先录入该年度安排。");
        }
    }
}
