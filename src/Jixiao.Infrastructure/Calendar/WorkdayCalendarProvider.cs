using Jixiao.Domain.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Infrastructure.Calendar;

/// <summary>
/// The working-day calendar the deadline engine counts with: the holiday arrangements of the State
/// Council's notices shipped with the product (cn-workday-calendar.json, embedded), overlaid by the
/// years administrators entered or corrected in the database. Kept for a minute; a save here
/// refreshes it at once, other nodes within the minute.
/// </summary>
public sealed class WorkdayCalendarProvider(DatabaseSettings settings, TimeProvider clock)
{
    public const string ResourceName = "Jixiao.Infrastructure.Calendar.cn-workday-calendar.json";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly Lazy<WorkdayCalendar> Shipped = new(LoadShipped);
    private readonly Lock gate = new();
    private (WorkdayCalendar Calendar, DateTimeOffset LoadedAt)? current;

    public WorkdayCalendar Calendar
    {
        get
        {
            lock (gate)
            {
                if (current is { } c && clock.GetUtcNow() - c.LoadedAt < Lifetime)
                {
                    return c.Calendar;
                }

                var calendar = Shipped.Value;
                using (var db = settings.Create(CurrentUser.System("工作日历")))
                {
                    foreach (var year in db.CalendarYears.OrderBy(y => y.Year).ToList())
                    {
                        calendar = calendar.WithYear(year.ToWorkdayYear());
                    }
                }

                current = (calendar, clock.GetUtcNow());
                return calendar;
            }
        }
    }

    /// <summary>The arrangements as shipped, before administrators' corrections.</summary>
    public static WorkdayCalendar ShippedCalendar => Shipped.Value;

    public void Invalidate()
    {
        lock (gate)
        {
            current = null;
        }
    }

    private static WorkdayCalendar LoadShipped()
    {
        using var stream = typeof(WorkdayCalendarProvider).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"内嵌资源 {ResourceName} 缺失。");
        using var reader = new StreamReader(stream);
        return WorkdayCalendarJson.Parse(reader.ReadToEnd());
    }
}
