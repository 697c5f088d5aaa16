using Jixiao.Domain.Budget;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Tests.Budget;

namespace Jixiao.Domain.Tests.Scoring;

/// <summary>The two seed reports of seed-figures.md scored end to end.</summary>
public class SeedEvaluationTests
{
    /// <summary>002_2932d84a6d51f4d1.txt: 349,845 of 698,000; targets of 目标设置, all met; no satisfaction indicator (效益 40).</summary>
    private static ScoringInput Sfj02(string? executionReason = null)
    {
        var budget = SeedBudgets.Sfj02();
        IndicatorEvaluation[] indicators =
        [
            new(Indicator.AtLeast("法治专家库专家人数", IndicatorLevel2.Quantity, 15m, 12m, "人"), 12m),
            new(Indicator.AtLeast("法治江门建设考评县级单位数", IndicatorLevel2.Quantity, 15m, 7m, "个"), 7m),
            new(Indicator.Exactly("考评覆盖率", IndicatorLevel2.Quality, 20m, 100m, "%"), 100m),
            new(Indicator.Qualitative("法治广东建设考评等次", IndicatorLevel2.SocialBenefit, 20m, "保持优秀等次"), Band: QualitativeBand.Achieved, QualitativeScore: 20m),
            new(Indicator.Qualitative("全市法治建设水平", IndicatorLevel2.Sustainability, 20m, "有所提升"), Band: QualitativeBand.Achieved, QualitativeScore: 20m),
        ];
        return ScoringInput.From(budget.Figures(), indicators, executionReason);
    }

    [Fact]
    public void Declaration_Sfj02Targets_CleanUnderDefaultProfile() =>
        DeclarationCheck.Check(Sfj02().Indicators.Select(i => i.Indicator).ToList(), ScoringProfiles.National2020).ShouldBeEmpty();

