using System.Runtime.CompilerServices;
using Jixiao.Domain.Calendar;

namespace Jixiao.Domain.Tests.Calendar;

/// <summary>The real 2023–2026 calendar, read from the copy beside this file (the test project does not copy it to the output).</summary>
public static class TestCalendar
{
    private static readonly Lazy<WorkdayCalendar> Calendar = new(() => WorkdayCalendarJson.Parse(File.ReadAllText(JsonPath())));

    public static WorkdayCalendar China => Calendar.Value;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string JsonPath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "cn-workday-calendar.json");
}
