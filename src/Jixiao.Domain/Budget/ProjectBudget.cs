namespace Jixiao.Domain.Budget;

/// <summary>An initial budget line (年初预算数) of a project for one fund source.</summary>
/// <param name="FundSource">资金来源.</param>
/// <param name="Amount">Amount in yuan, two decimals at most, not negative.</param>
public sealed record BudgetLine(FundSource FundSource, decimal Amount)
{
    /// <summary>Amount in yuan, checked: two decimals at most and not negative.</summary>
    public decimal Amount { get; init; } = Amount < 0m
        ? throw new DomainException($"年初预算数不能为负数（{BudgetNames.Name(FundSource)}：{Money.FormatYuan(Amount)} 元）。")
        : Money.RequireYuan(Amount, "年初预算数");
}

/// <summary>An adjustment of the budget during the year (追加, 压减, 调剂).</summary>
/// <param name="Kind">追加 raises, 压减 lowers (whatever the sign entered); 调剂 keeps the sign entered.</param>
/// <param name="Date">Date of the adjustment document.</param>
/// <param name="Amount">Amount in yuan as entered (signed or not; see <see cref="SignedAmount"/>).</param>
/// <param name="Reason">Reason (调整原因), required: the report's 投入 section lists each adjustment with it.</param>
/// <param name="DocumentNumber">Document number (文号), e.g. 江财预〔2023〕12号; may be empty when there is none.</param>
/// <param name="FundSource">资金来源 the adjustment belongs to.</param>
/// <remarks>scoring-rules.md “Inputs”: adjustments during the year, each with date, amount, reason, document number.</remarks>
public sealed record BudgetAdjustment(AdjustmentKind Kind, DateOnly Date, decimal Amount, string Reason, string DocumentNumber, FundSource FundSource)
{
    /// <summary>Amount in yuan as entered, checked: not zero, two decimals at most.</summary>
    public decimal Amount { get; init; } = Amount == 0m
        ? throw new DomainException("预算调整金额不能为 0。")
        : Money.RequireYuan(Amount, "预算调整金额");

    /// <summary>Reason, required.</summary>
    public string Reason { get; init; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new DomainException("预算调整必须填写调整原因。")
        : Reason.Trim();

    /// <summary>The amount with the sign of its kind: 追加 +, 压减 −, 调剂 as entered.</summary>
    public decimal SignedAmount => Kind switch
    {
        AdjustmentKind.Increase => Math.Abs(Amount),
        AdjustmentKind.Reduction => -Math.Abs(Amount),
        AdjustmentKind.Transfer => Amount,
        _ => throw new DomainException($"未知的预算调整类型：{(int)Kind}。"),
    };
}

/// <summary>An expenditure (支出) recorded against the project.</summary>
/// <param name="Date">Payment date.</param>
/// <param name="Amount">Amount in yuan; negative for a refund or reversal (冲销), never zero.</param>
/// <param name="Purpose">Purpose (用途).</param>
/// <param name="Voucher">Voucher number (凭证号).</param>
/// <param name="FundSource">资金来源 it is paid from.</param>
public sealed record Expenditure(DateOnly Date, decimal Amount, string Purpose, string Voucher, FundSource FundSource)
{
    /// <summary>Amount in yuan, checked: not zero, two decimals at most.</summary>
    public decimal Amount { get; init; } = Amount == 0m
        ? throw new DomainException("支出金额不能为 0。")
        : Money.RequireYuan(Amount, "支出金额");
}

/// <summary>
/// The budget of one project for one year: initial lines, adjustments and expenditures, from which
/// the figures of the funds block are derived.
/// </summary>
/// <param name="Year">Budget year (年度).</param>
/// <param name="InitialLines">年初预算数 by fund source (several lines of one source add up).</param>
/// <param name="Adjustments">Adjustments during the year.</param>
/// <param name="Expenditures">Expenditures.</param>
/// <remarks>
/// scoring-rules.md “Inputs”: 全年预算数 = initial + adjustments (+ carry-over + other funds where the
/// project has them); 全年执行数 = the sum of expenditures.
/// </remarks>
public sealed record ProjectBudget(int Year, IReadOnlyList<BudgetLine> InitialLines, IReadOnlyList<BudgetAdjustment> Adjustments, IReadOnlyList<Expenditure> Expenditures)
{
    /// <summary>Figures of the funds block for the whole year (every adjustment and expenditure counted).</summary>
    public BudgetFigures Figures() => FiguresAsOf(null);

    /// <summary>
    /// Figures counting only adjustments and expenditures dated on or before <paramref name="date"/>,
    /// for monitoring during the year; null counts everything.
    /// </summary>
    public BudgetFigures FiguresAsOf(DateOnly? date)
    {
        var adjustments = Adjustments.Where(a => date is null || a.Date <= date).ToList();
        var expenditures = Expenditures.Where(e => date is null || e.Date <= date).ToList();
        var bySource = BudgetNames.FundSources
            .Select(source => FundFigures.Of(
                BudgetNames.Name(source),
                source,
                InitialLines.Where(l => l.FundSource == source).Sum(l => l.Amount),
                adjustments.Where(a => a.FundSource == source).Sum(a => a.SignedAmount),
                expenditures.Where(e => e.FundSource == source).Sum(e => e.Amount)))
            .ToList();
        var total = FundFigures.Of(
            "年度资金总额",
            null,
            bySource.Sum(f => f.Initial),
            bySource.Sum(f => f.Adjustments),
            bySource.Sum(f => f.Executed));
        return new BudgetFigures(total, bySource);
    }
}

/// <summary>The figures of one row of the funds block (年度资金总额 or one fund source).</summary>
/// <param name="Name">Row name as printed: 年度资金总额, 本年财政拨款, 上年结转资金, 其他资金.</param>
/// <param name="FundSource">The fund source, or null for the total row.</param>
/// <param name="Initial">年初预算数 in yuan.</param>
/// <param name="Adjustments">Net adjustments in yuan (追加 − 压减 ± 调剂).</param>
/// <param name="FullYear">全年预算数 = initial + adjustments.</param>
/// <param name="Executed">全年执行数 = sum of expenditures.</param>
/// <param name="RateAgainstFullYear">执行率 against 全年预算数: the rate the score uses.</param>
/// <param name="RateAgainstInitial">执行率 against 年初预算数, for the report's 投入 section.</param>
public sealed record FundFigures(
    string Name,
    FundSource? FundSource,
    decimal Initial,
    decimal Adjustments,
    decimal FullYear,
    decimal Executed,
    ExecutionRate RateAgainstFullYear,
    ExecutionRate RateAgainstInitial)
{
    internal static FundFigures Of(string name, FundSource? source, decimal initial, decimal adjustments, decimal executed)
    {
        var fullYear = initial + adjustments;
        return new FundFigures(name, source, initial, adjustments, fullYear, executed,
            ExecutionRate.Of(executed, fullYear, "全年预算数"),
            ExecutionRate.Of(executed, initial, "年初预算数"));
    }
}

/// <summary>The funds block: the total row and one row per fund source.</summary>
/// <param name="Total">年度资金总额.</param>
/// <param name="BySource">One row per fund source, in the order of <see cref="BudgetNames.FundSources"/>.</param>
public sealed record BudgetFigures(FundFigures Total, IReadOnlyList<FundFigures> BySource)
{
    /// <summary>The row of one fund source.</summary>
    public FundFigures For(FundSource source) => BySource.Single(f => f.FundSource == source);
}
