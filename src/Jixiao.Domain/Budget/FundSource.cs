namespace Jixiao.Domain.Budget;

/// <summary>Fund source (资金来源) of a budget line, an adjustment or an expenditure.</summary>
/// <remarks>The three rows under 年度资金总额 in the funds block of 项目支出绩效自评表 (evaluation-outputs.md §1).</remarks>
public enum FundSource
{
    /// <summary>本年财政拨款</summary>
    CurrentYearAppropriation = 1,

    /// <summary>上年结转资金</summary>
    CarryOver = 2,

    /// <summary>其他资金</summary>
    Other = 3,
}

/// <summary>Kind (类型) of a budget adjustment during the year.</summary>
/// <remarks>scoring-rules.md “Inputs”: adjustments during the year (追加, 压减/调减, 调剂).</remarks>
public enum AdjustmentKind
{
    /// <summary>追加：always raises the budget.</summary>
    Increase = 1,

    /// <summary>压减/调减：always lowers the budget.</summary>
    Reduction = 2,

    /// <summary>调剂：moves money in (positive) or out (negative), signed as entered.</summary>
    Transfer = 3,
}

/// <summary>Chinese names of fund sources and adjustment kinds, as printed on the forms.</summary>
public static class BudgetNames
{
    /// <summary>All fund sources in the order of the score table.</summary>
    public static IReadOnlyList<FundSource> FundSources { get; } = [FundSource.CurrentYearAppropriation, FundSource.CarryOver, FundSource.Other];

    /// <summary>本年财政拨款 / 上年结转资金 / 其他资金.</summary>
    public static string Name(FundSource source) => source switch
    {
        FundSource.CurrentYearAppropriation => "本年财政拨款",
        FundSource.CarryOver => "上年结转资金",
        FundSource.Other => "其他资金",
        _ => throw new DomainException($"未知的资金来源：{(int)source}。"),
    };

    /// <summary>追加 / 压减 / 调剂.</summary>
    public static string Name(AdjustmentKind kind) => kind switch
    {
        AdjustmentKind.Increase => "追加",
        AdjustmentKind.Reduction => "压减",
        AdjustmentKind.Transfer => "调剂",
        _ => throw new DomainException($"未知的预算调整类型：{(int)kind}。"),
    };
}
