using CsCheck;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Scoring;

public class ScoringPropertyTests
{
    private static readonly Gen<(IndicatorDirection Direction, int Target, int Actual, int Points, int Profile)> Cases =
        Gen.Select(Gen.Enum<IndicatorDirection>(), Gen.Int[0, 1000], Gen.Int[-100, 3000], Gen.Int[1, 60], Gen.Int[0, ScoringProfiles.All.Count - 1]);

    [Fact]
    public void Score_AnyQuantitativeCase_BetweenZeroAndPointsWithTwoDecimals() =>
        Cases.Sample(c =>
        {
            var indicator = new Indicator("指标", IndicatorLevel2.Quantity, IndicatorKind.Quantitative, c.Points, c.Direction, c.Target, "件");
            var score = ScoringEngine.Score(new ScoringInput(100m, 100m, [new(indicator, c.Actual)]), ScoringProfiles.All[c.Profile]).Indicators.Single();

            score.Score!.Value.ShouldBeInRange(0m, c.Points);
            decimal.Round(score.Score.Value, 2).ShouldBe(score.Score.Value);
            (score.Score == c.Points || score.DeviationReasonRequired).ShouldBeTrue();
        });

    [Fact]
    public void Score_AnySetOfIndicators_TotalIsSumOfPrintedScores() =>
        Gen.Select(Gen.Int[1, 1000], Gen.Int[0, 1000], Cases.Array[1, 8]).Sample((budget, executed, cases) =>
        {
            var indicators = cases
                .Select((c, i) => new IndicatorEvaluation(new Indicator($"指标{i}", IndicatorLevel2.Quantity, IndicatorKind.Quantitative, c.Points, c.Direction, c.Target, "件"), c.Actual))
                .ToList();
            var result = ScoringEngine.Score(new ScoringInput(budget, executed, indicators), ScoringProfiles.National2020);

            result.ScoreSum.ShouldBe(result.Execution.Score + result.Indicators.Sum(i => i.Score!.Value));
            result.Total.ShouldBe(result.ApplicablePoints == 100m ? result.ScoreSum : Rounding.HalfUp(result.ScoreSum * 100m / result.ApplicablePoints));
            result.Total.ShouldBeInRange(0m, 100m);
        });
}
