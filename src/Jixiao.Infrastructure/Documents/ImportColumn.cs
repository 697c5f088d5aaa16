using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// One column of an Excel import: its Chinese header, whether it must be filled, how a cell becomes
/// part of the row, and the example value and rules shown in the template.
/// </summary>
/// <remarks>
/// Build columns with the static factories (<see cref="Text"/>, <see cref="Amount"/>, <see cref="Date"/> …).
/// A setter is called only for a non-blank cell that parsed; a blank optional cell leaves the row's default.
/// </remarks>
public sealed class ImportColumn<TRow>
{
    private readonly Func<TRow, object, string?> apply;

    private ImportColumn(string header, bool required, object? example, string rules, string? help,
        IReadOnlyList<string>? choices, Func<TRow, object, string?> apply)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        Header = ImportCells.NormalizeHeader(header);
        Required = required;
        Example = example;
        Rules = rules;
        Help = help;
        Choices = choices ?? [];
        this.apply = apply;
    }

    /// <summary>Header as the user sees it, without the required marker "*".</summary>
    public string Header { get; }

    public bool Required { get; }

    /// <summary>Value written in the template's example row (null leaves the cell blank).</summary>
    public object? Example { get; }

    /// <summary>What a valid cell looks like, in Chinese, for the template's "填写说明" sheet.</summary>
    public string Rules { get; }

    public string? Help { get; }

    /// <summary>Allowed names of an enumeration column, offered as a drop-down list in the template.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>Parses a non-blank cell into the row; returns a Chinese message when the cell is not valid.</summary>
    internal string? Apply(TRow row, object cell)
    {
        try
        {
            return apply(row, cell);
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    /// <summary>Text, trimmed; numbers and dates typed into the cell are taken as their text.</summary>
    public static ImportColumn<TRow> Text(string header, Action<TRow, string> set, bool required = false,
        int maxLength = 200, string? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var name = ImportCells.NormalizeHeader(header);
        example ??= ("示例" + name)[..Math.Min(maxLength, name.Length + 2)];
        return new(header, required, example, $"文本，不超过{maxLength}个字", help, null, (row, cell) =>
        {
            var text = ImportCells.AsText(cell);
            if (text.Length > maxLength)
            {
                return $"不能超过{maxLength}个字，实际为{text.Length}个字";
            }

            set(row, text);
            return null;
        });
    }

    /// <summary>Whole number; accepts numeric cells and text such as "1,200".</summary>
    public static ImportColumn<TRow> WholeNumber(string header, Action<TRow, int> set, bool required = false,
        int? min = null, int? max = null, int? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rules = "整数" + RangeText(min, max, "");
        return new(header, required, example ?? Math.Clamp(1, min ?? int.MinValue, max ?? int.MaxValue), rules, help, null, (row, cell) =>
        {
            if (!ImportCells.TryNumber(cell, out var number) || number != decimal.Truncate(number)
                || number < int.MinValue || number > int.MaxValue)
            {
                return $"应为整数，实际为{ImportCells.Quote(cell)}";
            }

            var value = (int)number;
            if (value < min || value > max)
            {
                return $"应{RangeText(min, max, "")[1..]}，实际为{value}";
            }

            set(row, value);
            return null;
        });
    }

    /// <summary>
    /// Amount in yuan with at most two decimals; accepts numeric cells and text such as "1,234.50",
    /// "¥1,234.50" or "1234.5元".
    /// </summary>
    public static ImportColumn<TRow> Amount(string header, Action<TRow, decimal> set, bool required = false,
        decimal? min = null, decimal? max = null, decimal? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rules = "金额（元），数字，最多两位小数，可带千分位逗号" + RangeText(min, max, "元");
        var defaultExample = Math.Clamp(1000.00m, min ?? decimal.MinValue, max ?? decimal.MaxValue);
        return new(header, required, example ?? defaultExample, rules, help, null, (row, cell) =>
        {
            if (!ImportCells.TryNumber(cell, out var value))
            {
                return $"应为数字，实际为{ImportCells.Quote(cell)}";
            }

            if (decimal.Round(value, 2) != value)
            {
                return $"最多两位小数，实际为{ImportCells.Quote(cell)}";
            }

            if (value < min || value > max)
            {
                return $"应{RangeText(min, max, "元")[1..]}，实际为{value:0.00}元";
            }

            set(row, value);
            return null;
        });
    }

    /// <summary>Date; accepts Excel date cells and text 2024-03-15, 2024/3/15, 2024.3.15, 20240315 or 2024年3月15日.</summary>
    public static ImportColumn<TRow> Date(string header, Action<TRow, DateOnly> set, bool required = false,
        DateOnly? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var shown = (example ?? new DateOnly(2025, 3, 15)).ToDateTime(TimeOnly.MinValue);
        return new(header, required, shown, "日期，如 2025-03-15、2025/3/15 或 2025年3月15日", help, null, (row, cell) =>
        {
            if (!ImportCells.TryDate(cell, out var date))
            {
                return $"应为日期（如 2025-03-15），实际为{ImportCells.Quote(cell)}";
            }

            set(row, date);
            return null;
        });
    }

    /// <summary>Yes or no: "是"/"否", or an Excel TRUE/FALSE cell.</summary>
    public static ImportColumn<TRow> YesNo(string header, Action<TRow, bool> set, bool required = false,
        bool example = true, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(header, required, example ? "是" : "否", "填“是”或“否”", help, ["是", "否"], (row, cell) =>
        {
            bool? value = cell switch
            {
                bool b => b,
                _ => ImportCells.Canonical(ImportCells.AsText(cell)) switch
                {
                    "是" or "TRUE" => true,
                    "否" or "FALSE" => false,
                    _ => null,
                },
            };
            if (value is not { } v)
            {
                return $"应为“是”或“否”，实际为{ImportCells.Quote(cell)}";
            }

            set(row, v);
            return null;
        });
    }

    /// <summary>One of a list of Chinese names; spaces, full-width forms and letter case are ignored.</summary>
    public static ImportColumn<TRow> Choice(string header, Action<TRow, string> set, IReadOnlyList<string> names,
        bool required = false, string? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Choice(header, set, names.Select(n => (n, n)).ToList(), required, example, help);
    }

    /// <summary>One of a list of Chinese names, each standing for a value (for example an enum member).</summary>
    public static ImportColumn<TRow> Choice<TValue>(string header, Action<TRow, TValue> set,
        IReadOnlyList<(string Name, TValue Value)> options, bool required = false, string? example = null, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            throw new ArgumentException("枚举列至少需要一个可选值。", nameof(options));
        }

        var byName = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (name, value) in options)
        {
            if (!byName.TryAdd(ImportCells.Canonical(name), value))
            {
                throw new ArgumentException($"可选值“{name}”重复。", nameof(options));
            }
        }

        var names = options.Select(o => o.Name).ToList();
        var list = string.Join("、", names);
        return new(header, required, example ?? names[0], "从下拉列表中选择：" + list, help, names, (row, cell) =>
        {
            if (!byName.TryGetValue(ImportCells.Canonical(ImportCells.AsText(cell)), out var value))
            {
                return $"应为{list}之一，实际为{ImportCells.Quote(cell)}";
            }

            set(row, value);
            return null;
        });
    }

    /// <summary>
    /// A column with its own parser: it gets the cell's trimmed text and returns the value or a Chinese error.
    /// </summary>
    public static ImportColumn<TRow> Custom<TValue>(string header, Action<TRow, TValue> set,
        Func<string, (TValue Value, string? Error)> parse, string rules, string example, bool required = false, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(parse);
        return new(header, required, example, rules, help, null, (row, cell) =>
        {
            var (value, error) = parse(ImportCells.AsText(cell));
            if (error is not null)
            {
                return error;
            }

            set(row, value);
            return null;
        });
    }

    private static string RangeText<T>(T? min, T? max, string unit)
        where T : struct =>
        (min, max) switch
        {
            ({ } lo, { } hi) => $"，在{lo}{unit}至{hi}{unit}之间",
            ({ } lo, null) => $"，不小于{lo}{unit}",
            (null, { } hi) => $"，不大于{hi}{unit}",
            _ => "",
        };
}

