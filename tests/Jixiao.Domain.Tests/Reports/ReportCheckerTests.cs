using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Reports;

namespace Jixiao.Domain.Tests.Reports;

/// <summary>Sentences written for each rule of evaluation-outputs.md §3, correct and wrong.</summary>
public class ReportCheckerTests
{
    /// <summary>Text, then the expected findings as "rule:expected", separated by "|"; empty when the text adds up.</summary>
    public static TheoryData<string, string> Sentences => new()
    {
        // 总数与所列分项
        { "全年办结案件50件（调解20件，判决25件，撤诉5件）。", "" },
        { "全年办结案件50件（调解20件，判决25件，撤诉6件）。", "total-parts:51" },
        { "全年办结案件50件（调解20件、判决25件、撤诉4件）。", "total-parts:49" },
        { "办结案件20件（调解8宗，判决12宗）。", "" },
        { "受理申请30件，其中不予受理5件、转送3件。", "" },
        { "受理申请30件，其中不予受理25件、转送8件。", "total-parts:≥33" },
        { "共审查文件12份，分别为规章4份、规范性文件7份。", "total-parts:11" },
        { "审核文件66件，其中政府文件11件、部门文件55件，审查报备文件36件。", "" },
        { "审结案件共计897宗（含结转201宗），包括驳回522宗，占58.19%。", "" },
        { "在梳理189件市级文件、237件部门文件基础上，对223件文件提出清理意见。", "" },
        { "下达资金120万元（省级80万元，市级30万元）。", "total-parts:110" },
        { "安排资金1,200,000元（人员经费800,000元，公用经费400,000元）。", "" },
        { "安排资金1,200,000元（人员经费800,000元，公用经费300,000元）。", "total-parts:1,100,000" },
        { "办理复议案件十二件（维持七件，撤销五件）。", "" },
        { "办理复议案件十二件（维持七件，撤销四件）。", "total-parts:11" },
        { "办理复议案件１２件（维持７件，撤销４件）。", "total-parts:11" },
        { "完成立法项目两项（起草一项，调研一项）。", "" },
        { "办结案件一百零五件（调解五件，判决一百件）。", "" },
        { "办结案件一百零五件（调解五件，判决九十件）。", "total-parts:95" },
        { "下达资金1.2亿元（中央资金8000万元，省级资金4000万元）。", "" },
        { "下达资金1.2亿元（中央资金8000万元，省级资金3000万元）。", "total-parts:1.1" },
        { "", "" },
        { "全年共服务群众3.2万人次（来访1.2万人次，来电2万人次），其中未成年人500人。", "" },
        { "全年共服务群众3.2万人次（来访1.2万人次，来电1.9万人次），其中未成年人500人。", "total-parts:3.1" },
        { "聘请法律顾问7名（律师5名，学者2名），出具意见185份。", "" },
        { "受理案件100件（同比增加3件，减少2件）。", "" },
        { "开展培训3次（每次50人）。", "" },

        // 比率与其分子、分母
        { "共受理案件200件，其中调解结案50件，调解率25%。", "" },
        { "共受理案件200件，其中调解结案50件，调解率30%。", "rate:25.00%" },
        { "开庭30件，负责人出庭29件，出庭率96.67%。", "" },
        { "开庭30件，负责人出庭29件，出庭率96.66%。", "" },
        { "开庭30件，负责人出庭29件，出庭率96.7%。", "" },
        { "开庭30件，负责人出庭29件，出庭率96.5%。", "rate:96.67%" },
        { "开庭30件，负责人出庭29件，出庭率96.68%。", "rate:96.67%" },
        { "调解结案34宗，直接调解率25.8%。", "" },
        { "委托起草地方性法规2部，工作完成及时率100%。", "" },
        { "立案受理的135件案件中，已审结120件。以调解方式结案34宗，直接调解率25.8%。", "rate:25.19%" },
        { "立案受理的135件案件中，已审结120件。以调解方式结案34宗，直接调解率25.19%。", "" },
        { "共发现问题3个，已经整改3个，整改率达到100%。", "" },
        { "共发现问题4个，已经整改3个，整改率达到100%。", "rate:75.00%" },
        { "年初预算安排资金164万元。全年实际支出93.79万元，预算执行率57.19%。", "" },
        { "年初预算安排资金164万元。全年实际支出93.79万元，预算执行率60%。", "rate:57.19%" },
        { "全年办件260件，较上年增加30件，增长率13%。", "" },
        { "预算安排资金100万元，预算执行率95%。", "" },
        { "年初预算安排资金1,640,000元。全年实际支出93.79万元，预算执行率57.19%。", "" },

        // 占比与总数
        { "一审案件共计897宗，驳回诉讼请求522宗，占58.19%；裁定254宗，占28.31%；调解4宗，占0.45%。", "" },
        { "一审案件共计897宗，驳回诉讼请求522宗，占58.19%；裁定254宗，占29.31%。", "share:28.32%" },
        { "驳回诉讼请求522宗，占58.19%。", "" },
        { "全年共审结案件200件。其中调解50件，占20%。", "share:25.00%" },
        { "全年共审结案件200件。其中调解50件，占25%。", "" },
        { "项目资金共100万元，其中培训费25万元，占25%。", "" },
        { "全年预算100万元，共支出80万元。培训费25万元，占全年预算的25%。", "" },
        { "项目资金共100万元，其中培训费250,000元，占20%。", "share:25.00%" },

        // 自评得分与预算执行率
        { "年初预算安排资金698,000元，全年实际支出349,845元。该项目自评得分为97分。", "score-bound:≤95.01分" },
        { "年初预算安排资金698,000元，全年实际支出349,845元。该项目自评得分为95分。", "" },
        { "预算执行率为80%。该项目自评得分为99分。", "score-bound:≤98分" },
        { "预算执行率为80%。该项目自评得分为98分。", "" },
        { "预算执行率为120%。该项目自评得分为100分。", "" },
        { "年初预算安排资金164万元。压减后预算指标金额为93.79万元，全年实际支出93.79万元。该项目自评得分为98分。", "" },
        { "预算安排资金70万元，实际支出349,845元。自评得分97分。", "score-bound:≤95分" },
        { "该项目自评得分为97分。", "" },
        { "全年实际支出80万元，其中人员支出50万元、公用支出30万元。预算安排资金100万元。自评得分为99分。", "score-bound:≤98分" },
        { "预算安排资金100万元，实际支出50万元。考评得分97分。", "" },

        // 分项大于总数
        { "受理案件50件，其中调解结案60件。", "part-exceeds-whole:≤50件" },
        { "立案受理的135件案件中，已审结140件。", "part-exceeds-whole:≤135件" },
        { "立案受理的135件案件中，已审结129件。", "" },
        { "受理案件12件正在办理中，已结案30件。", "" },
        { "受理案件50件，其中调解60件、撤诉5件。", "part-exceeds-whole:≤50件|total-parts:≥65" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Check_WrittenSentence_FindsExactlyTheSlips(string text, string expected)
    {
        var findings = ReportChecker.Check(text);

        string[] wanted = expected.Length == 0 ? [] : expected.Split('|');
        findings.Select(f => $"{f.Rule}:{f.Expected}").Order(StringComparer.Ordinal).ToArray().ShouldBe(wanted, customMessage: text);
    }

    [Fact]
    public void Check_FindingOnLaterLine_GivesLineAndOffsets()
    {
        var text = "一、概况\n（一）复议\n全年办结案件50件（调解20件，判决25件，撤诉6件）。其余正常。\n";

        var finding = ReportChecker.Check(text).ShouldHaveSingleItem();

        finding.Line.ShouldBe(3);
        finding.StatedOffset.ShouldBe(text.IndexOf("50件", StringComparison.Ordinal));
        finding.SentenceOffset.ShouldBe(text.IndexOf("全年办结", StringComparison.Ordinal));
        finding.Sentence.ShouldBe("全年办结案件50件（调解20件，判决25件，撤诉6件）。");
        finding.Explanation.ShouldBe("所列各项之和为51件，与所述50件不符");
    }

    [Fact]
    public void Check_RateWithDenominatorInAnotherSection_NotFlagged()
    {
        var text = "（一）受理\n立案受理的135件案件中，已审结120件。\n（二）调解\n以调解方式结案34宗，直接调解率25.8%。";

        ReportChecker.Check(text).ShouldBeEmpty();
    }

    [Fact]
    public void Check_SiblingRateConfirmsBase_UsesThatBaseForTheWrongRate()
    {
        var text = "共新收案件190件，立案受理135件，已审结129件。调撤结案47宗，调撤率34.81%。其中调解结案34宗，直接调解率25.8%。";

        var finding = ReportChecker.Check(text).ShouldHaveSingleItem();

        finding.Figures.Single(f => f.Role == "denominator").Text.ShouldBe("135件");
        finding.Expected.ShouldBe("25.19%");
    }

    [Fact]
    public void Check_Findings_SerialiseAsPlainJson()
    {
        var findings = ReportChecker.Check("受理案件50件，其中调解结案60件。");

        var json = JsonSerializer.Serialize(new { findings }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        json.ShouldContain("\"rule\":\"part-exceeds-whole\"");
        json.ShouldContain("\"stated\":\"60件\"");
        json.ShouldContain("\"figures\":[{\"role\":\"whole\",\"text\":\"50件\",\"value\":50");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Check_ExecutionPointsOutOfRange_Throws(int points)
    {
        Should.Throw<DomainException>(() => ReportChecker.Check("自评得分为97分。", new ReportCheckOptions { ExecutionPoints = points }));
    }
}
