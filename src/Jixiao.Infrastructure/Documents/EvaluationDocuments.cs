namespace Jixiao.Infrastructure.Documents;

/// <summary>What the score table (项目支出绩效自评表, 附表) prints, in the order it prints it.</summary>
/// <remarks>
/// Funds: 年度资金总额 first, then 其中：本年财政拨款, 上年结转资金, 其他资金; amounts in yuan, printed in 万元.
/// ExecutionPoints: 分值 of the budget-execution part, counted in the 总分 row's points. Grade: 优, 良, 中 or 差.
/// </remarks>
public sealed record ScoreTableDocument(
    int Year,
    string ProjectName,
    string SupervisingDepartment,
    string ImplementingUnit,
    string? ResponsiblePerson,
    string? Phone,
    IReadOnlyList<FundRow> Funds,
    string GoalExpected,
    string GoalActual,
    IReadOnlyList<IndicatorRow> Indicators,
    decimal Total,
    string Grade,
    int ExecutionPoints);

/// <summary>One row of the funds block; amounts in yuan with two decimals.</summary>
/// <remarks>Points (分值) and Score (得分) print as "—" when null; RateText (执行率) is printed as given: "100.00%" or "—".</remarks>
public sealed record FundRow(string Name, decimal Initial, decimal FullYear, decimal Executed, decimal? Points, string RateText, decimal? Score);

/// <summary>One level-3 indicator of the indicators block.</summary>
/// <remarks>TargetText (年度指标值) shows direction and unit: "≥66件", "100%", "保持优秀等次". Deviation: 偏差原因分析及改进措施.</remarks>
public sealed record IndicatorRow(string Level1, string Level2, string Name, string TargetText, string ActualText, decimal Points, decimal Score, string? Deviation);

/// <summary>The self-evaluation report (项目支出绩效自评报告) as headings and paragraphs.</summary>
/// <remarks>UnitName (发文机关署名) is printed above the date (成文日期) at the end.</remarks>
public sealed record ReportDocument(string Title, string UnitName, DateOnly Date, IReadOnlyList<ReportBlock> Blocks);

/// <summary>Level of a report block: 一、 headings, （一） headings and body text.</summary>
public enum ReportBlockKind
{
    Heading1,
    Heading2,
    Paragraph,
}

/// <summary>One heading or paragraph of the report.</summary>
public sealed record ReportBlock(ReportBlockKind Kind, string Text);