/// <summary>Reading cell values as MiniExcel returns them (string, double, DateTime, bool).</summary>
internal static partial class ImportCells
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm",
    ];

    public static bool IsBlank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    public static string NormalizeHeader(string header)
    {
        var text = header.Trim();
        while (text.EndsWith('*') || text.EndsWith('＊'))
        {
            text = text[..^1].TrimEnd();
        }

        return text;
    }

    public static string AsText(object cell) => cell switch
    {
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        double n => ((decimal)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>The cell as the user typed it, in Chinese quotes, shortened for a message.</summary>
    public static string Quote(object cell)
    {
        var text = AsText(cell);
        return "“" + (text.Length > 30 ? text[..30] + "…" : text) + "”";
    }

    /// <summary>Form used to compare names: full-width folded to half-width, no spaces, upper case.</summary>
    public static string Canonical(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static bool TryNumber(object cell, out decimal value)
    {
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27:
                value = (decimal)d;
                return true;
            case decimal m:
                value = m;
                return true;
            case int or long or float or short or byte:
                value = Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                return true;
            case string s:
                var text = s.Normalize(NormalizationForm.FormKC).Trim().TrimStart('¥').TrimEnd('元').Trim();
                if (!NumberText().IsMatch(text))
                {
                    value = 0;
                    return false;
                }

                return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal),
                    NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    public static bool TryDate(object cell, out DateOnly date)
    {
        switch (cell)
        {
            case DateTime d:
                date = DateOnly.FromDateTime(d);
                return true;
            case double n when n == Math.Floor(n) && n is >= 19000101 and <= 29991231:
                // 20240315 typed as a number.
                return DateOnly.TryParseExact(((long)n).ToString(CultureInfo.InvariantCulture), "yyyyMMdd",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            case double n when n is >= 1 and < 2958466:
                // A date serial whose cell format MiniExcel does not recognise as a date (e.g. "yyyy年m月d日").
                date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(n)));
                return true;
            case string s:
                var text = s.Normalize(NormalizationForm.FormKC).Trim();
                if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    && parsed.TimeOfDay == TimeSpan.Zero)
                {
                    date = DateOnly.FromDateTime(parsed);
                    return true;
                }

                date = default;
                return false;
            default:
                date = default;
                return false;
        }
    }

    /// <summary>Column letters for a zero-based column index: 0 → A, 26 → AA.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberText();
}
