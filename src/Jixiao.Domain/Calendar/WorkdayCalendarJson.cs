using System.Globalization;
using System.Text.Json;

namespace Jixiao.Domain.Calendar;

/// <summary>
/// Reads a working-day calendar from its JSON form:
/// <c>{"years": {"2023": {"off": [["2023-01-21", "2023-01-27"], …], "work": ["2023-01-28", …]}}, "sources": {"2023": "…"}}</c>.
/// </summary>
public static class WorkdayCalendarJson
{
    /// <exception cref="DomainException">The text is not a calendar in this form; the message says where.</exception>
    public static WorkdayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DomainException($"工作日历不是有效的JSON：{e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
            {
                throw new DomainException("工作日历缺少“years”对象。");
            }

            var sources = root.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var years = new List<WorkdayYear>();
            foreach (var property in yearsElement.EnumerateObject())
            {
                if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    throw new DomainException($"工作日历中的年度“{property.Name}”不是数字。");
                }

                var off = new List<DayRange>();
                foreach (var range in Array(property.Value, "off", year))
                {
                    if (range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2)
                    {
                        throw new DomainException($"工作日历{year}年“off”中的每一项应为[开始日, 结束日]。");
                    }

                    off.Add(new DayRange(Date(range[0], year), Date(range[1], year)));
                }

                var work = Array(property.Value, "work", year).Select(e => Date(e, year)).ToList();
                string? source = sources.ValueKind == JsonValueKind.Object && sources.TryGetProperty(property.Name, out var src) ? src.GetString() : null;
                years.Add(new WorkdayYear(year, off, work, source));
            }

            return new WorkdayCalendar(years);
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement year, string name, int yearNumber) =>
        year.ValueKind == JsonValueKind.Object && year.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new DomainException($"工作日历{yearNumber}年缺少“{name}”数组。");

    private static DateOnly Date(JsonElement element, int year) =>
        element.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DomainException($"工作日历{year}年中的日期“{element}”不是yyyy-MM-dd格式。");
}
