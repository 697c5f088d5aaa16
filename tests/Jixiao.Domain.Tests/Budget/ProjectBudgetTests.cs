using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Tests.Budget;

public class ProjectBudgetTests
{
    private const FundSource Appropriation = SeedBudgets.Appropriation;

    private static ProjectBudget Sfj01() => SeedBudgets.Sfj01();

    private static ProjectBudget Sfj02() => SeedBudgets.Sfj02();

    [Fact]
    public void Figures_Sfj01_FullYearIsInitialPlusReductionAndFullyExecuted()
    {
        var total = Sfj01().Figures().Total;

        total.Initial.ShouldBe(1_640_000m);
        total.Adjustments.ShouldBe(-702_100m);
        total.FullYear.ShouldBe(937_900m);
        total.Executed.ShouldBe(937_900m);
        total.RateAgainstFullYear.Ratio.ShouldBe(1m);
        total.RateAgainstFullYear.Percent.ShouldBe(100.00m);
        total.RateAgainstFullYear.PercentText.ShouldBe("100.00%");
        total.RateAgainstInitial.Percent.ShouldBe(57.19m);
        total.RateAgainstInitial.Ratio.ShouldBe(937_900m / 1_640_000m);
        Money.FormatWanYuan(total.FullYear).ShouldBe("93.79");
        Money.FormatWanYuan(total.Initial).ShouldBe("164.00");
    }

    [Fact]
    public void Figures_Sfj02_RateIs5012()
    {
        var total = Sfj02().Figures().Total;

        total.FullYear.ShouldBe(698_000m);
        total.RateAgainstFullYear.Percent.ShouldBe(50.12m);
        total.RateAgainstFullYear.Explanation.ShouldBe("执行率 = 全年执行数 349,845.00 ÷ 全年预算数 698,000.00 = 50.12%");
        total.RateAgainstInitial.Percent.ShouldBe(50.12m);
    }

    [Theory]
    [InlineData(AdjustmentKind.Increase, 1000, 1000)]
    [InlineData(AdjustmentKind.Increase, -1000, 1000)]
    [InlineData(AdjustmentKind.Reduction, 702100, -702100)]
    [InlineData(AdjustmentKind.Reduction, -702100, -702100)]
    [InlineData(AdjustmentKind.Transfer, 5000, 5000)]
    [InlineData(AdjustmentKind.Transfer, -5000, -5000)]
    public void SignedAmount_ByKind_FollowsKindExceptTransfer(AdjustmentKind kind, double entered, double expected)
    {
        var adjustment = new BudgetAdjustment(kind, new DateOnly(2023, 6, 1), (decimal)entered, "原因", "文号", FundSource.Other);

        adjustment.SignedAmount.ShouldBe((decimal)expected);
    }

    [Fact]
    public void Figures_SeveralFundSources_EachRowAndTotalAddUp()
    {
        var budget = new ProjectBudget(
            2024,
            [new BudgetLine(Appropriation, 500_000m), new BudgetLine(FundSource.CarryOver, 100_000m), new BudgetLine(FundSource.Other, 0m)],
            [
                new BudgetAdjustment(AdjustmentKind.Increase, new DateOnly(2024, 5, 1), 50_000m, "追加办案经费", "江财〔2024〕5号", Appropriation),
                new BudgetAdjustment(AdjustmentKind.Transfer, new DateOnly(2024, 6, 1), 20_000m, "调入", "", FundSource.Other),
            ],
            [
                new Expenditure(new DateOnly(2024, 7, 1), 275_000m, "a", "1", Appropriation),
                new Expenditure(new DateOnly(2024, 7, 2), 100_000m, "b", "2", FundSource.CarryOver),
            ]);

        var figures = budget.Figures();

        figures.For(Appropriation).FullYear.ShouldBe(550_000m);
        figures.For(Appropriation).RateAgainstFullYear.Percent.ShouldBe(50.00m);
        figures.For(FundSource.CarryOver).RateAgainstFullYear.Percent.ShouldBe(100.00m);
        figures.For(FundSource.Other).FullYear.ShouldBe(20_000m);
        figures.For(FundSource.Other).RateAgainstInitial.IsDefined.ShouldBeFalse();
        figures.Total.Initial.ShouldBe(600_000m);
        figures.Total.FullYear.ShouldBe(670_000m);
        figures.Total.Executed.ShouldBe(375_000m);
        figures.Total.RateAgainstFullYear.Percent.ShouldBe(55.97m);
        figures.BySource.Select(f => f.Name).ShouldBe(["本年财政拨款", "上年结转资金", "其他资金"]);
    }

    [Fact]
    public void Figures_ZeroFullYearBudget_ExplainedUndefinedRate()
    {
        var budget = new ProjectBudget(
            2023,
            [new BudgetLine(Appropriation, 100_000m)],
            [new BudgetAdjustment(AdjustmentKind.Reduction, new DateOnly(2023, 9, 1), 100_000m, "项目取消", "江财〔2023〕9号", Appropriation)],
            []);

        var rate = budget.Figures().Total.RateAgainstFullYear;

        rate.IsDefined.ShouldBeFalse();
        rate.Ratio.ShouldBeNull();
        rate.Percent.ShouldBeNull();
        rate.PercentText.ShouldBe("—");
        rate.Explanation.ShouldStartWith("全年预算数为 0，无法计算执行率");
    }

    [Fact]
    public void FiguresAsOf_Date_CountsOnlyEarlierRecords()
    {
        var figures = Sfj01().FiguresAsOf(new DateOnly(2023, 6, 30)).Total;

        figures.FullYear.ShouldBe(1_640_000m);
        figures.Executed.ShouldBe(400_000m);
    }

    [Theory]
    [InlineData(937900, "93.79")]
    [InlineData(1640000, "164.00")]
    [InlineData(349845, "34.98")]
    [InlineData(349850, "34.99")]
    [InlineData(0, "0.00")]
    public void FormatWanYuan_Yuan_TwoDecimalsHalfUp(double yuan, string expected) =>
        Money.FormatWanYuan((decimal)yuan).ShouldBe(expected);

    [Fact]
    public void FormatYuan_Amount_ThousandsAndTwoDecimals() => Money.FormatYuan(937_900m).ShouldBe("937,900.00");

    [Fact]
    public void Expenditure_MoreThanTwoDecimals_Refused() =>
        Should.Throw<DomainException>(() => new Expenditure(new DateOnly(2023, 1, 1), 1.005m, "a", "1", Appropriation))
            .Message.ShouldContain("最多保留两位小数");

    [Fact]
    public void Adjustment_WithoutReason_Refused() =>
        Should.Throw<DomainException>(() => new BudgetAdjustment(AdjustmentKind.Increase, new DateOnly(2023, 1, 1), 10m, " ", "文号", Appropriation))
            .Message.ShouldBe("预算调整必须填写调整原因。");

    [Fact]
    public void BudgetLine_Negative_Refused() =>
        Should.Throw<DomainException>(() => new BudgetLine(Appropriation, -1m)).Message.ShouldContain("不能为负数");
}
