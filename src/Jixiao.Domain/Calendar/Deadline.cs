using System.Globalization;

namespace Jixiao.Domain.Calendar;

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>工作日: Monday to Friday minus holidays plus 调休 days.</summary>
    WorkingDays = 1,

    /// <summary>日: calendar days from the day after the start; an end on a day off moves to the next working day.</summary>
    CalendarDays = 2,

    /// <summary>月: calendar months, the same day of the month (or the month's last day); an end on a day off moves on.</summary>
    Months = 3,
}

/// <summary>A legal period, e.g. 5 working days, 60 days, 6 months.</summary>
public readonly record struct Period(int Length, PeriodUnit Unit)
{
    public static Period WorkingDays(int length) => new(length, PeriodUnit.WorkingDays);

    public static Period Days(int length) => new(length, PeriodUnit.CalendarDays);

    public static Period Months(int length) => new(length, PeriodUnit.Months);

    /// <summary>The period as the law writes it: 5个工作日, 60日, 6个月.</summary>
    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => $"{Length}个工作日",
        PeriodUnit.Months => $"{Length}个月",
        _ => $"{Length}日",
    };
}

/// <summary>A stretch during which a period does not run (补正, 中止). An open pause has no end yet.</summary>
public sealed record Pause(string Kind, DateOnly From, DateOnly? To)
{
    /// <summary>Calendar days paused: from the pause day up to the resumption day.</summary>
    public int Days => To is { } to ? to.DayNumber - From.DayNumber : 0;
}

/// <summary>Where a deadline stands on a given day.</summary>
public enum DeadlineStatus
{
    /// <summary>正常</summary>
    Ok = 1,

    /// <summary>临期（3个工作日内届满），黄色</summary>
    Warning = 2,

    /// <summary>逾期，红色</summary>
    Overdue = 3,

    /// <summary>暂停计算（补正、中止中）</summary>
    Paused = 4,

    /// <summary>已按期完成</summary>
    Done = 5,

    /// <summary>已完成但超期</summary>
    DoneLate = 6,
}

