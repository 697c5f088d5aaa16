using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Benchmarks;

/// <summary>
/// The seed project 2023-SFJ-01 (立法、规范性文件审核、法律顾问、行政复议和行政应诉工作经费) in memory, as
/// PerformanceDemo records it and `jixiao evaluation score` scores it: 1,640,000 yuan at the start of the year,
/// cut by 702,100, twelve expenditures of 937,900, and its indicators (the seed's twelve plus three, fifteen in all,
/// with the points re-split so that execution + indicators still make 100).
/// </summary>
public static class SeedProject
{
    public const string Name = "立法、规范性文件审核、法律顾问、行政复议和行政应诉工作经费";
    public const string Unit = "江门市司法局";
    private const IndicatorLevel2 Quantity = IndicatorLevel2.Quantity;

    public static ProjectBudget Budget() => new(
        2023,
        [new BudgetLine(FundSource.CurrentYearAppropriation, 1_640_000m)],
        [new BudgetAdjustment(AdjustmentKind.Reduction, new DateOnly(2023, 8, 10), 702_100m,
            "按财政要求，为落实党政机关“习惯过紧日子”精神，厉行节约，按规定调减该项目支出", "江财预〔2023〕56号", FundSource.CurrentYearAppropriation)],
        [.. new (string Date, decimal Amount, string Purpose)[]
        {
            ("2023-02-15", 85_000m, "市政府法律顾问服务费（第一季度）"),
            ("2023-03-20", 62_400m, "行政复议案件听证、调解工作经费"),
            ("2023-04-18", 120_000m, "委托起草地方性法规草案服务费"),
            ("2023-05-22", 48_600m, "规范性文件合法性审核专家论证费"),
            ("2023-06-16", 85_000m, "市政府法律顾问服务费（第二季度）"),
            ("2023-07-14", 96_300m, "规范性文件全面清理委托服务费"),
            ("2023-08-21", 54_200m, "行政应诉案件材料印制及送达费"),
            ("2023-09-12", 85_000m, "市政府法律顾问服务费（第三季度）"),
            ("2023-10-19", 110_000m, "委托调研地方性法规项目服务费"),
            ("2023-11-16", 58_700m, "行政复议开放日及业务培训费"),
            ("2023-12-15", 85_000m, "市政府法律顾问服务费（第四季度）"),
            ("2023-12-26", 47_700m, "党政机关法律顾问统筹使用试点服务费"),
        }.Select(e => new Expenditure(DateOnly.Parse(e.Date, CultureInfo.InvariantCulture), e.Amount, e.Purpose,
            "记-" + e.Date.Replace("-", string.Empty, StringComparison.Ordinal), FundSource.CurrentYearAppropriation))]);

    /// <summary>The indicators with their actuals, in declaration order (as GetProject.TryScore passes them).</summary>
    public static IReadOnlyList<IndicatorEvaluation> Indicators() =>
    [
        new(Indicator.AtLeast("审核（审查）市级规范性文件数量", Quantity, 8, 60, "件"), 66),
        new(Indicator.AtLeast("审查县（市、区）报备政府规范性文件数量", Quantity, 6, 30, "件"), 36),
        new(Indicator.AtLeast("办理市本级行政复议案件数量", Quantity, 8, 150, "件"), 190, DeviationReason: "新修订的行政复议法施行前后申请量上升，年初指标值按上年数设定偏低。"),
        new(Indicator.AtLeast("委托起草、调研地方性法规数量", Quantity, 6, 3, "部"), 3),
        new(Indicator.AtLeast("市政府法律顾问办件数量", Quantity, 6, 220, "件"), 260),
        new(Indicator.AtLeast("行政复议调撤率", IndicatorLevel2.Quality, 6, 30, "%"), 34.81m),
        new(Indicator.AtLeast("行政机关负责人出庭应诉率", IndicatorLevel2.Quality, 5, 95, "%"), 99.32m),
        new(Indicator.Exactly("立法工作完成及时率", IndicatorLevel2.Timeliness, 5, 100, "%"), 100),
        new(Indicator.AtLeast("规范性文件清理提出清理意见数量", IndicatorLevel2.SocialBenefit, 6, 200, "件"), 223),
        new(Indicator.AtLeast("纳入告知承诺制的证明事项数量", IndicatorLevel2.SocialBenefit, 6, 60, "个"), 60),
        new(Indicator.Qualitative("法治政府建设水平", IndicatorLevel2.Sustainability, 10, "持续提升"), Band: QualitativeBand.Achieved, QualitativeScore: 8,
            DeviationReason: "县（市、区）级政府规范性文件监管链不够完善，日常监管、发布阶段的监管不够到位；下一年度加强备案审查和督导，于2024年6月底前完成整改。"),
        new(Indicator.AtLeast("行政复议申请人满意度", IndicatorLevel2.ServiceSatisfaction, 8, 90, "%"), 92),
        new(Indicator.AtLeast("政府法律顾问意见采纳率", IndicatorLevel2.Quality, 4, 90, "%"), 87.5m, DeviationReason: "部分意见因政策调整未采纳，下一年度加强前期沟通。"),
        new(Indicator.AtMost("行政复议决定被纠错件数", IndicatorLevel2.Quality, 3, 10, "件"), 12, DeviationReason: "个别案件事实认定不清，已组织专题培训。"),
        new(Indicator.AtMost("行政应诉案件败诉率", IndicatorLevel2.SocialBenefit, 3, 10, "%"), 6.8m),
    ];

