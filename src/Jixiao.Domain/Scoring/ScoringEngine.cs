using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// Scores a self-evaluation (项目支出绩效自评) under a scoring profile. Every score carries its
/// explanation: the rule, the numbers put into it and the result.
/// </summary>
/// <remarks>Implements every rule of scoring-rules.md; the profile supplies the numbers that vary by jurisdiction.</remarks>
public static class ScoringEngine
{
    /// <summary>Scores the evaluation under the profile.</summary>
    /// <exception cref="DomainException">
    /// The profile is invalid, a quantitative indicator has no target or actual, a qualitative indicator has
    /// no band or its score is outside the band, or a deduction has no reason.
    /// </exception>
    public static EvaluationScore Score(ScoringInput input, ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(profile);
        profile.EnsureValid();

        var execution = ScoreExecution(input, profile);
        var indicators = input.Indicators.Select(i => ScoreIndicator(i, profile)).ToList();
        var applicable = indicators.Where(i => i.Outcome != IndicatorOutcome.NotApplicable).ToList();

        var sum = execution.Score + applicable.Sum(i => i.Score ?? 0m);
        var applicablePoints = execution.Points + applicable.Sum(i => i.Points);
        var problems = new List<string>();
        if (!execution.Rate.IsDefined)
        {
            problems.Add(execution.Rate.Explanation);
        }

        if (execution.ReasonMissing && execution.Rate.IsDefined)
        {
            problems.Add($"预算执行率 {execution.Rate.PercentText} 低于 {Rounding.Plain(profile.ExecutionReasonRequiredBelow.GetValueOrDefault() * 100m)}%，须书面说明原因。");
        }

        problems.AddRange(indicators.Where(i => i.DeviationReasonMissing)
            .Select(i => $"指标“{i.Name}”{(i.Outcome == IndicatorOutcome.OverAchieved ? "超额完成" : "未完全完成")}，须填写偏差原因分析及改进措施。"));

        var (total, totalExplanation) = Total(execution, applicable, indicators.Count - applicable.Count, sum, applicablePoints, problems);
        return new EvaluationScore(profile.Name, profile.Version, execution, indicators, sum, applicablePoints, total, totalExplanation, profile.GradeOf(total), problems);
    }

    /// <summary>Scores the same evaluation under two profiles, side by side.</summary>
    /// <remarks>scoring-rules.md: a self-evaluation “can be re-scored under another profile to compare side by side”.</remarks>
    public static ProfileComparison Compare(ScoringInput input, ScoringProfile first, ScoringProfile second)
    {
        var a = Score(input, first);
        var b = Score(input, second);
        var rows = new List<ComparisonRow>
        {
            new("预算执行率", a.Execution.Points, a.Execution.Score, b.Execution.Points, b.Execution.Score),
        };
        rows.AddRange(a.Indicators.Zip(b.Indicators, (x, y) => new ComparisonRow(x.Name, x.Points, x.Score, y.Points, y.Score)));
        return new ProfileComparison(a, b, rows);
    }

    /// <summary>
    /// The highest total the budget execution allows, every indicator at full points: what a report checker
    /// holds a stated self-score against.
    /// </summary>
    /// <param name="fullYearBudget">全年预算数 in yuan.</param>
    /// <param name="executed">全年执行数 in yuan.</param>
    /// <param name="profile">The profile.</param>
    /// <remarks>
    /// seed-figures.md 002: “the execution-rate part can earn at most 10 × 50.12 % = 5.01 of its 10 points …
    /// so a checker should question 97”; evaluation-outputs.md §3 “a self-score against what the execution rate allows”.
    /// </remarks>
    public static (decimal Maximum, string Explanation) MaximumTotal(decimal fullYearBudget, decimal executed, ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var execution = ScoreExecution(new ScoringInput(fullYearBudget, executed, []), profile);
        var maximum = execution.Score + profile.IndicatorPoints;
        return (maximum,
            $"总分上限 = 预算执行率得分 {Rounding.Two(execution.Score)} + 绩效指标满分 {Rounding.Plain(profile.IndicatorPoints)} = {Rounding.Two(maximum)}（{execution.Explanation}）");
    }

