using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Domain.Reports;

/// <summary>What a figure measures; figures are only compared with figures of the same measure.</summary>
internal enum MeasureKind
{
    Count,
    Money,
    Percent,
    Score,
}

/// <summary>A number with its unit as it stands in the text: "129件", "93.79万元", "698,000元", "25.8%", "97分", "两项".</summary>
internal sealed record Figure(
    int Start,
    int End,
    string Text,
    decimal Number,
    decimal Multiplier,
    string Unit,
    MeasureKind Kind,
    int Decimals,
    int Sentence)
{
    /// <summary>Value in the base unit: yuan, items, percentage points or points.</summary>
    public decimal Value => Number * Multiplier;

    /// <summary>件 and 宗 both count cases (案件) and are used interchangeably in one report.</summary>
    public string UnitGroup => Unit is "宗" ? "件" : Unit;

    public bool SameMeasure(Figure other) => Kind == other.Kind && (Kind != MeasureKind.Count || UnitGroup == other.UnitGroup);

    public FindingFigure As(string role) => new(role, Text, Value, Start);
}

internal sealed record Sentence(int Start, int End, int Section);

/// <summary>
/// A report split into sections (by headings such as 一、 （一） 1、), sentences (by 。！？ and line
/// breaks) and figures. Offsets refer to the text as given.
/// </summary>
internal sealed partial class ReportText
{
    private const string Delimiters = "，；,;：:、（）()";

    private static readonly HashSet<string> NotUnits = ["部门", "项目", "分之", "分钟", "分局", "人民", "人员", "次日", "件事", "个人", "期间", "名单", "家庭", "条例", "分别", "分类", "分析", "分管", "分级", "分配", "分成", "分为"];

    private ReportText(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<Figure> figures, int[] lineStarts)
    {
        Text = text;
        Sentences = sentences;
        Figures = figures;
        this.lineStarts = lineStarts;
    }

    private readonly int[] lineStarts;
    private readonly Dictionary<int, string> labels = [];

