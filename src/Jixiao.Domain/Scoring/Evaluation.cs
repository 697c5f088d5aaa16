using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Scoring;

/// <summary>Qualitative band (定性指标档次) chosen by the evaluator.</summary>
/// <remarks>scoring-rules.md “qualitative indicator”.</remarks>
public enum QualitativeBand
{
    /// <summary>达成年度指标: 100 %–80 % of the points.</summary>
    Achieved = 1,

    /// <summary>部分达成并具有一定效果: 80 %–50 % (80 %–60 % in the 80/60 profile).</summary>
    PartlyAchieved = 2,

    /// <summary>未达成且效果较差: 50 %–0 % (60 %–0 % in the 80/60 profile).</summary>
    NotAchieved = 3,
}

/// <summary>Points a reviewer deducts from an indicator, with the reason, which is recorded.</summary>
/// <param name="Points">Points deducted, more than 0.</param>
/// <param name="Reason">Reason (扣分理由), required.</param>
/// <remarks>scoring-rules.md “over-achievement”: the reviewer may deduct points with a reason, which is recorded.</remarks>
public sealed record ReviewerDeduction(decimal Points, string Reason);

/// <summary>An indicator at evaluation: the declared indicator with what the evaluator and reviewer entered.</summary>
/// <param name="Indicator">The declared indicator (its <see cref="Indicator.NotApplicable"/> flag drops it).</param>
/// <param name="Actual">实际完成值 of a quantitative indicator.</param>
/// <param name="Band">Band chosen for a qualitative indicator.</param>
/// <param name="QualitativeScore">Score (in points) chosen inside the band for a qualitative indicator.</param>
/// <param name="DeviationReason">偏差原因分析及改进措施.</param>
/// <param name="Deduction">Reviewer deduction, if any.</param>
public sealed record IndicatorEvaluation(
    Indicator Indicator,
    decimal? Actual = null,
    QualitativeBand? Band = null,
    decimal? QualitativeScore = null,
    string? DeviationReason = null,
    ReviewerDeduction? Deduction = null);

/// <summary>Everything a self-evaluation is scored from.</summary>
/// <param name="FullYearBudget">全年预算数 in yuan.</param>
/// <param name="Executed">全年执行数 in yuan.</param>
/// <param name="Indicators">The indicators with their actuals.</param>
/// <param name="ExecutionReason">Written reason for a low execution rate, where the profile requires one.</param>
public sealed record ScoringInput(decimal FullYearBudget, decimal Executed, IReadOnlyList<IndicatorEvaluation> Indicators, string? ExecutionReason = null)
{
    /// <summary>Input from the total row of the funds block.</summary>
    public static ScoringInput From(BudgetFigures figures, IReadOnlyList<IndicatorEvaluation> indicators, string? executionReason = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new ScoringInput(figures.Total.FullYear, figures.Total.Executed, indicators, executionReason);
    }
}

/// <summary>How an indicator came out.</summary>
public enum IndicatorOutcome
{
    /// <summary>完成：target met, full points.</summary>
    Met = 1,

    /// <summary>未完成：target not met, partial points.</summary>
    NotMet = 2,

    /// <summary>超额完成：beyond the target by the threshold or more; full points, a reason is required.</summary>
    OverAchieved = 3,

    /// <summary>定性评价：scored by the evaluator inside a band.</summary>
    Qualitative = 4,

    /// <summary>本年度不适用：dropped from the score.</summary>
    NotApplicable = 5,
}

/// <summary>The budget-execution part of the score.</summary>
/// <param name="Rate">Execution rate against the full-year budget.</param>
/// <param name="Points">分值 (profile's execution points).</param>
/// <param name="Score">得分, rounded half-up to 2 decimals; 0 when the rate is undefined.</param>
/// <param name="Explanation">Rule, numbers and result in Chinese.</param>
/// <param name="ReasonRequired">The profile requires a written reason for this rate.</param>
/// <param name="ReasonMissing">A reason is required and none was given.</param>
public sealed record ExecutionScore(ExecutionRate Rate, decimal Points, decimal Score, string Explanation, bool ReasonRequired, bool ReasonMissing);

/// <summary>The score of one indicator.</summary>
/// <param name="Evaluation">What was scored.</param>
/// <param name="Outcome">How it came out.</param>
/// <param name="Points">分值.</param>
/// <param name="ScoreBeforeDeduction">Score by the rule, capped and rounded; null when not applicable.</param>
/// <param name="Deduction">Reviewer deduction applied, if any.</param>
/// <param name="Score">得分 after the deduction, never below 0; null when not applicable.</param>
/// <param name="Explanation">Rule, numbers and result in Chinese, e.g. "正向指标未完成：10 × 45 ÷ 50 = 9.00".</param>
/// <param name="DeviationReasonRequired">Not fully met, or over-achieved: 偏差原因分析及改进措施 is required.</param>
/// <param name="DeviationReasonMissing">Required and empty.</param>
public sealed record IndicatorScore(
    IndicatorEvaluation Evaluation,
    IndicatorOutcome Outcome,
    decimal Points,
    decimal? ScoreBeforeDeduction,
    ReviewerDeduction? Deduction,
    decimal? Score,
    string Explanation,
    bool DeviationReasonRequired,
    bool DeviationReasonMissing)
{
    /// <summary>The level-3 name.</summary>
    public string Name => Evaluation.Indicator.Name;
}

/// <summary>A scored self-evaluation: the score table's figures with their explanations.</summary>
/// <param name="ProfileName">Profile it was scored with.</param>
/// <param name="ProfileVersion">Version of that profile.</param>
/// <param name="Execution">Budget-execution part.</param>
/// <param name="Indicators">One score per indicator, in input order.</param>
/// <param name="ScoreSum">Sum of the rounded scores (execution + applicable indicators).</param>
/// <param name="ApplicablePoints">Execution points + points of the applicable indicators.</param>
/// <param name="Total">总分: the sum, rescaled to 100 when the applicable points are not 100.</param>
/// <param name="TotalExplanation">How the total was made.</param>
/// <param name="Grade">等级 of the total.</param>
/// <param name="Problems">Everything that must be fixed before submission, in Chinese (missing reasons, an undefined rate, points not adding up).</param>
public sealed record EvaluationScore(
    string ProfileName,
    int ProfileVersion,
    ExecutionScore Execution,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal ScoreSum,
    decimal ApplicablePoints,
    decimal Total,
    string TotalExplanation,
    Grade Grade,
    IReadOnlyList<string> Problems)
{
    /// <summary>优 / 良 / 中 / 差.</summary>
    public string GradeName => ScoringProfiles.GradeName(Grade);

    /// <summary>The score of the indicator with this level-3 name.</summary>
    public IndicatorScore For(string indicatorName) =>
        Indicators.FirstOrDefault(i => i.Name == indicatorName) ?? throw new NotFoundException($"评分结果中没有指标“{indicatorName}”。");
}