    /// <summary>What ScoreEvaluation puts into the engine: the funds block's total row and the indicators.</summary>
    public static ScoringInput Input()
    {
        var total = Budget().Figures().Total;
        return new ScoringInput(total.FullYear, total.Executed, Indicators());
    }

    public static EvaluationScore Score() => ScoringEngine.Score(Input(), ScoringProfiles.National2020);

    /// <summary>The score table's content, as EvaluationOutputs.Table builds it from the project.</summary>
    public static ScoreTableDocument Table()
    {
        var score = Score();
        var figures = Budget().Figures();
        FundRow Row(FundFigures f, bool total) => new(
            total ? "年度资金总额" : "其中：" + f.Name, f.Initial, f.FullYear, f.Executed,
            total ? score.Execution.Points : null,
            f.RateAgainstFullYear.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0.00}%") : "—",
            total ? score.Execution.Score : null);
        return new ScoreTableDocument(
            2023, Name, Unit, Unit, "黄国强", "0750-3272156",
            [Row(figures.Total, true), .. figures.BySource.Select(f => Row(f, false))],
            "完成年度立法计划的起草调研任务，做好市级规范性文件合法性审核和县级备案审查，推进规范性文件全面清理和证明事项告知承诺制，"
            + "发挥政府法律顾问作用，依法办理行政复议和行政应诉案件，推动行政争议实质性化解，提升法治政府建设水平。",
            "2023年全年实际支出93.79万元，完成压减后全年预算的100%。各项绩效指标大多数完成或超额完成。",
            [.. score.Indicators.Select(i => new IndicatorRow(
                IndicatorCatalogue.Name(i.Evaluation.Indicator.Level1), IndicatorCatalogue.Name(i.Evaluation.Indicator.Level2), i.Name,
                i.Evaluation.Indicator.TargetText, ActualText(i) ?? "—", i.Points, i.Score ?? 0m, i.Evaluation.DeviationReason))],
            score.Total, score.GradeName, (int)score.Execution.Points);
    }

    /// <summary>The report's content: the seed report's own text, its 一、 and （一） lines as headings.</summary>
    public static ReportDocument Report()
    {
        var blocks = new List<ReportBlock>();
        foreach (var raw in SeedTexts.Read("2023-SFJ-01.txt").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var kind = line.Length > 2 && "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal) && line[1] == '、' ? ReportBlockKind.Heading1
                : line.StartsWith('（') && line.Length < 40 ? ReportBlockKind.Heading2
                : ReportBlockKind.Paragraph;
            blocks.Add(new ReportBlock(kind, line));
        }

        return new ReportDocument($"2023年度{Name}项目支出绩效自评报告", Unit, new DateOnly(2024, 3, 15), blocks);
    }

    private static string? ActualText(IndicatorScore score)
    {
        var indicator = score.Evaluation.Indicator;
        return indicator.Kind == IndicatorKind.Qualitative
            ? score.Evaluation.Band is { } band ? ScoringEngine.BandName(band) : null
            : score.Evaluation.Actual is { } a ? Rounding.Plain(a) + indicator.Unit : null;
    }
}

/// <summary>The seed reports copied beside the benchmark (data/).</summary>
public static class SeedTexts
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", name));
}
