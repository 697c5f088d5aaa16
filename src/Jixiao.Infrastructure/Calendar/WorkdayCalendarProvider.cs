using Jixiao.Domain.Calendar;

namespace Jixiao.Infrastructure.Calendar;

/// <summary>
/// The working-day calendar the deadline engine counts with: the holiday arrangements of the State
/// Council's notices shipped with the product (cn-workday-calendar.json, embedded), read once.
/// </summary>
public sealed class WorkdayCalendarProvider
{
    public const string ResourceName = "Jixiao.Infrastructure.Calendar.cn-workday-calendar.json";

    private readonly Lazy<WorkdayCalendar> calendar = new(Load);

    public WorkdayCalendar Calendar => calendar.Value;

    private static WorkdayCalendar Load()
    {
        using var stream = typeof(WorkdayCalendarProvider).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"内嵌资源 {ResourceName} 缺失。");
        using var reader = new StreamReader(stream);
        return WorkdayCalendarJson.Parse(reader.ReadToEnd());
    }
}
