using Jixiao.Domain.Reconsideration;

namespace Jixiao.Domain.Assessment;

/// <summary>The grade (等次) of a rule-of-law assessment.</summary>
public enum AssessmentGrade
{
    /// <summary>优秀</summary>
    Excellent = 1,

    /// <summary>良好</summary>
    Good = 2,

    /// <summary>合格</summary>
    Pass = 3,

    /// <summary>不合格</summary>
    Fail = 4,
}

/// <summary>The lowest totals of the grades of a scheme (等次划分): 优秀 ≥ excellent, 良好 ≥ good, 合格 ≥ pass, else 不合格.</summary>
public readonly record struct GradeThresholds(decimal Excellent, decimal Good, decimal Pass)
{
    /// <summary>Refuses thresholds that are not strictly descending, below zero or above the scheme's full marks.</summary>
    public GradeThresholds Validated(decimal fullMarks)
    {
        if (!(Excellent > Good && Good > Pass && Pass > 0))
        {
            throw new DomainException($"等次分数线应依次递减且大于0：优秀{Excellent}、良好{Good}、合格{Pass}。");
        }

        if (Excellent > fullMarks)
        {
            throw new DomainException($"优秀分数线{Excellent}超过方案满分{fullMarks}。");
        }

        return this;
    }
}

/// <summary>One assessed unit's result: total, whether every indicator is scored, grade and rank.</summary>
public sealed record AssessmentResult(int UnitId, decimal Total, int Scored, bool Complete, AssessmentGrade? Grade, int? Rank);

/// <summary>
/// The rules of the rule-of-law assessment (法治建设考评): scores within an indicator's points, totals, grades,
/// ranking and coverage.
/// </summary>
/// <remarks>
/// The scheme (考评办法及标准) gives every indicator its points; an assessing unit scores each assessed unit on each
/// indicator from 0 up to those points (扣分制 leaves at least 0). A unit is assessed (已考评) when every indicator of the
/// scheme has a score; only assessed units get a grade and a rank. Ranks are competition ranks: equal totals share a rank
/// and the next rank skips (1, 2, 2, 4). Coverage (考评覆盖率) is assessed ÷ units to be assessed.
/// </remarks>
public static class AssessmentRules
{
    public static string GradeName(AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Excellent => "优秀",
        AssessmentGrade.Good => "良好",
        AssessmentGrade.Pass => "合格",
        AssessmentGrade.Fail => "不合格",
        _ => grade.ToString(),
    };

    /// <summary>The grade of a total under the thresholds.</summary>
    public static AssessmentGrade Grade(decimal total, GradeThresholds thresholds) =>
        total >= thresholds.Excellent ? AssessmentGrade.Excellent
        : total >= thresholds.Good ? AssessmentGrade.Good
        : total >= thresholds.Pass ? AssessmentGrade.Pass
        : AssessmentGrade.Fail;

    /// <summary>The problem with a score for an indicator of the given points, or null when it is valid.</summary>
    public static string? ScoreProblem(decimal score, decimal points)
    {
        if (score < 0)
        {
            return $"得分{score}不能为负数。";
        }

        if (score > points)
        {
            return $"得分{score}超过该指标分值{points}。";
        }

        return decimal.Round(score, 2) != score ? $"得分{score}最多保留两位小数。" : null;
    }

    /// <summary>Refuses a score outside 0 … points.</summary>
    public static decimal CheckScore(decimal score, decimal points, string indicator) =>
        ScoreProblem(score, points) is { } problem ? throw new DomainException($"指标“{indicator}”：{problem}") : score;

    /// <summary>
    /// The results of the assessed units: <paramref name="scores"/> holds each unit's scores by indicator id;
    /// <paramref name="indicatorCount"/> is the number of indicators of the scheme.
    /// </summary>
    public static IReadOnlyList<AssessmentResult> Results(IReadOnlyDictionary<int, IReadOnlyList<decimal>> scores, int indicatorCount, GradeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var totals = scores.Select(s => (UnitId: s.Key, Total: s.Value.Sum(), Scored: s.Value.Count, Complete: indicatorCount > 0 && s.Value.Count == indicatorCount)).ToList();
        var ranked = totals.Where(t => t.Complete).Select(t => t.Total).ToList();
        return [.. totals
            .Select(t => new AssessmentResult(t.UnitId, t.Total, t.Scored, t.Complete,
                t.Complete ? Grade(t.Total, thresholds) : null,
                t.Complete ? 1 + ranked.Count(other => other > t.Total) : null))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Total).ThenBy(r => r.UnitId)];
    }

    /// <summary>Coverage (考评覆盖率): assessed ÷ to be assessed, percent with two decimals; none when nobody is to be assessed.</summary>
    public static decimal? Coverage(int assessed, int toBeAssessed) => Percent.Of(assessed, toBeAssessed);
}
