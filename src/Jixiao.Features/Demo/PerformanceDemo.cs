using System.Text.RegularExpressions;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo projects: the two seed projects of 江门市司法局 for 2023, complete and scored, their texts
/// taken from the real reports; and projects of this year in other states (draft, submitted, returned,
/// approved with spending under way) so that every page has something real to show.
/// </summary>
public sealed partial class PerformanceDemo(IDbContextFactory<JixiaoDbContext> dbFactory, SaveProject save, EditBudget budget, EditTargets targets,
    EditEvaluation evaluation, ReviewWorkflow workflow, TimeProvider clock, ReconsiderationDemo reconsideration)
{
    private const string Department = "江门市司法局";
    private const IndicatorLevel2 Quantity = IndicatorLevel2.Quantity;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await reconsideration.EnsureAsync(cancellationToken);
        await RemoveAsync(cancellationToken);
        await Seed2023Sfj01Async(cancellationToken);
        await Seed2023Sfj02Async(cancellationToken);
        await SeedThisYearAsync(cancellationToken);
    }

    private static readonly (int Year, string Code)[] Codes = [(2023, "2023-SFJ-01"), (2023, "2023-SFJ-02")];

    private async Task RemoveAsync(CancellationToken cancellationToken)
    {
        var year = Today.Year;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var demo = await db.Projects.Where(p => (p.Year == 2023 && (p.Code == "2023-SFJ-01" || p.Code == "2023-SFJ-02"))
                || (p.Year == year && p.Code.StartsWith(year + "-") && (p.Code.EndsWith("-SFJ-01") || p.Code.EndsWith("-PJ-01") || p.Code.EndsWith("-JH-01") || p.Code.EndsWith("-XH-01"))))
            .ToListAsync(cancellationToken);
        db.Projects.RemoveRange(demo);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task Seed2023Sfj01Async(CancellationToken ct)
    {
        var text = Seed("2023-SFJ-01");
        var id = await save.HandleAsync(new SaveProject.Command(null, DemoData.CityBureau, "2023-SFJ-01", 2023, new ProjectDetails(
            "立法、规范性文件审核、法律顾问、行政复议和行政应诉工作经费", Department, "专项业务费", "黄国强", "0750-3272156",
            Section(text, "（一）项目立项背景和依据", "（二）项目完成情况"),
            "完成年度立法计划的起草调研任务，做好市级规范性文件合法性审核和县级备案审查，推进规范性文件全面清理和证明事项告知承诺制，"
            + "发挥政府法律顾问作用，依法办理行政复议和行政应诉案件，推动行政争议实质性化解，提升法治政府建设水平。")), ct);
        await budget.SetInitialAsync(id, FundSource.CurrentYearAppropriation, 1_640_000m, ct);
        var indicators = new[]
        {
            Indicator.AtLeast("审核（审查）市级规范性文件数量", Quantity, 8, 60, "件"),
            Indicator.AtLeast("审查县（市、区）报备政府规范性文件数量", Quantity, 6, 30, "件"),
            Indicator.AtLeast("办理市本级行政复议案件数量", Quantity, 8, 150, "件"),
            Indicator.AtLeast("委托起草、调研地方性法规数量", Quantity, 6, 3, "部"),
            Indicator.AtLeast("市政府法律顾问办件数量", Quantity, 6, 220, "件"),
            Indicator.AtLeast("行政复议调撤率", IndicatorLevel2.Quality, 6, 30, "%"),
            Indicator.AtLeast("行政机关负责人出庭应诉率", IndicatorLevel2.Quality, 5, 95, "%"),
            Indicator.Exactly("立法工作完成及时率", IndicatorLevel2.Timeliness, 5, 100, "%"),
            Indicator.AtLeast("规范性文件清理提出清理意见数量", IndicatorLevel2.SocialBenefit, 10, 200, "件"),
            Indicator.AtLeast("纳入告知承诺制的证明事项数量", IndicatorLevel2.SocialBenefit, 10, 60, "个"),
            Indicator.Qualitative("法治政府建设水平", IndicatorLevel2.Sustainability, 10, "持续提升"),
            Indicator.AtLeast("行政复议申请人满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"),
        };
        await DeclareAndApproveAsync(id, indicators, ct);
        await budget.AddAdjustmentAsync(id, AdjustmentKind.Reduction, new DateOnly(2023, 8, 10), 702_100m,
            "按财政要求，为落实党政机关“习惯过紧日子”精神，厉行节约，按规定调减该项目支出", "江财预〔2023〕56号", FundSource.CurrentYearAppropriation, ct);
        foreach (var (date, amount, purpose) in new (string, decimal, string)[]
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
        })
        {
            await budget.AddExpenditureAsync(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, purpose, "记-" + date.Replace("-", string.Empty, StringComparison.Ordinal), FundSource.CurrentYearAppropriation, ct);
        }

        await evaluation.StartAsync(id, ScoringProfiles.National2020.Name, ct);

        // The reconsideration indicators take their actuals from the register's figures (190 received, 34.81 % 调撤率).
        await FeedAsync(id, "办理市本级行政复议案件数量", "reconsideration.received", ct);
        await FeedAsync(id, "行政复议调撤率", "reconsideration.settlement_withdrawal_rate", ct);
        await RecordAsync(id, new Dictionary<string, (decimal? Value, QualitativeBand? Band, decimal? Score, string? Reason)>
        {
            ["审核（审查）市级规范性文件数量"] = (66, null, null, null),
            ["审查县（市、区）报备政府规范性文件数量"] = (36, null, null, null),
            ["委托起草、调研地方性法规数量"] = (3, null, null, null),
            ["市政府法律顾问办件数量"] = (260, null, null, null),
            ["行政机关负责人出庭应诉率"] = (99.32m, null, null, null),
            ["立法工作完成及时率"] = (100, null, null, null),
            ["规范性文件清理提出清理意见数量"] = (223, null, null, null),
            ["纳入告知承诺制的证明事项数量"] = (60, null, null, null),
            ["法治政府建设水平"] = (null, QualitativeBand.Achieved, 8, "县（市、区）级政府规范性文件监管链不够完善，日常监管、发布阶段的监管不够到位；下一年度加强备案审查和督导，于2024年6月底前完成整改。"),
            ["行政复议申请人满意度"] = (92, null, null, null),
        }, ct);
        await evaluation.SaveTextsAsync(id, Texts(text, "2023年全年实际支出93.79万元，完成压减后全年预算的100%。各项绩效指标大多数完成或超额完成。"), ct);
        await workflow.SubmitEvaluationAsync(id, ct);
        await workflow.ApproveEvaluationAsync(id, ct);
        await workflow.ConfirmEvaluationAsync(id, ct);
    }

    private async Task Seed2023Sfj02Async(CancellationToken ct)
    {
        var text = Seed("2023-SFJ-02");
        var id = await save.HandleAsync(new SaveProject.Command(null, DemoData.CityBureau, "2023-SFJ-02", 2023, new ProjectDetails(
            "全面依法治市工作经费", Department, "专项业务费", "谭伟文", "0750-3272189",
            Section(text, "（一）项目立项背景和依据", "（二）项目完成情况"),
            "统筹推进全面依法治市，做好法治江门建设考评和法治广东建设考评迎检，发挥依法治市咨询专家作用，提升全市法治建设水平。")), ct);
        await budget.SetInitialAsync(id, FundSource.CurrentYearAppropriation, 698_000m, ct);
        await DeclareAndApproveAsync(id,
        [
            Indicator.AtLeast("依法治市咨询专家库专家人数", Quantity, 15, 12, "人"),
            Indicator.AtLeast("法治江门建设考评县（市、区）数量", Quantity, 15, 7, "个"),
            Indicator.Exactly("法治江门建设考评覆盖率", IndicatorLevel2.Quality, 20, 100, "%"),
            Indicator.Qualitative("法治广东建设考评等次", IndicatorLevel2.SocialBenefit, 20, "保持上年度考评等次（优秀）"),
            Indicator.Qualitative("依法治市水平", IndicatorLevel2.Sustainability, 20, "有提高"),
        ], ct);
        foreach (var (date, amount, purpose) in new (string, decimal, string)[]
        {
            ("2023-03-10", 45_600m, "市委全面依法治市委员会会议会务费"),
            ("2023-04-25", 36_000m, "“习近平法治思想+实务培训”讲座（第1—4期）"),
            ("2023-06-08", 58_245m, "法治江门建设考评工作经费"),
            ("2023-07-20", 36_000m, "“习近平法治思想+实务培训”讲座（第5—8期）"),
            ("2023-09-05", 72_000m, "第二届“十大法治惠民实事项目”评选活动"),
            ("2023-10-18", 36_000m, "“习近平法治思想+实务培训”讲座（第9—12期）"),
            ("2023-11-22", 38_000m, "道路交通安全和运输执法领域突出问题专项整治督导"),
            ("2023-12-20", 28_000m, "依法治市咨询专家咨询费"),
        })
        {
            await budget.AddExpenditureAsync(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, purpose, "记-" + date.Replace("-", string.Empty, StringComparison.Ordinal), FundSource.CurrentYearAppropriation, ct);
        }

        await evaluation.StartAsync(id, ScoringProfiles.National2020.Name, ct);
        await RecordAsync(id, new Dictionary<string, (decimal? Value, QualitativeBand? Band, decimal? Score, string? Reason)>
        {
            ["依法治市咨询专家库专家人数"] = (12, null, null, null),
            ["法治江门建设考评县（市、区）数量"] = (7, null, null, null),
            ["法治江门建设考评覆盖率"] = (100, null, null, null),
            ["法治广东建设考评等次"] = (null, QualitativeBand.Achieved, 20, null),
            ["依法治市水平"] = (null, QualitativeBand.Achieved, 20, null),
        }, ct);
        await evaluation.SaveTextsAsync(id, Texts(text, "2023年全年实际支出349,845元；依法治市各项目标均已完成，法治广东建设考评获评优秀等次。"), ct);
        await workflow.SubmitEvaluationAsync(id, ct);
    }

    /// <summary>This year's projects: the city's under way (monitoring is live), and the counties' in each state of declaration.</summary>
    private async Task SeedThisYearAsync(CancellationToken ct)
    {
        var year = Today.Year;
        var city = await save.HandleAsync(new SaveProject.Command(null, DemoData.CityBureau, $"{year}-SFJ-01", year, new ProjectDetails(
            "立法、规范性文件审核、法律顾问、行政复议和行政应诉工作经费", Department, "专项业务费", "黄国强", "0750-3272156",
            "根据江门市司法局三定方案的职责为项目的立项背景依据。", "完成年度立法、规范性文件审核、法律顾问、行政复议和行政应诉各项任务。")), ct);
        await budget.SetInitialAsync(city, FundSource.CurrentYearAppropriation, 1_200_000m, ct);
        await DeclareAndApproveAsync(city,
        [
            Indicator.AtLeast("审核（审查）市级规范性文件数量", Quantity, 20, 60, "件"),
            Indicator.AtLeast("办理市本级行政复议案件数量", Quantity, 15, 180, "件"),
            Indicator.AtLeast("行政复议调撤率", IndicatorLevel2.Quality, 15, 30, "%"),
            Indicator.AtLeast("纳入告知承诺制的证明事项数量", IndicatorLevel2.SocialBenefit, 30, 60, "个"),
            Indicator.AtLeast("行政复议申请人满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"),
        ], ct);
        for (var month = 1; month < Math.Min(Today.Month, 12); month++)
        {
            var date = new DateOnly(year, month, 15);
            await budget.AddExpenditureAsync(city, date, 62_500m + (month % 3 * 4_000m), $"{month}月法律顾问服务及案件办理费用", $"记-{date:yyyyMMdd}", FundSource.CurrentYearAppropriation, ct);
        }

        var pengjiang = await save.HandleAsync(new SaveProject.Command(null, "440703", $"{year}-PJ-01", year, new ProjectDetails(
            "蓬江区法治宣传教育经费", "蓬江区司法局", "专项业务费", "区嘉欣", "0750-3225678", "落实“八五”普法规划。", "开展法治宣传教育活动，提升公民法治素养。")), ct);
        await budget.SetInitialAsync(pengjiang, FundSource.CurrentYearAppropriation, 180_000m, ct);
        await targets.AddAsync(pengjiang, Indicator.AtLeast("开展法治宣传活动场次", Quantity, 30, 40, "场"), ct);
        await targets.AddAsync(pengjiang, Indicator.AtLeast("法治文化阵地数量", Quantity, 20, 5, "个"), ct);

        var jianghai = await save.HandleAsync(new SaveProject.Command(null, "440704", $"{year}-JH-01", year, new ProjectDetails(
            "江海区行政复议规范化建设经费", "江海区司法局", "专项业务费", "冯文杰", "0750-3867712", "落实新修订的行政复议法。", "建成规范化行政复议接待场所，案件按期办结。")), ct);
        await budget.SetInitialAsync(jianghai, FundSource.CurrentYearAppropriation, 260_000m, ct);
        await DeclareAsync(jianghai,
        [
            Indicator.AtLeast("办理行政复议案件数量", Quantity, 25, 80, "件"),
            Indicator.AtLeast("按期审结率", IndicatorLevel2.Timeliness, 25, 95, "%"),
            Indicator.Qualitative("行政争议实质性化解水平", IndicatorLevel2.SocialBenefit, 30, "有提高"),
            Indicator.AtLeast("申请人满意度", IndicatorLevel2.ServiceSatisfaction, 10, 85, "%"),
        ], ct);
        await workflow.SubmitTargetsAsync(jianghai, ct);

        var xinhui = await save.HandleAsync(new SaveProject.Command(null, "440705", $"{year}-XH-01", year, new ProjectDetails(
            "新会区公共法律服务体系建设经费", "新会区司法局", "专项业务费", null, null, "推进现代公共法律服务体系建设。", "公共法律服务实体平台覆盖全部镇（街）。")), ct);
        await budget.SetInitialAsync(xinhui, FundSource.CurrentYearAppropriation, 320_000m, ct);
        await DeclareAsync(xinhui,
        [
            Indicator.AtLeast("公共法律服务工作站数量", Quantity, 30, 10, "个"),
            Indicator.AtLeast("法律援助案件办结数量", Quantity, 20, 150, "件"),
            Indicator.Qualitative("群众获得感", IndicatorLevel2.SocialBenefit, 30, "有提高"),
            Indicator.AtLeast("服务对象满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"),
        ], ct);
        await workflow.SubmitTargetsAsync(xinhui, ct);
        await workflow.ReturnTargetsAsync(xinhui, "公共法律服务工作站数量目标低于上年实际（12个），请按实际情况调高；并补充质量、时效指标。", ct);
    }

    private async Task DeclareAsync(int projectId, IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        foreach (var indicator in indicators)
        {
            await targets.AddAsync(projectId, indicator, ct);
        }
    }

    private async Task DeclareAndApproveAsync(int projectId, IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        await DeclareAsync(projectId, indicators, ct);
        await workflow.SubmitTargetsAsync(projectId, ct);
        await workflow.ApproveTargetsAsync(projectId, ct);
    }

    private async Task FeedAsync(int projectId, string indicator, string metricKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Set<ProjectIndicator>().Where(i => i.ProjectId == projectId && i.Name == indicator).Select(i => i.Id).SingleAsync(ct);
        await evaluation.FeedFromMetricAsync(projectId, id, new IndicatorMetric(metricKey, Domain.Metrics.MetricScope.Self, Domain.Metrics.MetricPeriod.Year(2023)), ct);
    }

    private async Task RecordAsync(int projectId, Dictionary<string, (decimal? Value, QualitativeBand? Band, decimal? Score, string? Reason)> actuals, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Set<ProjectIndicator>().Where(i => i.ProjectId == projectId).ToDictionaryAsync(i => i.Name, i => i.Id, ct);
        await evaluation.RecordActualsAsync(projectId, [.. actuals.Select(a => new EditEvaluation.Actual(ids[a.Key], a.Value.Value, null, a.Value.Band, a.Value.Score, a.Value.Reason))], ct);
    }

    private static EvaluationTexts Texts(string text, string goalActual) => new(
        Section(text, "（二）项目完成情况", "二、项目组织实施情况"),
        Section(text, "（一）投入", @"（(二|2)）\s*过程"),
        Section(text, @"（(二|2)）\s*过程", @"（三）管理|三、项目绩效情况"),
        Section(text, "（三）管理", "三、项目绩效情况"),
        Section(text, "三、项目绩效情况", "四、项目主要做法和经验"),
        Section(text, "四、项目主要做法和经验", "五、存在问题及建议"),
        Section(text, "五、存在问题及建议", "六、项目自评结论及得分"),
        goalActual,
        null);

    /// <summary>The text between a heading line and the next heading, without the headings.</summary>
    private static string? Section(string text, string start, string end)
    {
        var s = Regex.Match(text, $"^\\s*{start}[。．.]?\\s*$", RegexOptions.Multiline);
        if (!s.Success)
        {
            return null;
        }

        var e = Regex.Match(text[(s.Index + s.Length)..], $"^\\s*({end})", RegexOptions.Multiline);
        var body = e.Success ? text.Substring(s.Index + s.Length, e.Index) : text[(s.Index + s.Length)..];
        return Bookmark().Replace(body, string.Empty).Trim();
    }

    private static string Seed(string name)
    {
        using var stream = typeof(PerformanceDemo).Assembly.GetManifestResourceStream($"Jixiao.Demo.{name}.txt")
            ?? throw new InvalidOperationException($"demo seed {name} missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\[bookmark: [^\]]*\]")]
    private static partial Regex Bookmark();
}
