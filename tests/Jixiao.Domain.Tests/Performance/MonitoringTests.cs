using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Tests.Budget;

namespace Jixiao.Domain.Tests.Performance;

public class MonitoringTests
{
    private const FundSource Appropriation = SeedBudgets.Appropriation;
    private static readonly ScoringProfile National = ScoringProfiles.National2020;

    private static ProjectBudget Sfj01() => SeedBudgets.Sfj01();

    [Theory]
    [InlineData(2023, 1, 1, 1, 365, 0.27)]
    [InlineData(2023, 6, 30, 181, 365, 49.59)]
    [InlineData(2023, 12, 31, 365, 365, 100.00)]
    [InlineData(2024, 2, 29, 60, 366, 16.39)]
    [InlineData(2024, 12, 31, 366, 366, 100.00)]
    public void TimeProgressAt_Date_DaysElapsedOverDaysInYear(int year, int month, int day, int elapsed, int daysInYear, double percent)
    {
        var time = TimeProgress.At(new DateOnly(year, month, day));

        time.DaysElapsed.ShouldBe(elapsed);
        time.DaysInYear.ShouldBe(daysInYear);
        time.Ratio.ShouldBe((decimal)elapsed / daysInYear);
        time.Percent.ShouldBe((decimal)percent);
    }

    // thresholds of the default profile at year end (序时进度 100 %): yellow when > 10 points behind, red when > 20.
    [Theory]
    [InlineData(1.2, TrafficLight.Green)]
    [InlineData(1.0, TrafficLight.Green)]
    [InlineData(0.90, TrafficLight.Green)]
    [InlineData(0.8999, TrafficLight.Yellow)]
    [InlineData(0.80, TrafficLight.Yellow)]
    [InlineData(0.7999, TrafficLight.Red)]
    [InlineData(0, TrafficLight.Red)]
    public void Light_RatioAgainstTimeProgress_ByProfileThresholds(double ratio, TrafficLight light) =>
        Monitoring.Light((decimal)ratio, TimeProgress.At(new DateOnly(2023, 12, 31)), National.Monitoring).ShouldBe(light);

    [Fact]
    public void Light_EditedThresholds_Used() =>
        Monitoring.Light(0.85m, TimeProgress.At(new DateOnly(2023, 12, 31)), new MonitoringThresholds(5m, 10m)).ShouldBe(TrafficLight.Red);

    [Fact]
    public void At_Sfj01MidYear_RedWithRunRateProjection()
    {
        var report = Monitoring.At(Sfj01(), [], new DateOnly(2023, 6, 30), National);

        report.Figures.Total.FullYear.ShouldBe(1_640_000m);
        report.Execution.Percent.ShouldBe(24.39m);
        report.ExecutionLight.ShouldBe(TrafficLight.Red);
        report.ExecutionExplanation.ShouldBe("红灯：预算执行率 24.39%，序时进度 = 181 ÷ 365 = 49.59%，落后 25.20 个百分点（落后超过 20 个百分点为红灯）");
        report.ProjectedExecuted.ShouldBe(806_629.83m);
        report.ProjectedRate.Percent.ShouldBe(49.18m);
        report.ProjectionExplanation.ShouldBe("按支出进度推算全年执行数 = 400,000.00 ÷ 181 × 365 = 806,629.83");
    }

    [Fact]
    public void At_Sfj01YearEnd_GreenAndFullyExecuted()
    {
        var report = Monitoring.At(Sfj01(), [], new DateOnly(2023, 12, 31), National);

        report.Execution.Percent.ShouldBe(100.00m);
        report.ExecutionLight.ShouldBe(TrafficLight.Green);
        report.ProjectedExecuted.ShouldBe(937_900m);
    }

    [Fact]
    public void At_FastSpending_ProjectionCappedAtFullYearBudget()
    {
        var budget = Sfj01() with { Expenditures = [new Expenditure(new DateOnly(2023, 3, 31), 600_000m, "a", "1", Appropriation)] };

        var report = Monitoring.At(budget, [], new DateOnly(2023, 3, 31), National);

        report.ProjectedExecuted.ShouldBe(1_640_000m);
        report.ProjectionExplanation.ShouldBe("按支出进度推算全年执行数 = 600,000.00 ÷ 90 × 365 = 2,433,333.33，超过全年预算数，按 1,640,000.00 计");
        report.ExecutionLight.ShouldBe(TrafficLight.Green);
    }