    [Fact]
    public void Score_Sfj02Default_AtMost9501NotTheStated97()
    {
        var result = ScoringEngine.Score(Sfj02(), ScoringProfiles.National2020);

        result.Execution.Rate.Percent.ShouldBe(50.12m);
        result.Execution.Score.ShouldBe(5.01m);
        result.Total.ShouldBe(95.01m);
        result.Total.ShouldBeLessThan(97m);
        result.GradeName.ShouldBe("优");
        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Score_Sfj01Budget_FullExecutionTenPoints()
    {
        var budget = SeedBudgets.Sfj01();

        var result = ScoringEngine.Score(ScoringInput.From(budget.Figures(), []), ScoringProfiles.National2020);

        result.Execution.Rate.Percent.ShouldBe(100.00m);
        result.Execution.Score.ShouldBe(10.00m);
        budget.Figures().Total.RateAgainstInitial.Percent.ShouldBe(57.19m);
    }

    // Sichuan 2023: execution rate below 90 % needs a written reason.
    [Theory]
    [InlineData(null, true)]
    [InlineData("  ", true)]
    [InlineData("下半年项目延期，资金结转使用", false)]
    public void Score_Sfj02Sichuan_ExecutionReasonRequiredBelowNinety(string? reason, bool missing)
    {
        var result = ScoringEngine.Score(Sfj02(reason), ScoringProfiles.Sichuan2023);

        result.Execution.ReasonRequired.ShouldBeTrue();
        result.Execution.ReasonMissing.ShouldBe(missing);
        result.Problems.Contains("预算执行率 50.12% 低于 90%，须书面说明原因。").ShouldBe(missing);
        result.Total.ShouldBe(95.01m);
    }

    [Fact]
    public void Score_FullExecutionSichuan_NoReasonRequired() =>
        ScoringEngine.Score(new ScoringInput(100m, 90m, []), ScoringProfiles.Sichuan2023).Execution.ReasonRequired.ShouldBeFalse();

    [Fact]
    public void Score_Sfj02DefaultProfile_NoExecutionReasonRequired() =>
        ScoringEngine.Score(Sfj02(), ScoringProfiles.National2020).Execution.ReasonRequired.ShouldBeFalse();

    // execution 20 + targets 80: 20 × 50.12 % = 10.02; the 90 declared indicator points no longer fit and are rescaled.
    [Fact]
    public void Compare_Sfj02NationalAndExecution20_SideBySide()
    {
        var comparison = ScoringEngine.Compare(Sfj02(), ScoringProfiles.National2020, ScoringProfiles.Execution20);

        comparison.Rows[0].ShouldBe(new ComparisonRow("预算执行率", 10m, 5.01m, 20m, 10.02m));
        comparison.Rows.Count.ShouldBe(6);
        comparison.Rows.Skip(1).ShouldAllBe(r => r.Difference == 0m);
        comparison.First.Total.ShouldBe(95.01m);
        comparison.Second.ScoreSum.ShouldBe(100.02m);
        comparison.Second.Total.ShouldBe(90.93m);
        comparison.Second.Problems.ShouldBe(["预算执行率与各指标分值合计 110，不等于 100，已按百分制折算。"]);
        comparison.TotalDifference.ShouldBe(-4.08m);
    }

    [Fact]
    public void Compare_ReverseIndicatorMissed_RatioAgainstLinear()
    {
        var input = new ScoringInput(100m, 100m,
        [
            new(Indicator.AtMost("行政复议案件被纠错数", IndicatorLevel2.Quality, 50m, 4m, "件"), 5m, DeviationReason: "基层执法不规范"),
            new(Indicator.AtLeast("审结案件数", IndicatorLevel2.Quantity, 40m, 100m, "件"), 100m),
        ]);

        var comparison = ScoringEngine.Compare(input, ScoringProfiles.National2020, ScoringProfiles.ReverseLinear);

        comparison.Rows[1].ShouldBe(new ComparisonRow("行政复议案件被纠错数", 50m, 40.00m, 50m, 37.50m));
        comparison.Rows[1].Difference.ShouldBe(-2.50m);
        comparison.First.Total.ShouldBe(90.00m);
        comparison.Second.Total.ShouldBe(87.50m);
        comparison.First.Grade.ShouldBe(Grade.Excellent);
        comparison.Second.Grade.ShouldBe(Grade.Good);
    }

    [Fact]
    public void Compare_QualitativeScoreValidUnderOneBandSetOnly_Refused()
    {
        var input = new ScoringInput(100m, 100m,
            [new(Indicator.Qualitative("法治水平", IndicatorLevel2.SocialBenefit, 90m, "有所提升"), Band: QualitativeBand.PartlyAchieved, QualitativeScore: 50m, DeviationReason: "r")]);

        Should.Throw<DomainException>(() => ScoringEngine.Compare(input, ScoringProfiles.National2020, ScoringProfiles.QualitativeBands8060))
            .Message.ShouldContain("60%–80%，即 54.00–72.00 分");
    }

    // every shipped profile on 002: execution points × 50.12 %, indicators all met.
    [Theory]
    [InlineData("national-2020", 5.01, 95.01, "优")]
    [InlineData("qualitative-80-60", 5.01, 95.01, "优")]
    [InlineData("sichuan-2023", 5.01, 95.01, "优")]
    [InlineData("execution-20", 10.02, 90.93, "优")]
    [InlineData("reverse-linear", 5.01, 95.01, "优")]
    public void Score_Sfj02EveryProfile_ExecutionScoreAndTotal(string profile, double execution, double total, string grade)
    {
        var result = ScoringEngine.Score(Sfj02("延期"), ScoringProfiles.Get(profile));

        result.Execution.Score.ShouldBe((decimal)execution);
        result.Total.ShouldBe((decimal)total);
        result.GradeName.ShouldBe(grade);
        result.ProfileName.ShouldBe(profile);
    }

    // seed-figures.md 002: the stated 97 exceeds what 50.12 % execution allows.
    [Theory]
    [InlineData("national-2020", 698000, 349845, 95.01)]
    [InlineData("execution-20", 698000, 349845, 90.02)]
    [InlineData("national-2020", 937900, 937900, 100.00)]
    [InlineData("national-2020", 0, 0, 90.00)]
    public void MaximumTotal_ExecutionRate_CapsTheSelfScore(string profile, int budget, int executed, double maximum)
    {
        var (max, explanation) = ScoringEngine.MaximumTotal(budget, executed, ScoringProfiles.Get(profile));

        max.ShouldBe((decimal)maximum);
        explanation.ShouldStartWith($"总分上限 = 预算执行率得分 ");
    }

    [Fact]
    public void MaximumTotal_Sfj02_ExplainsWhy97IsQuestioned() =>
        ScoringEngine.MaximumTotal(698_000m, 349_845m, ScoringProfiles.National2020).Explanation.ShouldBe(
            "总分上限 = 预算执行率得分 5.01 + 绩效指标满分 90 = 95.01（预算执行率未达 100%：10 × 50.12% = 5.01（执行率 = 全年执行数 349,845.00 ÷ 全年预算数 698,000.00 = 50.12%））");

    [Fact]
    public void Score_ZeroBudgetDefaultProfile_NoExecutionReasonDemanded()
    {
        var execution = ScoringEngine.Score(new ScoringInput(0m, 0m, []), ScoringProfiles.National2020).Execution;

        execution.ReasonRequired.ShouldBeFalse();
        execution.ReasonMissing.ShouldBeFalse();
    }

    [Fact]
    public void Score_ZeroBudgetSichuan_ReasonRequired() =>
        ScoringEngine.Score(new ScoringInput(0m, 0m, []), ScoringProfiles.Sichuan2023).Execution.ReasonMissing.ShouldBeTrue();
}
