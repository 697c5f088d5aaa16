using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Tests.Budget;

/// <summary>The budgets of the two seed reports (seed-figures.md), with expenditures spread over the year.</summary>
internal static class SeedBudgets
{
    public const FundSource Appropriation = FundSource.CurrentYearAppropriation;

    /// <summary>000_a11c1dd7bc777b1e.txt: 1,640,000 initial, cut by 702,100 in August; 400,000 spent in March and 537,900 in November.</summary>
    public static ProjectBudget Sfj01() => new(
        2023,
        [new BudgetLine(Appropriation, 1_640_000m)],
        [new BudgetAdjustment(AdjustmentKind.Reduction, new DateOnly(2023, 8, 15), 702_100m, "财政压减一般性支出", "江财预〔2023〕1号", Appropriation)],
        [
            new Expenditure(new DateOnly(2023, 3, 31), 400_000m, "委托起草地方性法规", "记-001", Appropriation),
            new Expenditure(new DateOnly(2023, 11, 30), 537_900m, "法律顾问服务费", "记-087", Appropriation),
        ]);

    /// <summary>002_2932d84a6d51f4d1.txt: 349,845 of 698,000 spent.</summary>
    public static ProjectBudget Sfj02() => new(
        2023,
        [new BudgetLine(Appropriation, 698_000m)],
        [],
        [new Expenditure(new DateOnly(2023, 12, 20), 349_845m, "法治建设考评", "记-120", Appropriation)]);
}
