using Jixiao.Domain.Reports;

namespace Jixiao.Domain.Tests.Reports;

/// <summary>
/// A report of another department (legal aid, mediation, community corrections, notary), written for
/// the tests so that the checker is not tuned to the seed reports alone.
/// </summary>
public class OtherReportTests
{
    private const string Report = """
一、项目概况
（一）项目基本情况
2023年度部门预算安排法律援助专项资金2,350,000元，年中追加预算300,000元，全年预算数为2,650,000元，全年实际支出2,512,300元，预算执行率94.80%。
二、项目绩效情况
（一）法律援助工作：全年共受理法律援助案件3,128件，同比增长12.3%，其中刑事案件1,205件、民事案件1,826件、行政案件97件。办结案件2,986件，结案率95.46%，受援人满意率98.5%。接待群众来访咨询2.3万人次，电话咨询1.1万人次。
（二）人民调解工作：全市共有人民调解委员会1,234个，调解员5,678名，其中专职调解员1,002名。全年调解纠纷12,345宗，调解成功12,100宗，调解成功率98.02%。涉及金额3.56亿元。
（三）社区矫正：全年新接收社区矫正对象856人，解除矫正792人，在册1,503人，再犯罪率0.13%。
（四）公证工作：办理公证事项45,678件（国内公证38,901件，涉外公证6,777件），其中网上办理12,345件，占27.03%。
六、项目自评结论及得分
根据项目绩效自评指标评分标准，该项目自评得分为96.5分。
""";

    [Fact]
    public void Check_CorrectReport_FindsNothing()
    {
        ReportChecker.Check(Report).Select(f => $"{f.Rule} {f.Stated} {f.Explanation}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("行政案件97件", "行政案件98件", "total-parts", "3,128件", "≥3,129")]
    [InlineData("结案率95.46%", "结案率95.64%", "rate", "95.64%", "95.46%")]
    [InlineData("调解成功率98.02%", "调解成功率97.02%", "rate", "97.02%", "98.02%")]
    [InlineData("占27.03%", "占27.3%", "share", "27.3%", "27.03%")]
    [InlineData("涉外公证6,777件", "涉外公证6,776件", "total-parts", "45,678件", "45,677")]
    [InlineData("其中专职调解员1,002名", "其中专职调解员6,002名", "part-exceeds-whole", "6,002名", "≤5,678名")]
    [InlineData("自评得分为96.5分", "自评得分为99.5分", "score-bound", "99.5分", "≤99.48分")]
    [InlineData("全年预算数为2,650,000元", "全年预算数为2,350,000元", "rate", "94.80%", "106.91%")]
    [InlineData("全年实际支出2,512,300元，预算执行率94.80%", "全年实际支出1,325,000元，预算执行率50.00%", "score-bound", "96.5分", "≤95分")]
    public void Check_ReportWithOneSlip_FindsThatSlipOnly(string correct, string wrong, string rule, string stated, string expected)
    {
        Report.ShouldContain(correct);

        var finding = ReportChecker.Check(Report.Replace(correct, wrong, StringComparison.Ordinal)).ShouldHaveSingleItem();

        (finding.Rule, finding.Stated, finding.Expected).ShouldBe((rule, stated, expected));
    }
}
