namespace Jixiao.Domain.Reports;

/// <summary>
/// A total with the parts the text lists for it. <see cref="Exhaustive"/> when the wording says the
/// parts are the whole breakdown: a parenthesised list right after the total
/// ("已审结129件（撤销1件，驳回2件…）") or "…，分别为A件、B件". A list introduced by 其中, 包括 or 含,
/// and the one figure after "N件…中，", may be a subset.
/// </summary>
internal sealed record Breakdown(Figure Total, IReadOnlyList<Figure> Parts, bool Exhaustive, bool Among = false)
{
    private static readonly string[] SubsetWords = ["其中", "包括", "内含", "含有", "含"];
    private static readonly string[] ExhaustiveWords = ["分别为", "分别是", "依次为"];

    private static readonly string[] ChangeWords = ["同比", "环比", "较上年", "比上年", "增加", "减少", "增长", "下降"];
    private const string ProgressiveBeforeZhong = "理行施进审办程作查设改";
    private static readonly string[] TotalWords = ["共", "总", "合计", "累计", "全部"];

    /// <summary>
    /// A figure the text marks as a whole that others are counted against: worded as a total
    /// (共、总、合计、累计、全部), or given with its parts.
    /// </summary>
    public static bool IsWhole(ReportText text, Figure f, IReadOnlyList<Breakdown> breakdowns)
    {
        var label = text.LabelOf(f);
        return TotalWords.Any(w => label.Contains(w, StringComparison.Ordinal)) || breakdowns.Any(b => b.Total == f);
    }

    public static IReadOnlyList<Breakdown> FindAll(ReportText text)
    {
        var found = new List<Breakdown>();
        foreach (var total in text.Figures.Where(f => f.Kind is MeasureKind.Count or MeasureKind.Money))
        {
            var sentence = text.SentenceOf(total);
            var after = text.SkipSpaces(total.End, sentence.End);
            if (after < sentence.End && text.Text[after] is '（' or '(')
            {
                var close = text.CloseOf(after, sentence.End);
                if (close < 0)
                {
                    continue;
                }

                if (Parenthesised(text, total, after + 1, close - 1) is { } inner)
                {
                    found.Add(inner);
                }

                after = text.SkipSpaces(close, sentence.End);
            }

            if (Introduced(text, total, after, sentence.End) is { } listed)
            {
                found.Add(listed);
            }

            if (AmongOf(text, total, sentence.End) is { } among)
            {
                found.Add(among);
            }
        }

        return found;
    }

    private static Breakdown? Parenthesised(ReportText text, Figure total, int start, int end)
    {
        var inner = text.Text[start..end].Trim();
        if (ChangeWords.Any(w => inner.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var inside = text.Between(start, end).ToList();
        if (SubsetWords.Any(w => inner.StartsWith(w, StringComparison.Ordinal)))
        {
            var parts = inside.Where(total.SameMeasure).ToList();
            return parts.Count > 0 ? new Breakdown(total, parts, Exhaustive: false) : null;
        }

        var segments = TopLevelSegments(text, start, end);
        var listed = new List<Figure>();
        foreach (var (s, e) in segments)
        {
            var inSegment = inside.Where(f => f.Start >= s && f.End <= e).ToList();
            if (inSegment.Count != 1 || !inSegment[0].SameMeasure(total) || text.Text[inSegment[0].End..e].Trim().Length > 0)
            {
                return null;
            }

            listed.Add(inSegment[0]);
        }

        return listed.Count >= 2 ? new Breakdown(total, listed, Exhaustive: true) : null;
    }

    /// <summary>
    /// "66件，其中A件、B件" — also across up to two clauses that state no like figure, as in
    /// "受理3,128件，同比增长12.3%，其中刑事案件1,205件、…".
    /// </summary>
    private static Breakdown? Introduced(ReportText text, Figure total, int at, int limit)
    {
        string? keyword = null;
        string? exhaustive = null;
        var keywordAt = at;
        for (var hop = 0; hop <= 2 && keyword is null; hop++)
        {
            if (at >= limit || !text.IsClauseBreakAt(at))
            {
                return null;
            }

            keywordAt = text.SkipSpaces(at + 1, limit);
            var rest = text.Text[keywordAt..limit];
            exhaustive = ExhaustiveWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal));
            keyword = exhaustive ?? SubsetWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal));
            if (keyword is null)
            {
                var (_, clauseEnd) = text.ClauseOf(keywordAt, total.Sentence);
                if (text.Between(keywordAt, clauseEnd).Any(total.SameMeasure))
                {
                    return null;
                }

                at = clauseEnd;
            }
        }

        if (keyword is null)
        {
            return null;
        }

        var parts = new List<Figure>();
        var from = keywordAt + keyword.Length;
        foreach (var next in text.Between(from, limit))
        {
            var gap = text.Text[from..next.Start];
            var joined = parts.Count == 0 || gap.Contains('、', StringComparison.Ordinal) || gap is "和" or "及" or "以及" or "与";
            if (!next.SameMeasure(total) || !joined || gap.Any(ReportText.IsClauseBreak))
            {
                break;
            }

            parts.Add(next);
            from = next.End;
        }

        return parts.Count > 0 ? new Breakdown(total, parts, Exhaustive: exhaustive is not null && parts.Count >= 2) : null;
    }

    /// <summary>
    /// "立案受理的135件行政复议案件中，已审结129件" — the first like figure after "N件…中，" is part of N.
    /// "12件正在办理中" is a state, not a set, and is left alone.
    /// </summary>
    private static Breakdown? AmongOf(ReportText text, Figure total, int limit)
    {
        var (_, clauseEnd) = text.ClauseOf(total.End, total.Sentence);
        var clauseRest = text.Text[total.End..clauseEnd].TrimEnd();
        if (!clauseRest.EndsWith('中')
            || (clauseRest.Length >= 2 && ProgressiveBeforeZhong.Contains(clauseRest[^2], StringComparison.Ordinal))
            || text.Between(total.End, clauseEnd).Any())
        {
            return null;
        }

        var part = text.Between(clauseEnd + 1, limit).FirstOrDefault(total.SameMeasure);
        return part is null ? null : new Breakdown(total, [part], Exhaustive: false, Among: true);
    }

    private static List<(int Start, int End)> TopLevelSegments(ReportText report, int start, int end)
    {
        var text = report.Text;
        var segments = new List<(int, int)>();
        var depth = 0;
        var segmentStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || (depth == 0 && text[i] is '，' or '、' or '；' or ',' or ';' && !report.IsThousandsSeparator(i)))
            {
                segments.Add((segmentStart, i));
                segmentStart = i + 1;
            }
            else if (text[i] is '（' or '(')
            {
                depth++;
            }
            else if (text[i] is '）' or ')')
            {
                depth--;
            }
        }

        return segments;
    }
}