/// <summary>
/// One due date with everything needed to explain it: the start event, the period, the pauses and
/// extension counted, the days left as of the given day (working days for a working-day period,
/// calendar days otherwise; negative when overdue), the status and a Chinese explanation.
/// </summary>
public sealed record Deadline(
    string Name,
    DateOnly Start,
    string StartEvent,
    Period Period,
    DateOnly? Due,
    int? DaysLeft,
    IReadOnlyList<Pause> Pauses,
    int ExtensionDays,
    DeadlineStatus Status,
    DateOnly? DoneOn,
    string Explanation,
    string Citation)
{
    /// <summary>Days within which a deadline counts as near (临期), in working days.</summary>
    public const int WarningWorkingDays = 3;

    /// <summary>Calendar days paused in closed pauses.</summary>
    public int PausedDays => Pauses.Sum(p => p.Days);

    /// <summary>
    /// Counts a period forward from <paramref name="start"/> (the start day not counted). Working-day
    /// periods skip the working days inside pauses; calendar and month periods add the paused days
    /// and the extension, then move an end on a day off to the next working day.
    /// </summary>
    /// <remarks>
    /// 《行政复议法》2023 第八十八条；《民事诉讼法》第八十五条：期间开始的时和日不计算在期间内；期间届满的最后一日是法定休假日的，
    /// 以法定休假日后的第一日为期间届满的日期。
    /// </remarks>
    public static Deadline Count(
        string name,
        string startEvent,
        DateOnly start,
        Period period,
        string citation,
        WorkdayCalendar calendar,
        DateOnly today,
        IReadOnlyList<Pause>? pauses = null,
        int extensionDays = 0,
        DateOnly? doneOn = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        pauses ??= [];
        var head = $"自{Iso(start)}{startEvent}之日起{period}";
        var counted = PauseText(pauses, extensionDays);
        if (pauses.Any(p => p.To is null))
        {
            var open = pauses.First(p => p.To is null);
            var text = $"{head}{counted}，{Iso(open.From)}起{open.Kind}，期限暂停计算（{citation}）";
            var status = doneOn is null ? DeadlineStatus.Paused : DeadlineStatus.Done;
            return new Deadline(name, start, startEvent, period, null, null, pauses, extensionDays, status, doneOn, text, citation);
        }

        DateOnly due;
        string rolled = string.Empty;
        if (period.Unit == PeriodUnit.WorkingDays)
        {
            var pausedWorkingDays = pauses.Sum(p => calendar.WorkingDaysBetween(p.From, p.To!.Value));
            due = calendar.AddWorkingDays(start, checked(period.Length + pausedWorkingDays + extensionDays));
        }
        else
        {
            var raw = (period.Unit == PeriodUnit.Months ? start.AddMonths(period.Length) : start.AddDays(period.Length))
                .AddDays(checked(pauses.Sum(p => p.Days) + extensionDays));
            due = calendar.OnOrNextWorkingDay(raw);
            if (due != raw)
            {
                rolled = $"（{Iso(raw)}为节假日或休息日，顺延至其后第一个工作日）";
            }
        }

        var explanation = $"{head}{counted}，至{Iso(due)}届满{rolled}（{citation}）";
        return Evaluate(name, start, startEvent, period, due, pauses, extensionDays, doneOn, explanation, citation, calendar, today);
    }

    /// <summary>
    /// A deadline that lies a number of working days before an event, e.g. a hearing notice
    /// “听证的五日前”: the due day is the last day on which the act still leaves that many working days.
    /// </summary>
    public static Deadline Before(
        string name,
        string eventName,
        DateOnly eventDay,
        Period period,
        string action,
        string citation,
        WorkdayCalendar calendar,
        DateOnly today,
        DateOnly? doneOn = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (period.Unit != PeriodUnit.WorkingDays)
        {
            throw new DomainException("倒数期限只支持工作日。");
        }

        var due = calendar.AddWorkingDays(eventDay, -period.Length);
        var explanation = $"于{Iso(eventDay)}{eventName}，应在{period}前即不迟于{Iso(due)}{action}（{citation}）";
        return Evaluate(name, eventDay, eventName, period, due, [], 0, doneOn, explanation, citation, calendar, today);
    }

    private static Deadline Evaluate(
        string name, DateOnly start, string startEvent, Period period, DateOnly due, IReadOnlyList<Pause> pauses,
        int extensionDays, DateOnly? doneOn, string explanation, string citation, WorkdayCalendar calendar, DateOnly today)
    {
        if (doneOn is { } done)
        {
            var status = done <= due ? DeadlineStatus.Done : DeadlineStatus.DoneLate;
            return new Deadline(name, start, startEvent, period, due, null, pauses, extensionDays, status, done, explanation, citation);
        }

        int daysLeft;
        DeadlineStatus state;
        var calendarDaysLeft = due.DayNumber - today.DayNumber;
        if (calendarDaysLeft < 0)
        {
            state = DeadlineStatus.Overdue;
            daysLeft = period.Unit == PeriodUnit.WorkingDays ? calendar.WorkingDaysBetween(today, due) : calendarDaysLeft;
        }
        else if (calendarDaysLeft <= 2 * WarningWorkingDays + 10)
        {
            // Only near dates need the calendar for the warning: far ones must not fail for a year not yet loaded.
            var workingDaysLeft = calendar.WorkingDaysBetween(today, due);
            state = workingDaysLeft <= WarningWorkingDays ? DeadlineStatus.Warning : DeadlineStatus.Ok;
            daysLeft = period.Unit == PeriodUnit.WorkingDays ? workingDaysLeft : calendarDaysLeft;
        }
        else
        {
            state = DeadlineStatus.Ok;
            daysLeft = period.Unit == PeriodUnit.WorkingDays ? calendar.WorkingDaysBetween(today, due) : calendarDaysLeft;
        }

        return new Deadline(name, start, startEvent, period, due, daysLeft, pauses, extensionDays, state, null, explanation, citation);
    }

    private static string PauseText(IReadOnlyList<Pause> pauses, int extensionDays)
    {
        var parts = pauses.Where(p => p.To is not null)
            .GroupBy(p => p.Kind)
            .Select(g => $"{g.Key}{g.Sum(p => p.Days)}日")
            .ToList();
        if (extensionDays > 0)
        {
            parts.Add($"延期{extensionDays}日");
        }

        return parts.Count == 0 ? string.Empty : "，" + string.Join("、", parts);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
