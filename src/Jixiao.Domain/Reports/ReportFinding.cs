namespace Jixiao.Domain.Reports;

/// <summary>
/// A figure in a report that does not add up (报告数据核对发现的问题): where it is, which rule it
/// breaks, the numbers the checker used, and the value the text should have stated.
/// </summary>
/// <remarks>
/// Plain properties only, so that a command line or an API can serialise a list of findings as
/// <c>{"findings": [...]}</c> without any mapping.
/// </remarks>
/// <param name="Rule">Stable rule code: <see cref="ReportRules.TotalParts"/>, <see cref="ReportRules.Rate"/>,
/// <see cref="ReportRules.Share"/>, <see cref="ReportRules.ScoreBound"/> or <see cref="ReportRules.PartExceedsWhole"/>.</param>
/// <param name="Sentence">The sentence (句) that states the figure, trimmed.</param>
/// <param name="SentenceOffset">Character offset of the sentence in the checked text (0-based).</param>
/// <param name="Line">Line of the stated figure in the checked text (1-based).</param>
/// <param name="Stated">The stated figure as written, e.g. "129件", "25.8%", "97分".</param>
/// <param name="StatedOffset">Character offset of the stated figure in the checked text (0-based).</param>
/// <param name="Figures">The figures the rule put into its computation, each with its role.</param>
/// <param name="Explanation">Why the figure does not add up, in Chinese (所列各项之和为128件，与所述129件不符).</param>
/// <param name="Expected">What the text should state: "128", "25.19%", "≤95.01分".</param>
public sealed record ReportFinding(
    string Rule,
    string Sentence,
    int SentenceOffset,
    int Line,
    string Stated,
    int StatedOffset,
    IReadOnlyList<FindingFigure> Figures,
    string Explanation,
    string Expected);

/// <summary>A figure used by a finding: its role in the computation, the text as written and its value.</summary>
/// <param name="Role">total, part, numerator, denominator, whole, budget, spent, rate or score.</param>
/// <param name="Text">The figure as written in the report, e.g. "93.79万元".</param>
/// <param name="Value">Its value in the base unit: yuan for money (93.79万元 → 937900), percentage points for a percentage.</param>
/// <param name="Offset">Character offset of the figure in the checked text (0-based); -1 for a value the checker derived.</param>
public sealed record FindingFigure(string Role, string Text, decimal Value, int Offset);

/// <summary>The codes of the report checker's rules.</summary>
public static class ReportRules
{
    /// <summary>数字与统计值不符: a number generated from a metric that a user edited or that the data no longer give.</summary>
    public const string Metric = "metric";

    /// <summary>所列各项之和与总数不符: a total against the parts listed with it.</summary>
    public const string TotalParts = "total-parts";

    /// <summary>比率与其分子、分母不符: a stated rate (…率X%) against the counts it is computed from.</summary>
    public const string Rate = "rate";

    /// <summary>占比与总数不符: a share (占X%) against the total it is a share of.</summary>
    public const string Share = "share";

    /// <summary>自评得分超过预算执行率允许的上限: a self-score against the execution rate.</summary>
    public const string ScoreBound = "score-bound";

    /// <summary>分项大于总数: a part larger than its whole.</summary>
    public const string PartExceedsWhole = "part-exceeds-whole";
}

/// <summary>Settings of the report checker.</summary>
public sealed record ReportCheckOptions
{
    /// <summary>
    /// Points of the budget-execution indicator (预算执行率分值); 10 in the national practice, 20 in
    /// some prefecture templates. It comes from the scoring profile the report was scored with.
    /// </summary>
    public decimal ExecutionPoints { get; init; } = 10m;

    /// <summary>Full marks of a self-evaluation (满分), 100 in every profile the product ships.</summary>
    public decimal FullMarks { get; init; } = 100m;
}
