using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Calendar;

namespace Jixiao.Infrastructure.Calendar;

/// <summary>
/// A year of holiday arrangements entered or corrected by an administrator. Stored years take the
/// place of the shipped ones of the same year. Text forms: off ranges one per line "2027-01-01~2027-01-03",
/// adjusted working days one per line "2027-02-06".
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    public string OffDays { get; set; } = string.Empty;

    public string WorkDays { get; set; } = string.Empty;

    /// <summary>The notice the arrangement comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知.</summary>
    public string Source { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>The domain's year, checked (ranges in order, adjusted days on weekends outside holidays).</summary>
    public WorkdayYear ToWorkdayYear()
    {
        var year = new WorkdayYear(Year, [.. Lines(OffDays).Select(ParseRange)], [.. Lines(WorkDays).Select(l => ParseDay(l, "调休上班日"))], Source);
        year.Validate();
        return year;
    }

    public static string Format(WorkdayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return string.Join('\n', year.Off.Select(r => $"{r.From:yyyy-MM-dd}~{r.To:yyyy-MM-dd}"));
    }

    public static string FormatWork(WorkdayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return string.Join('\n', year.Work.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split(['\n', '\r', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DayRange ParseRange(string line)
    {
        var parts = line.Split(['~', '～', '至'], StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => new DayRange(ParseDay(parts[0], "放假日期"), ParseDay(parts[0], "放假日期")),
            2 => new DayRange(ParseDay(parts[0], "放假起始日"), ParseDay(parts[1], "放假结束日")),
            _ => throw new DomainException($"放假安排“{line}”格式不对：应为“2027-01-01~2027-01-03”。"),
        };
    }

    private static DateOnly ParseDay(string text, string field) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DomainException($"{field}“{text}”不是有效日期：应为 yyyy-MM-dd。");
}