    public string Text { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Figure> Figures { get; }

    public static ReportText Parse(string text)
    {
        var normal = Normalise(text);
        var lineStarts = LineStarts(normal);
        var sentences = SplitSentences(normal, lineStarts);
        var figures = new List<Figure>();
        foreach (Match m in ArabicFigure().Matches(normal))
        {
            if (IsOrdinalOrWord(normal, m.Index, m.Index + m.Length, m.Groups["unit"].Value))
            {
                continue;
            }

            var digits = m.Groups["num"].Value;
            var number = decimal.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            var dot = digits.IndexOf('.', StringComparison.Ordinal);
            figures.Add(Make(text, m, number, dot < 0 ? 0 : digits.Length - dot - 1, sentences));
        }

        foreach (Match m in ChineseFigure().Matches(normal))
        {
            if (IsOrdinalOrWord(normal, m.Index, m.Index + m.Length, m.Groups["unit"].Value)
                || ChineseNumber(m.Groups["num"].Value) is not { } number)
            {
                continue;
            }

            figures.Add(Make(text, m, number, 0, sentences));
        }

        figures.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new ReportText(text, sentences, figures, lineStarts);
    }

    public int LineOf(int offset)
    {
        var i = Array.BinarySearch(lineStarts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    public string SentenceText(Sentence s) => Text[s.Start..s.End];

    public ReportFinding Finding(string rule, Figure stated, IReadOnlyList<FindingFigure> figures, string explanation, string expected)
    {
        var sentence = SentenceOf(stated);
        return new ReportFinding(rule, SentenceText(sentence), sentence.Start, LineOf(stated.Start), stated.Text, stated.Start, figures, explanation, expected);
    }

    public Sentence SentenceOf(Figure f) => Sentences[f.Sentence];

    public IEnumerable<Figure> InSentence(int sentence) => Between(Sentences[sentence].Start, Sentences[sentence].End);

    public IEnumerable<Figure> InSection(int section)
    {
        var first = Sentences.First(s => s.Section == section);
        var last = Sentences.Last(s => s.Section == section);
        return Between(first.Start, last.End);
    }

    /// <summary>The figures lying wholly within [start, end), in text order.</summary>
    public IEnumerable<Figure> Between(int start, int end)
    {
        var (low, high) = (0, Figures.Count);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = Figures[mid].Start < start ? (mid + 1, high) : (low, mid);
        }

        for (var i = low; i < Figures.Count && Figures[i].Start < end; i++)
        {
            if (Figures[i].End <= end)
            {
                yield return Figures[i];
            }
        }
    }

    /// <summary>
    /// The words that introduce a figure: the text back to the previous figure or clause delimiter,
    /// e.g. "全年度实际支出" for "全年度实际支出93.79万元".
    /// </summary>
    public string LabelOf(Figure f)
    {
        if (!labels.TryGetValue(f.Start, out var label))
        {
            labels[f.Start] = label = FindLabel(f);
        }

        return label;
    }

    private string FindLabel(Figure f)
    {
        var sentence = SentenceOf(f);
        var previousEnd = InSentence(f.Sentence).Where(o => o.End <= f.Start).Select(o => o.End).DefaultIfEmpty(sentence.Start).Max();
        var start = f.Start;
        while (start > previousEnd && !(Delimiters.Contains(Text[start - 1], StringComparison.Ordinal) && !IsThousandsSeparator(start - 1)))
        {
            start--;
        }

        return Text[start..f.Start].Trim();
    }

    /// <summary>The clause (分句) of a figure: the sentence between the nearest ，；,; either side.</summary>
    public (int Start, int End) ClauseOf(int offset, int sentence)
    {
        var s = Sentences[sentence];
        var start = offset;
        while (start > s.Start && !IsClauseBreakAt(start - 1))
        {
            start--;
        }

        var end = offset;
        while (end < s.End && !IsClauseBreakAt(end))
        {
            end++;
        }

        return (start, end);
    }

    public static bool IsClauseBreak(char c) => c is '，' or '；' or ',' or ';';

    public bool IsClauseBreakAt(int i) => IsClauseBreak(Text[i]) && !IsThousandsSeparator(i);

    /// <summary>The comma of "698,000": a digit on either side.</summary>
    public bool IsThousandsSeparator(int i) =>
        Text[i] == ',' && i > 0 && i + 1 < Text.Length && char.IsAsciiDigit(Text[i - 1]) && char.IsAsciiDigit(Text[i + 1]);

    /// <summary>Offset just after the parenthesis that opens at <paramref name="open"/>, or -1 if it is not closed in its sentence.</summary>
    public int CloseOf(int open, int limit)
    {
        var depth = 0;
        for (var i = open; i < limit; i++)
        {
            if (Text[i] is '（' or '(')
            {
                depth++;
            }
            else if (Text[i] is '）' or ')' && --depth == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    public int SkipSpaces(int i, int limit)
    {
        while (i < limit && char.IsWhiteSpace(Text[i]))
        {
            i++;
        }

        return i;
    }

    private static Figure Make(string original, Match m, decimal number, int decimals, IReadOnlyList<Sentence> sentences)
    {
        var unit = m.Groups["unit"].Value;
        var multiplier = m.Groups["mul"].Value switch
        {
            "万" => 10_000m,
            "亿" => 100_000_000m,
            _ => 1m,
        };
        var kind = unit switch
        {
            "元" => MeasureKind.Money,
            "%" => MeasureKind.Percent,
            "分" => MeasureKind.Score,
            _ => MeasureKind.Count,
        };
        var (low, high) = (0, sentences.Count - 1);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            (low, high) = sentences[mid].Start <= m.Index ? (mid, high) : (low, mid - 1);
        }

        var sentence = Math.Max(low, 0);

        return new Figure(m.Index, m.Index + m.Length, original.Substring(m.Index, m.Length), number, multiplier, unit, kind, decimals, sentence);
    }

    private static bool IsOrdinalOrWord(string text, int start, int end, string unit)
    {
        if (start > 0 && (text[start - 1] == '第' || char.IsAsciiLetter(text[start - 1])))
        {
            return true;
        }

        return end < text.Length && NotUnits.Contains(string.Concat(unit.AsSpan(unit.Length - 1), text.AsSpan(end, 1)));
    }

    /// <summary>Full-width digits, point and per-cent sign to ASCII, one character for one, so offsets stay.</summary>
    private static string Normalise(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '％' => '%',
                _ => c,
            });
        }

        return b.ToString();
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static List<Sentence> SplitSentences(string text, int[] lineStarts)
    {
        var sentences = new List<Sentence>();
        var section = 0;
        foreach (var (lineStart, index) in lineStarts.Select((s, i) => (s, i)))
        {
            var lineEnd = index + 1 < lineStarts.Length ? lineStarts[index + 1] - 1 : text.Length;
            if (Heading().IsMatch(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                section++;
            }

            var start = lineStart;
            for (var i = lineStart; i <= lineEnd; i++)
            {
                if (i == lineEnd || text[i] is '。' or '！' or '？' or '!' or '?')
                {
                    var (s, e) = Trim(text, start, i);
                    if (e > s)
                    {
                        sentences.Add(new Sentence(s, i < lineEnd ? i + 1 : e, section));
                    }

                    start = i + 1;
                }
            }
        }

        return sentences;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>一 to 九千九百九十九, with 两 and 〇/零: "两项" → 2, "十二份" → 12, "一百零五件" → 105.</summary>
    internal static decimal? ChineseNumber(string s)
    {
        var total = 0;
        var digit = -1;
        foreach (var c in s)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c is '〇')
            {
                d = 0;
            }
            else if (c is '两')
            {
                d = 2;
            }

            if (d >= 0)
            {
                if (digit > 0)
                {
                    return null;
                }

                digit = d;
                continue;
            }

            var place = c switch
            {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => 0,
            };
            if (place == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * place;
            digit = -1;
        }

        total += Math.Max(digit, 0);
        return total > 0 ? total : null;
    }

    [GeneratedRegex(@"(?<![\d.,])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \u3000\t]*(?<mul>万|亿)?(?<unit>%|元|场次|人次|件|宗|份|个|项|名|人|家|次|场|部|期|条|户|起|篇|所|分)")]
    private static partial Regex ArabicFigure();

    [GeneratedRegex("(?<![第零〇一二两三四五六七八九十百千万])(?<num>[零〇一二两三四五六七八九十百千]+)(?<mul>万|亿)?(?<unit>元|场次|人次|件|宗|份|个|项|名|人|家|次|部|期|条|户|起|篇)")]
    private static partial Regex ChineseFigure();

    [GeneratedRegex(@"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+、|\d+\s*[、．.](?!\d)|\d+、)")]
    private static partial Regex Heading();
}
