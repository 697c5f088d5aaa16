using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Scoring;

public class ScoringEngineTests
{
    private static readonly ScoringProfile National = ScoringProfiles.National2020;

    private static ScoringInput FullyExecuted(params IndicatorEvaluation[] indicators) => new(100_000m, 100_000m, indicators);

    private static IndicatorScore ScoreOne(IndicatorEvaluation evaluation, ScoringProfile? profile = null) =>
        ScoringEngine.Score(FullyExecuted(evaluation), profile ?? National).Indicators.Single();

    private static Indicator Quantitative(IndicatorDirection direction, decimal target, decimal points = 10m) =>
        new("指标", IndicatorLevel2.Quantity, IndicatorKind.Quantitative, points, direction, target, "件");

    // scoring-rules.md, default profile, one row per rule and direction, met and missed.
    [Theory]
    [InlineData(IndicatorDirection.AtLeast, 50, 50, 10, 10.00, IndicatorOutcome.Met, "正向指标已完成：实际 50 ≥ 目标 50，得满分 10.00")]
    [InlineData(IndicatorDirection.AtLeast, 50, 64, 10, 10.00, IndicatorOutcome.Met, "正向指标已完成：实际 64 ≥ 目标 50，得满分 10.00")]
    [InlineData(IndicatorDirection.AtLeast, 50, 45, 10, 9.00, IndicatorOutcome.NotMet, "正向指标未完成：10 × 45 ÷ 50 = 9.00")]
    [InlineData(IndicatorDirection.AtLeast, 3, 2, 10, 6.67, IndicatorOutcome.NotMet, "正向指标未完成：10 × 2 ÷ 3 = 6.67")]
    [InlineData(IndicatorDirection.AtLeast, 66, 0, 10, 0.00, IndicatorOutcome.NotMet, "正向指标未完成：10 × 0 ÷ 66 = 0.00")]
    [InlineData(IndicatorDirection.AtMost, 5, 5, 10, 10.00, IndicatorOutcome.Met, "反向指标已完成：实际 5 ≤ 目标 5，得满分 10.00")]
    [InlineData(IndicatorDirection.AtMost, 5, 4, 10, 10.00, IndicatorOutcome.Met, "反向指标已完成：实际 4 ≤ 目标 5，得满分 10.00")]
    [InlineData(IndicatorDirection.AtMost, 50, 60, 10, 8.33, IndicatorOutcome.NotMet, "反向指标未完成：10 × 50 ÷ 60 = 8.33")]
    [InlineData(IndicatorDirection.AtMost, 50, 100, 10, 5.00, IndicatorOutcome.NotMet, "反向指标未完成：10 × 50 ÷ 100 = 5.00")]
    [InlineData(IndicatorDirection.AtMost, 0, 2, 10, 0.00, IndicatorOutcome.NotMet, "反向指标未完成：目标为 0、实际 2 超出目标，得 0.00")]
    [InlineData(IndicatorDirection.AtMost, 0, 0, 10, 10.00, IndicatorOutcome.Met, "反向指标已完成：实际 0 ≤ 目标 0，得满分 10.00")]
    [InlineData(IndicatorDirection.Exactly, 100, 100, 10, 10.00, IndicatorOutcome.Met, "等值指标已完成：实际 100 = 目标 100，得满分 10.00")]
    [InlineData(IndicatorDirection.Exactly, 100, 95, 10, 9.50, IndicatorOutcome.NotMet, "等值指标未完成：10 × 95 ÷ 100 = 9.50")]
    [InlineData(IndicatorDirection.Exactly, 100, 110, 10, 9.09, IndicatorOutcome.NotMet, "等值指标未完成：10 × 100 ÷ 110 = 9.09")]
    [InlineData(IndicatorDirection.Exactly, 0, 0, 10, 10.00, IndicatorOutcome.Met, "等值指标已完成：实际 0 = 目标 0，得满分 10.00")]
    [InlineData(IndicatorDirection.Exactly, 0, 3, 10, 0.00, IndicatorOutcome.NotMet, "等值指标未完成：目标为 0、实际为 3，得 0.00")]
    public void Score_QuantitativeRule_ScoreAndExplanation(
        IndicatorDirection direction, double target, double actual, double points, double expected, IndicatorOutcome outcome, string explanation)
    {
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(direction, (decimal)target, (decimal)points), (decimal)actual, DeviationReason: "原因"));

        score.Score.ShouldBe((decimal)expected);
        score.Outcome.ShouldBe(outcome);
        score.Explanation.ShouldBe(explanation);
        score.DeviationReasonRequired.ShouldBe(outcome != IndicatorOutcome.Met);
    }

    // over-achievement: beyond the target by ≥ 30 % in the good direction; = has no good direction.
    [Theory]
    [InlineData(IndicatorDirection.AtLeast, 50, 65, IndicatorOutcome.OverAchieved)]
    [InlineData(IndicatorDirection.AtLeast, 50, 64.99, IndicatorOutcome.Met)]
    [InlineData(IndicatorDirection.AtLeast, 12, 30, IndicatorOutcome.OverAchieved)]
    [InlineData(IndicatorDirection.AtMost, 10, 7, IndicatorOutcome.OverAchieved)]
    [InlineData(IndicatorDirection.AtMost, 10, 7.01, IndicatorOutcome.Met)]
    [InlineData(IndicatorDirection.AtMost, 10, 0, IndicatorOutcome.OverAchieved)]
    [InlineData(IndicatorDirection.AtLeast, 0, 5, IndicatorOutcome.Met)]
    public void Score_BeyondTarget_OverAchievedFromThirtyPercent(IndicatorDirection direction, double target, double actual, IndicatorOutcome outcome)
    {
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(direction, (decimal)target), (decimal)actual));

        score.Outcome.ShouldBe(outcome);
        score.Score.ShouldBe(10m);
        score.DeviationReasonRequired.ShouldBe(outcome == IndicatorOutcome.OverAchieved);
        score.DeviationReasonMissing.ShouldBe(outcome == IndicatorOutcome.OverAchieved);
    }

    [Fact]
    public void Score_OverAchieved_ExplainsFullPointsAndReasonRequired()
    {
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), 70m));

        score.Explanation.ShouldBe("正向指标超额完成：实际 70 ≥ 目标 50，超出目标 40.00%（≥ 30%），得满分 10.00，须说明原因（年初指标值设定偏低？）");
    }

    [Fact]
    public void Score_ReviewerDeductionOnOverAchievement_RecordedWithReason()
    {
        var deduction = new ReviewerDeduction(2m, "年初指标值设定偏低");
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), 70m, DeviationReason: "案件量激增", Deduction: deduction));

        score.ScoreBeforeDeduction.ShouldBe(10m);
        score.Score.ShouldBe(8m);
        score.Deduction.ShouldBe(deduction);
        score.DeviationReasonMissing.ShouldBeFalse();
        score.Explanation.ShouldEndWith("；评审扣分 2.00（理由：年初指标值设定偏低），得分 10.00 − 2.00 = 8.00");
    }

    [Fact]
    public void Score_DeductionLargerThanScore_NotBelowZero()
    {
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), 25m, DeviationReason: "r", Deduction: new ReviewerDeduction(8m, "材料不实")));

        score.ScoreBeforeDeduction.ShouldBe(5m);
        score.Score.ShouldBe(0m);
    }

    [Fact]
    public void Score_DeductionWithoutReason_Refused() =>
        Should.Throw<DomainException>(() => ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), 70m, Deduction: new ReviewerDeduction(2m, ""))))
            .Message.ShouldBe("指标“指标”的评审扣分必须填写扣分理由。");

    // cap: no indicator above its points, none below 0.
    [Theory]
    [InlineData(IndicatorDirection.AtLeast, 50, -5, 0.00)]
    [InlineData(IndicatorDirection.Exactly, 100, -5, 0.00)]
    public void Score_NegativeActual_CappedAtZero(IndicatorDirection direction, double target, double actual, double expected) =>
        ScoreOne(new IndicatorEvaluation(Quantitative(direction, (decimal)target), (decimal)actual)).Score.ShouldBe((decimal)expected);

    [Fact]
    public void Score_NegativeActualOnAtLeast_ExplainsCap() =>
        ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), -5m)).Explanation
            .ShouldBe("正向指标未完成：10 × -5 ÷ 50 = -1.00；按分值上下限取 0.00（不高于 10，不低于 0）");

    // profile "reverse indicators, linear": points × (1 − (actual − target) ÷ target), 0 at twice the target.
    [Theory]
    [InlineData(50, 50, 10.00, "反向指标已完成：实际 50 ≤ 目标 50，得满分 10.00")]
    [InlineData(50, 55, 9.00, "反向指标未完成（线性）：10 × (1 − (55 − 50) ÷ 50) = 9.00")]
    [InlineData(50, 60, 8.00, "反向指标未完成（线性）：10 × (1 − (60 − 50) ÷ 50) = 8.00")]
    [InlineData(50, 100, 0.00, "反向指标未完成（线性）：10 × (1 − (100 − 50) ÷ 50) = 0.00")]
    [InlineData(50, 120, 0.00, "反向指标未完成（线性）：10 × (1 − (120 − 50) ÷ 50) = -4.00；按分值上下限取 0.00（不高于 10，不低于 0）")]
    [InlineData(3, 4, 6.67, "反向指标未完成（线性）：10 × (1 − (4 − 3) ÷ 3) = 6.67")]
    public void Score_ReverseLinearProfile_LinearToZeroAtTwiceTarget(double target, double actual, double expected, string explanation)
    {
        var score = ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtMost, (decimal)target), (decimal)actual), ScoringProfiles.ReverseLinear);

        score.Score.ShouldBe((decimal)expected);
        score.Explanation.ShouldBe(explanation);
    }

    // qualitative bands: default 100–80 / 80–50 / 50–0; 80/60 profile 100–80 / 80–60 / 60–0.
    [Theory]
    [InlineData("national-2020", QualitativeBand.Achieved, 10, 10)]
    [InlineData("national-2020", QualitativeBand.Achieved, 10, 8)]
    [InlineData("national-2020", QualitativeBand.PartlyAchieved, 10, 8)]
    [InlineData("national-2020", QualitativeBand.PartlyAchieved, 10, 5)]
    [InlineData("national-2020", QualitativeBand.NotAchieved, 10, 5)]
    [InlineData("national-2020", QualitativeBand.NotAchieved, 10, 0)]
    [InlineData("national-2020", QualitativeBand.PartlyAchieved, 20, 12.5)]
    [InlineData("qualitative-80-60", QualitativeBand.PartlyAchieved, 10, 6)]
    [InlineData("qualitative-80-60", QualitativeBand.NotAchieved, 10, 6)]
    [InlineData("qualitative-80-60", QualitativeBand.NotAchieved, 10, 0)]
    public void Score_QualitativeInsideBand_EvaluatorScoreKept(string profile, QualitativeBand band, double points, double chosen)
    {
        var indicator = Indicator.Qualitative("法治水平", IndicatorLevel2.SocialBenefit, (decimal)points, "有所提升");

        var score = ScoreOne(new IndicatorEvaluation(indicator, Band: band, QualitativeScore: (decimal)chosen), ScoringProfiles.Get(profile));

        score.Outcome.ShouldBe(IndicatorOutcome.Qualitative);
        score.Score.ShouldBe((decimal)chosen);
        score.DeviationReasonRequired.ShouldBe(chosen < points);
    }

    [Theory]
    [InlineData("national-2020", QualitativeBand.Achieved, 7.99, "定性指标“法治水平”评定为“达成年度指标”，得分应在 80%–100%，即 8.00–10.00 分 之间，所给 7.99 分不在该档次内。")]
    [InlineData("national-2020", QualitativeBand.PartlyAchieved, 8.5, "定性指标“法治水平”评定为“部分达成并具有一定效果”，得分应在 50%–80%，即 5.00–8.00 分 之间，所给 8.5 分不在该档次内。")]
    [InlineData("national-2020", QualitativeBand.NotAchieved, 5.01, "定性指标“法治水平”评定为“未达成且效果较差”，得分应在 0%–50%，即 0.00–5.00 分 之间，所给 5.01 分不在该档次内。")]
    [InlineData("qualitative-80-60", QualitativeBand.PartlyAchieved, 5.5, "定性指标“法治水平”评定为“部分达成并具有一定效果”，得分应在 60%–80%，即 6.00–8.00 分 之间，所给 5.5 分不在该档次内。")]
    [InlineData("national-2020", QualitativeBand.Achieved, 10.5, "定性指标“法治水平”评定为“达成年度指标”，得分应在 80%–100%，即 8.00–10.00 分 之间，所给 10.5 分不在该档次内。")]
    public void Score_QualitativeOutsideBand_Refused(string profile, QualitativeBand band, double chosen, string message)
    {
        var indicator = Indicator.Qualitative("法治水平", IndicatorLevel2.SocialBenefit, 10m, "有所提升");

        Should.Throw<DomainException>(() => ScoreOne(new IndicatorEvaluation(indicator, Band: band, QualitativeScore: (decimal)chosen), ScoringProfiles.Get(profile)))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void Score_QualitativeWithoutBand_Refused() =>
        Should.Throw<DomainException>(() => ScoreOne(new IndicatorEvaluation(Indicator.Qualitative("法治水平", IndicatorLevel2.SocialBenefit, 10m, "有所提升"), QualitativeScore: 9m)))
            .Message.ShouldBe("定性指标“法治水平”须选择评价档次并在档次内给分。");

    [Fact]
    public void Score_QuantitativeWithoutActual_Refused() =>
        Should.Throw<DomainException>(() => ScoreOne(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 5m))))
            .Message.ShouldBe("定量指标“指标”缺少实际完成值，无法计分。");

    // deviation reason: required for every indicator not fully met, and for over-achievement.
    [Theory]
    [InlineData(45, null, true, true)]
    [InlineData(45, "人手不足，明年增配", true, false)]
    [InlineData(50, null, false, false)]
    [InlineData(70, null, true, true)]
    [InlineData(70, "案件量激增", true, false)]
    public void Score_DeviationReason_RequiredWhenNotMetOrOverAchieved(double actual, string? reason, bool required, bool missing)
    {
        var result = ScoringEngine.Score(FullyExecuted(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 50m), (decimal)actual, DeviationReason: reason)), National);
        var score = result.Indicators.Single();

        score.DeviationReasonRequired.ShouldBe(required);
        score.DeviationReasonMissing.ShouldBe(missing);
        result.Problems.Any(p => p.Contains("须填写偏差原因分析及改进措施")).ShouldBe(missing);
    }

    // execution score: min(rate, 100 %) × points against the full-year budget; zero budget explained.
    [Theory]
    [InlineData(937900, 937900, 10.00, "预算执行率 100.00% ≥ 100%，得满分：10 × 100% = 10.00（执行率 = 全年执行数 937,900.00 ÷ 全年预算数 937,900.00 = 100.00%）")]
    [InlineData(698000, 349845, 5.01, "预算执行率未达 100%：10 × 50.12% = 5.01（执行率 = 全年执行数 349,845.00 ÷ 全年预算数 698,000.00 = 50.12%）")]
    [InlineData(100000, 110000, 10.00, "预算执行率 110.00% ≥ 100%，得满分：10 × 100% = 10.00（执行率 = 全年执行数 110,000.00 ÷ 全年预算数 100,000.00 = 110.00%）")]
    [InlineData(0, 0, 0.00, "预算执行率无法计算，得分 0.00：全年预算数为 0，无法计算执行率：请核对年初预算和年内调整（全年执行数 0.00 元）。")]
    public void Score_Execution_MinOfRateAndFullTimesPoints(double budget, double executed, double expected, string explanation)
    {
        var result = ScoringEngine.Score(new ScoringInput((decimal)budget, (decimal)executed, []), National);

        result.Execution.Score.ShouldBe((decimal)expected);
        result.Execution.Explanation.ShouldBe(explanation);
        result.Problems.Any(p => p.StartsWith("全年预算数为 0")).ShouldBe(budget == 0);
    }

    // not applicable: dropped; the total is rescaled to 100 over the applicable points.
    [Fact]
    public void Score_NotApplicableIndicator_TotalRescaledOverApplicablePoints()
    {
        var input = new ScoringInput(100m, 100m,
        [
            new(Quantitative(IndicatorDirection.AtLeast, 10m, 50m), 5m, DeviationReason: "r"),
            new(Quantitative(IndicatorDirection.AtLeast, 10m, 30m), 10m),
            new(Quantitative(IndicatorDirection.AtLeast, 10m, 10m) with { NotApplicable = true }),
        ]);

        var result = ScoringEngine.Score(input, National);

        result.Indicators[2].Outcome.ShouldBe(IndicatorOutcome.NotApplicable);
        result.Indicators[2].Score.ShouldBeNull();
        result.ScoreSum.ShouldBe(65m);
        result.ApplicablePoints.ShouldBe(90m);
        result.Total.ShouldBe(72.22m);
        result.TotalExplanation.ShouldBe("1 项指标本年度不适用，得分合计 10.00 + 25.00 + 30.00 = 65.00，按适用分值 90 折算为百分制：65.00 ÷ 90 × 100 = 72.22");
        result.Grade.ShouldBe(Grade.Fair);
        result.Problems.ShouldBeEmpty();
    }

    // rounding: each score half-up to 2 decimals, the total is the sum of the rounded scores.
    [Fact]
    public void Score_Rounding_TotalIsSumOfPrintedScores()
    {
        // Exact sum 4 × 6.6667 + 60 = 86.67, but the table prints 6.67 four times: the total is 86.68.
        var thirds = Enumerable.Range(1, 3)
            .Select(i => new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 3m, 10m) with { Name = $"指标{i}" }, 2m, DeviationReason: "r"))
            .Append(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 1m, 60m) with { Name = "指标4" }, 1m))
            .ToArray();

        var result = ScoringEngine.Score(new ScoringInput(3m, 2m, thirds), National);

        result.Execution.Score.ShouldBe(6.67m);
        result.Indicators.Take(3).ShouldAllBe(i => i.Score == 6.67m);
        result.Total.ShouldBe(86.68m);
        result.Total.ShouldBe(result.Execution.Score + result.Indicators.Sum(i => i.Score!.Value));
        result.TotalExplanation.ShouldBe("总分 = 6.67 + 6.67 + 6.67 + 6.67 + 60.00 = 86.68");
    }

    [Fact]
    public void Score_RoundingHalfUp_EachScoreThenSum()
    {
        // 10 × 0.125 ÷ 1 = 1.25 exactly; 5 × 0.4445 ÷ 1 = 2.2225 → 2.22; 5 × 0.445 = 2.225 → 2.23 (half-up, not banker's 2.22).
        var result = ScoringEngine.Score(new ScoringInput(100m, 100m,
        [
            new(Quantitative(IndicatorDirection.AtLeast, 1m, 5m) with { Name = "a" }, 0.445m, DeviationReason: "r"),
            new(Quantitative(IndicatorDirection.AtLeast, 1m, 5m) with { Name = "b" }, 0.4445m, DeviationReason: "r"),
            new(Quantitative(IndicatorDirection.AtLeast, 1m, 80m) with { Name = "c" }, 1m),
        ]), National);

        result.For("a").Score.ShouldBe(2.23m);
        result.For("b").Score.ShouldBe(2.22m);
        result.Total.ShouldBe(94.45m);
    }

    // grade: 优 ≥ 90; 良 80 to < 90; 中 60 to < 80; 差 < 60.
    [Theory]
    [InlineData(100, Grade.Excellent, "优")]
    [InlineData(90, Grade.Excellent, "优")]
    [InlineData(89.99, Grade.Good, "良")]
    [InlineData(80, Grade.Good, "良")]
    [InlineData(79.99, Grade.Fair, "中")]
    [InlineData(60, Grade.Fair, "中")]
    [InlineData(59.99, Grade.Poor, "差")]
    [InlineData(0, Grade.Poor, "差")]
    public void GradeOf_Total_ByThresholds(double total, Grade grade, string name)
    {
        National.GradeOf((decimal)total).ShouldBe(grade);
        ScoringProfiles.GradeName(grade).ShouldBe(name);
    }

    [Fact]
    public void Score_PointsNotAddingUpToHundred_RescaledAndReported()
    {
        var result = ScoringEngine.Score(FullyExecuted(new IndicatorEvaluation(Quantitative(IndicatorDirection.AtLeast, 1m, 80m), 1m)), National);

        result.ApplicablePoints.ShouldBe(90m);
        result.Total.ShouldBe(100m);
        result.Problems.ShouldBe(["预算执行率与各指标分值合计 90，不等于 100，已按百分制折算。"]);
    }

    [Fact]
    public void Score_RecordsProfileNameAndVersion()
    {
        var result = ScoringEngine.Score(FullyExecuted(), ScoringProfiles.Sichuan2023);

        result.ProfileName.ShouldBe("sichuan-2023");
        result.ProfileVersion.ShouldBe(1);
    }
}