    /// <summary>The range of scores, in points, the evaluator may choose in a qualitative band.</summary>
    /// <remarks>scoring-rules.md “qualitative indicator”: 达成年度指标 100 %–80 % of the points; 部分达成 80 %–50 %; 未达成 50 %–0 % (bands from the profile).</remarks>
    public static (decimal Min, decimal Max) QualitativeRange(ScoringProfile profile, QualitativeBand band, decimal points)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (low, high) = BandShares(profile.QualitativeBands, band);
        return (points * low, points * high);
    }

    /// <summary>The Chinese name of a qualitative band.</summary>
    public static string BandName(QualitativeBand band) => band switch
    {
        QualitativeBand.Achieved => "达成年度指标",
        QualitativeBand.PartlyAchieved => "部分达成并具有一定效果",
        QualitativeBand.NotAchieved => "未达成且效果较差",
        _ => throw new DomainException($"未知的定性指标档次：{(int)band}。"),
    };

    private static (decimal Low, decimal High) BandShares(QualitativeBands bands, QualitativeBand band) => band switch
    {
        QualitativeBand.Achieved => (bands.AchievedFrom, 1m),
        QualitativeBand.PartlyAchieved => (bands.PartlyAchievedFrom, bands.AchievedFrom),
        QualitativeBand.NotAchieved => (0m, bands.PartlyAchievedFrom),
        _ => throw new DomainException($"未知的定性指标档次：{(int)band}。"),
    };

    private static ExecutionScore ScoreExecution(ScoringInput input, ScoringProfile profile)
    {
        var rate = ExecutionRate.Of(input.Executed, input.FullYearBudget);
        var points = profile.ExecutionPoints;
        var reasonRequired = profile.ExecutionReasonRequiredBelow is { } below && (rate.Ratio is not { } r || r < below);
        var reasonMissing = reasonRequired && string.IsNullOrWhiteSpace(input.ExecutionReason);
        if (rate.Ratio is not { } ratio)
        {
            return new ExecutionScore(rate, points, 0m, $"预算执行率无法计算，得分 0.00：{rate.Explanation}", reasonRequired, reasonMissing);
        }

        string explanation;
        decimal score;
        if (ratio >= 1m)
        {
            score = Rounding.HalfUp(points);
            explanation = $"预算执行率 {rate.PercentText} ≥ 100%，得满分：{Rounding.Plain(points)} × 100% = {Rounding.Two(score)}（{rate.Explanation}）";
        }
        else
        {
            score = Rounding.HalfUp(Math.Max(0m, points * ratio));
            explanation = $"预算执行率未达 100%：{Rounding.Plain(points)} × {rate.PercentText} = {Rounding.Two(score)}（{rate.Explanation}）";
        }

        return new ExecutionScore(rate, points, score, explanation, reasonRequired, reasonMissing);
    }

    private static IndicatorScore ScoreIndicator(IndicatorEvaluation evaluation, ScoringProfile profile)
    {
        var indicator = evaluation.Indicator;
        if (indicator.Points < 0m)
        {
            throw new DomainException($"指标“{indicator.Name}”的分值不能为负数。");
        }

        if (indicator.NotApplicable)
        {
            if (evaluation.Deduction is not null)
            {
                throw new DomainException($"指标“{indicator.Name}”本年度不适用，不能扣分。");
            }

            return new IndicatorScore(evaluation, IndicatorOutcome.NotApplicable, indicator.Points, null, null, null,
                $"本年度不适用：不计分，分值 {Rounding.Plain(indicator.Points)} 不计入适用分值，总分按适用分值折算为百分制", false, false);
        }

        var (outcome, raw, explanation) = indicator.Kind == IndicatorKind.Qualitative
            ? ScoreQualitative(evaluation, profile)
            : ScoreQuantitative(evaluation, profile);

        var capped = Math.Clamp(raw, 0m, indicator.Points);
        var before = Rounding.HalfUp(capped);
        if (capped != raw)
        {
            explanation += $"；按分值上下限取 {Rounding.Two(before)}（不高于 {Rounding.Plain(indicator.Points)}，不低于 0）";
        }

        var score = before;
        if (evaluation.Deduction is { } deduction)
        {
            if (deduction.Points <= 0m)
            {
                throw new DomainException($"指标“{indicator.Name}”的评审扣分必须大于 0。");
            }

            if (string.IsNullOrWhiteSpace(deduction.Reason))
            {
                throw new DomainException($"指标“{indicator.Name}”的评审扣分必须填写扣分理由。");
            }

            score = Rounding.HalfUp(Math.Max(0m, before - deduction.Points));
            explanation += $"；评审扣分 {Rounding.Two(deduction.Points)}（理由：{deduction.Reason.Trim()}），得分 {Rounding.Two(before)} − {Rounding.Two(deduction.Points)} = {Rounding.Two(score)}";
        }

        var reasonRequired = outcome == IndicatorOutcome.OverAchieved || before < indicator.Points;
        var reasonMissing = reasonRequired && string.IsNullOrWhiteSpace(evaluation.DeviationReason);
        return new IndicatorScore(evaluation, outcome, indicator.Points, before, evaluation.Deduction, score, explanation, reasonRequired, reasonMissing);
    }

    private static (IndicatorOutcome, decimal, string) ScoreQualitative(IndicatorEvaluation evaluation, ScoringProfile profile)
    {
        var indicator = evaluation.Indicator;
        if (evaluation.Band is not { } band || evaluation.QualitativeScore is not { } chosen)
        {
            throw new DomainException($"定性指标“{indicator.Name}”须选择评价档次并在档次内给分。");
        }

        var (min, max) = QualitativeRange(profile, band, indicator.Points);
        var (low, high) = BandShares(profile.QualitativeBands, band);
        var range = $"{Percent(low)}–{Percent(high)}，即 {Rounding.Two(min)}–{Rounding.Two(max)} 分";
        if (chosen < min || chosen > max)
        {
            throw new DomainException(
                $"定性指标“{indicator.Name}”评定为“{BandName(band)}”，得分应在 {range} 之间，所给 {Rounding.Plain(chosen)} 分不在该档次内。");
        }

        return (IndicatorOutcome.Qualitative, chosen, $"定性指标“{BandName(band)}”（{range}）：评价人给分 {Rounding.Two(chosen)}");
    }

    private static (IndicatorOutcome, decimal, string) ScoreQuantitative(IndicatorEvaluation evaluation, ScoringProfile profile)
    {
        var indicator = evaluation.Indicator;
        if (indicator.Direction is not { } direction || indicator.Target is not { } target)
        {
            throw new DomainException($"定量指标“{indicator.Name}”缺少方向或年度指标值，无法计分。");
        }

        if (evaluation.Actual is not { } actual)
        {
            throw new DomainException($"定量指标“{indicator.Name}”缺少实际完成值，无法计分。");
        }

        var p = indicator.Points;
        var (P, A, T) = (Rounding.Plain(p), Rounding.Plain(actual), Rounding.Plain(target));
        var full = Rounding.Two(p);
        switch (direction)
        {
            case IndicatorDirection.AtLeast when actual >= target:
                return OverAchieved(actual - target, target, profile, p, $"正向指标超额完成：实际 {A} ≥ 目标 {T}", "超出")
                    ?? (IndicatorOutcome.Met, p, $"正向指标已完成：实际 {A} ≥ 目标 {T}，得满分 {full}");
            case IndicatorDirection.AtLeast when target <= 0m:
                return (IndicatorOutcome.NotMet, 0m, $"正向指标未完成：目标 {T} 不为正数、实际 {A} 低于目标，得 0.00");
            case IndicatorDirection.AtLeast:
                return (IndicatorOutcome.NotMet, p * actual / target, $"正向指标未完成：{P} × {A} ÷ {T} = {Rounding.Two(p * actual / target)}");

            case IndicatorDirection.AtMost when actual <= target:
                return OverAchieved(target - actual, target, profile, p, $"反向指标超额完成：实际 {A} ≤ 目标 {T}", "低于")
                    ?? (IndicatorOutcome.Met, p, $"反向指标已完成：实际 {A} ≤ 目标 {T}，得满分 {full}");
            case IndicatorDirection.AtMost when target <= 0m:
                return (IndicatorOutcome.NotMet, 0m, $"反向指标未完成：目标为 {T}、实际 {A} 超出目标，得 0.00");
            case IndicatorDirection.AtMost when profile.ReverseFormula == ReverseIndicatorFormula.Linear:
                var linear = p * (1m - ((actual - target) / target));
                return (IndicatorOutcome.NotMet, linear,
                    $"反向指标未完成（线性）：{P} × (1 − ({A} − {T}) ÷ {T}) = {Rounding.Two(linear)}");
            case IndicatorDirection.AtMost:
                return (IndicatorOutcome.NotMet, p * target / actual, $"反向指标未完成：{P} × {T} ÷ {A} = {Rounding.Two(p * target / actual)}");

            case IndicatorDirection.Exactly when actual == target:
                return (IndicatorOutcome.Met, p, $"等值指标已完成：实际 {A} = 目标 {T}，得满分 {full}");
            case IndicatorDirection.Exactly when target == 0m:
                return (IndicatorOutcome.NotMet, 0m, $"等值指标未完成：目标为 0、实际为 {A}，得 0.00");
            case IndicatorDirection.Exactly when actual < 0m || target < 0m:
                return (IndicatorOutcome.NotMet, 0m, $"等值指标未完成：实际 {A}、目标 {T} 含负数，无法按比例计分，得 0.00");
            case IndicatorDirection.Exactly:
                var (low, high) = (Math.Min(actual, target), Math.Max(actual, target));
                return (IndicatorOutcome.NotMet, p * low / high,
                    $"等值指标未完成：{P} × {Rounding.Plain(low)} ÷ {Rounding.Plain(high)} = {Rounding.Two(p * low / high)}");

            default:
                throw new DomainException($"定量指标“{indicator.Name}”的方向无效：{(int)direction}。");
        }
    }

    /// <summary>Over-achievement: beyond a positive target by the profile's threshold or more, in the good direction.</summary>
    private static (IndicatorOutcome, decimal, string)? OverAchieved(decimal beyond, decimal target, ScoringProfile profile, decimal points, string what, string word)
    {
        if (target <= 0m || beyond / target < profile.OverAchievementThreshold)
        {
            return null;
        }

        return (IndicatorOutcome.OverAchieved, points,
            $"{what}，{word}目标 {Rounding.Two(Rounding.Percent(beyond / target))}%（≥ {Percent(profile.OverAchievementThreshold)}），得满分 {Rounding.Two(points)}，须说明原因（年初指标值设定偏低？）");
    }

    private static (decimal Total, string Explanation) Total(
        ExecutionScore execution, List<IndicatorScore> applicable, int notApplicable, decimal sum, decimal applicablePoints, List<string> problems)
    {
        var parts = string.Join(" + ", new[] { execution.Score }.Concat(applicable.Select(i => i.Score ?? 0m)).Select(Rounding.Two));
        if (applicablePoints == 100m)
        {
            return (sum, $"总分 = {parts} = {Rounding.Two(sum)}");
        }

        if (applicablePoints <= 0m)
        {
            problems.Add("没有适用的计分项，无法计算总分。");
            return (0m, "没有适用的计分项，总分 0.00");
        }

        if (notApplicable == 0)
        {
            problems.Add($"预算执行率与各指标分值合计 {Rounding.Plain(applicablePoints)}，不等于 100，已按百分制折算。");
        }

        var total = Rounding.HalfUp(sum * 100m / applicablePoints);
        var why = notApplicable > 0 ? $"{notApplicable} 项指标本年度不适用，" : string.Empty;
        return (total, $"{why}得分合计 {parts} = {Rounding.Two(sum)}，按适用分值 {Rounding.Plain(applicablePoints)} 折算为百分制：{Rounding.Two(sum)} ÷ {Rounding.Plain(applicablePoints)} × 100 = {Rounding.Two(total)}");
    }

    private static string Percent(decimal share) => $"{Rounding.Plain(share * 100m)}%";
}

/// <summary>One row of a side-by-side comparison.</summary>
/// <param name="Name">预算执行率 or the level-3 name.</param>
/// <param name="FirstPoints">分值 under the first profile.</param>
/// <param name="FirstScore">得分 under the first profile (null when not applicable).</param>
/// <param name="SecondPoints">分值 under the second profile.</param>
/// <param name="SecondScore">得分 under the second profile.</param>
public sealed record ComparisonRow(string Name, decimal FirstPoints, decimal? FirstScore, decimal SecondPoints, decimal? SecondScore)
{
    /// <summary>Second − first, or null when either is not applicable.</summary>
    public decimal? Difference => SecondScore - FirstScore;
}

/// <summary>The same evaluation scored under two profiles.</summary>
/// <param name="First">Score under the first profile.</param>
/// <param name="Second">Score under the second profile.</param>
/// <param name="Rows">预算执行率 first, then each indicator in input order.</param>
public sealed record ProfileComparison(EvaluationScore First, EvaluationScore Second, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>Second total − first total.</summary>
    public decimal TotalDifference => Second.Total - First.Total;
}