    [Fact]
    public void At_Sfj01November_MonthlyCumulativeSeries()
    {
        var report = Monitoring.At(Sfj01(), [], new DateOnly(2023, 11, 15), National);

        report.Monthly.Count.ShouldBe(11);
        report.Monthly.Select(m => m.CumulativeExecuted).ShouldBe([0m, 0m, 400_000m, 400_000m, 400_000m, 400_000m, 400_000m, 400_000m, 400_000m, 400_000m, 400_000m]);
        report.Monthly[6].Rate.Percent.ShouldBe(24.39m);
        report.Monthly[7].Rate.Percent.ShouldBe(42.65m);
        report.Monthly[10].Through.ShouldBe(new DateOnly(2023, 11, 15));
        report.Monthly[1].Through.ShouldBe(new DateOnly(2023, 2, 28));
        report.Monthly[1].TimeProgressPercent.ShouldBe(16.16m);
    }

    [Fact]
    public void At_ZeroFullYearBudget_RedWithExplanation()
    {
        var budget = new ProjectBudget(2023, [], [], []);

        var report = Monitoring.At(budget, [], new DateOnly(2023, 6, 30), National);

        report.ExecutionLight.ShouldBe(TrafficLight.Red);
        report.ExecutionExplanation.ShouldStartWith("红灯：全年预算数为 0，无法计算执行率");
        report.ProjectedExecuted.ShouldBe(0m);
    }

    [Fact]
    public void At_DateOutsideBudgetYear_Refused() =>
        Should.Throw<DomainException>(() => Monitoring.At(Sfj01(), [], new DateOnly(2024, 1, 1), National))
            .Message.ShouldBe("监控日期 2024-01-01 不在预算年度 2023 年内。");

    // indicator progress at 2023-06-30 (序时进度 49.59 %).
    [Theory]
    [InlineData(IndicatorDirection.AtLeast, 66, 30, TrafficLight.Green, 45.45, "绿灯：完成进度 = 30 ÷ 66 = 45.45%，序时进度 = 181 ÷ 365 = 49.59%，落后 4.14 个百分点")]
    [InlineData(IndicatorDirection.AtLeast, 66, 20, TrafficLight.Yellow, 30.30, "黄灯：完成进度 = 20 ÷ 66 = 30.30%，序时进度 = 181 ÷ 365 = 49.59%，落后 19.29 个百分点（落后超过 10 个百分点为黄灯）")]
    [InlineData(IndicatorDirection.AtLeast, 66, 10, TrafficLight.Red, 15.15, "红灯：完成进度 = 10 ÷ 66 = 15.15%，序时进度 = 181 ÷ 365 = 49.59%，落后 34.44 个百分点（落后超过 20 个百分点为红灯）")]
    [InlineData(IndicatorDirection.Exactly, 100, 60, TrafficLight.Green, 60.00, "绿灯：完成进度 = 60 ÷ 100 = 60.00%，序时进度 = 181 ÷ 365 = 49.59%，未落后")]
    [InlineData(IndicatorDirection.AtMost, 5, 6, TrafficLight.Red, null, "红灯：反向指标累计 6件 已超过年度目标 ≤5件")]
    [InlineData(IndicatorDirection.AtMost, 5, 3, TrafficLight.Green, null, "绿灯：反向指标累计 3件 未超过年度目标 ≤5件")]
    public void At_IndicatorProgress_LightAgainstTimeProgress(IndicatorDirection direction, int target, int actual, TrafficLight light, double? percent, string explanation)
    {
        var indicator = new Indicator("指标", IndicatorLevel2.Quantity, IndicatorKind.Quantitative, 10m, direction, target, "件");

        var progress = Monitoring.At(Sfj01(), [new IndicatorToDate(indicator, actual)], new DateOnly(2023, 6, 30), National).Indicators.Single();

        progress.Light.ShouldBe(light);
        progress.ProgressPercent.ShouldBe((decimal?)percent);
        progress.Explanation.ShouldBe(explanation);
    }

    [Fact]
    public void At_QualitativeOrUnreported_NoLight()
    {
        IndicatorToDate[] items =
        [
            new(Indicator.Qualitative("法治水平", IndicatorLevel2.SocialBenefit, 10m, "有所提升"), null),
            new(Indicator.AtLeast("数量", IndicatorLevel2.Quantity, 10m, 5m, "件"), null),
        ];

        var progress = Monitoring.At(Sfj01(), items, new DateOnly(2023, 6, 30), National).Indicators;

        progress.ShouldAllBe(p => p.Light == null);
        progress.Select(p => p.Explanation).ShouldBe(["定性指标不按进度监控，请填写进展情况", "未填报累计完成值"]);
    }
}
