using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Domain.Reports;

/// <summary>The value of a metric as a sentence shows it: a count (190) or a percent (34.81%); none shows as —.</summary>
public sealed record SentenceFigure(string Key, string Name, decimal? Value, bool Percent)
{
    public string Display => Value is not { } v
        ? "—"
        : Percent ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A figure of a sentence that is not the value of its metric: an edited number or a sentence generated before the data changed.</summary>
public sealed record SentenceMismatch(string Key, string Name, string Stated, string Expected)
{
    public string Message => Stated.Length == 0
        ? $"句中找不到“{Name}”的数字，应为 {Expected}"
        : $"“{Name}”写作 {Stated}，统计值为 {Expected}";
}

/// <summary>
/// A report sentence template (报告语句模板) such as “全年共新收行政复议案件{reconsideration.received}件”: literal text
/// with placeholders naming metrics of the catalogue. It renders the sentence from the metrics' values and, given a
/// sentence as a user left it, finds each placeholder's number again and compares it with the value.
/// </summary>
/// <remarks>
/// A number is found again by the text that precedes its placeholder in the template (its anchor), so a user may
/// change other words of the sentence without losing the check; every placeholder therefore needs text before it.
/// evaluation-outputs.md part 三: generated sentences may be edited, and every figure that no longer agrees is listed.
/// </remarks>
public sealed partial class SentenceTemplate
{
    private const int AnchorLength = 8;

    private SentenceTemplate(string text, IReadOnlyList<(string Literal, string? Key)> parts)
    {
        Text = text;
        Parts = parts;
    }

    public string Text { get; }

    /// <summary>The template as literal text each followed by a placeholder's key (null after the last literal).</summary>
    public IReadOnlyList<(string Literal, string? Key)> Parts { get; }

    /// <summary>The metric keys the template names, in order, each once.</summary>
    public IReadOnlyList<string> Keys => [.. Parts.Where(p => p.Key is not null).Select(p => p.Key!).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads a template; refuses unbalanced braces, malformed keys and a placeholder without text before it.</summary>
    /// <exception cref="DomainException">The template is malformed; the message names the fault.</exception>
    public static SentenceTemplate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("语句模板不能为空。");
        }

        text = text.Trim();
        if (text.Length > 2000)
        {
            throw new DomainException("语句模板不能超过 2000 个字。");
        }

        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch == '}')
            {
                throw new DomainException($"语句模板第 {i + 1} 个字符处有多余的“}}”。");
            }

            if (ch != '{')
            {
                literal.Append(ch);
                i++;
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new DomainException($"语句模板第 {i + 1} 个字符处的“{{”没有对应的“}}”。");
            }

            var key = text[(i + 1)..end].Trim();
            if (!KeyPattern().IsMatch(key))
            {
                throw new DomainException($"占位符“{{{key}}}”不是统计指标的键，应如 {{reconsideration.received}}。");
            }

            if (Anchor(literal.ToString()).Length == 0)
            {
                throw new DomainException($"占位符“{{{key}}}”前须有文字，以便核对句中的数字。");
            }

            parts.Add((literal.ToString(), key));
            literal.Clear();
            i = end + 1;
        }

        parts.Add((literal.ToString(), null));
        return parts.Count == 1
            ? throw new DomainException("语句模板中没有占位符：请用 {指标键} 标出由统计生成的数字。")
            : new SentenceTemplate(text, parts);
    }

    /// <summary>The sentence with each placeholder replaced by its figure's display.</summary>
    /// <exception cref="DomainException">A placeholder has no figure.</exception>
    public string Render(IReadOnlyDictionary<string, SentenceFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var sb = new StringBuilder();
        foreach (var (literal, key) in Parts)
        {
            sb.Append(literal);
            if (key is not null)
            {
                sb.Append(Figure(figures, key).Display);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The figures of <paramref name="sentence"/> that differ from the metrics' values: for each placeholder, the number
    /// after its anchor text (searched from where the previous one was found), compared with the figure's display.
    /// </summary>
    public IReadOnlyList<SentenceMismatch> Check(string sentence, IReadOnlyDictionary<string, SentenceFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(figures);
        var found = new List<SentenceMismatch>();
        var position = 0;
        foreach (var (literal, key) in Parts.Where(p => p.Key is not null))
        {
            var figure = Figure(figures, key!);
            var anchor = Anchor(literal);
            var at = sentence.IndexOf(anchor, position, StringComparison.Ordinal);
            var number = at < 0 ? null : NumberPattern().Match(sentence, at + anchor.Length);
            if (number is null || !number.Success)
            {
                found.Add(new SentenceMismatch(figure.Key, figure.Name, string.Empty, figure.Display));
                continue;
            }

            position = number.Index + number.Length;
            var stated = number.Value.Trim();
            if (!Agrees(stated, figure))
            {
                found.Add(new SentenceMismatch(figure.Key, figure.Name, stated, figure.Display));
            }
        }

        return found;
    }

    private static bool Agrees(string stated, SentenceFigure figure)
    {
        if (figure.Value is not { } value)
        {
            return stated == "—";
        }

        if (figure.Percent != stated.EndsWith('%'))
        {
            return false;
        }

        var digits = stated.TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && n == (figure.Percent ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : value);
    }

    private static SentenceFigure Figure(IReadOnlyDictionary<string, SentenceFigure> figures, string key) =>
        figures.TryGetValue(key, out var f) ? f : throw new DomainException($"语句模板中的“{{{key}}}”没有统计值。");

    /// <summary>The last few characters of the literal before a placeholder, without the punctuation that users rewrite.</summary>
    private static string Anchor(string literal)
    {
        var trimmed = literal.TrimEnd(' ', '　');
        var start = trimmed.Length;
        while (start > 0 && trimmed.Length - start < AnchorLength && (start == trimmed.Length || !Breaks.Contains(trimmed[start - 1])))
        {
            start--;
        }

        return trimmed[start..];
    }

    private static readonly char[] Breaks = ['，', '。', '；', '：', '、', ',', ';', ':', '…', '（', '）', '(', ')', '{', '}'];

    [GeneratedRegex(@"\G\s*(—|-?\d[\d,]*(\.\d+)?\s*%?)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
