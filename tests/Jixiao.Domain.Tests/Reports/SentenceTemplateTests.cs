using Jixiao.Domain.Reports;

namespace Jixiao.Domain.Tests.Reports;

/// <summary>Report sentence templates (evaluation-outputs.md part 三): rendering from metric values and finding edited numbers again.</summary>
public sealed class SentenceTemplateTests
{
    private const string Template = "全年共新收行政复议案件{r.received}件，其中不予受理{r.refused}件……立案受理{r.accepted}件，调撤率{r.rate}。";

    private static readonly Dictionary<string, SentenceFigure> Figures = new()
    {
        ["r.received"] = new("r.received", "新收", 190, false),
        ["r.refused"] = new("r.refused", "不予受理", 25, false),
        ["r.accepted"] = new("r.accepted", "立案受理", 135, false),
        ["r.rate"] = new("r.rate", "调撤率", 34.8148m, true),
    };

    [Fact]
    public void Render_SeedFigures_GivesTheReportSentence() =>
        SentenceTemplate.Parse(Template).Render(Figures).ShouldBe("全年共新收行政复议案件190件，其中不予受理25件……立案受理135件，调撤率34.81%。");

    [Fact]
    public void Render_NoValue_ShowsADash() =>
        SentenceTemplate.Parse("调撤率{r.rate}").Render(new Dictionary<string, SentenceFigure> { ["r.rate"] = new("r.rate", "调撤率", null, true) }).ShouldBe("调撤率—");

    [Fact]
    public void Keys_InOrderEachOnce() =>
        SentenceTemplate.Parse("新收{r.received}件，再说一次新收{r.received}件，受理{r.accepted}件").Keys.ShouldBe(["r.received", "r.accepted"]);

    [Theory]
    [InlineData("全年共新收行政复议案件190件，其中不予受理25件……立案受理135件，调撤率34.81%。", "")]
    [InlineData("全年共新收行政复议案件190件（同比上升），其中不予受理25件，另有若干件告知，立案受理135件，调撤率34.81%。", "")]
    [InlineData("全年共新收行政复议案件1,190件，其中不予受理25件……立案受理135件，调撤率34.81%。", "r.received")]
    [InlineData("全年共新收行政复议案件191件，其中不予受理25件……立案受理135件，调撤率34.81%。", "r.received")]
    [InlineData("全年共新收行政复议案件190件，其中不予受理25件……立案受理136件，调撤率34.8%。", "r.accepted,r.rate")]
    [InlineData("全年共新收行政复议案件190件，其中不予受理25件……立案受理135件，调撤率34.81。", "r.rate")]
    [InlineData("全年共新收行政复议案件190件，不予受理的有25件……立案受理135件，调撤率34.81%。", "r.refused")]
    [InlineData("全年共新收行政复议案件190件。", "r.refused,r.accepted,r.rate")]
    public void Check_EditedSentence_ListsTheFiguresThatDiffer(string sentence, string keys)
    {
        var found = SentenceTemplate.Parse(Template).Check(sentence, Figures);

        string.Join(',', found.Select(f => f.Key)).ShouldBe(keys);
    }

    [Fact]
    public void Check_EditedNumber_SaysWhatIsWrittenAndWhatTheDataSay()
    {
        var mismatch = SentenceTemplate.Parse(Template).Check("全年共新收行政复议案件200件，其中不予受理25件……立案受理135件，调撤率34.81%。", Figures).ShouldHaveSingleItem();

        (mismatch.Stated, mismatch.Expected, mismatch.Message).ShouldBe(("200", "190", "“新收”写作 200，统计值为 190"));
    }

    [Fact]
    public void Check_RemovedNumber_SaysItIsMissing() =>
        SentenceTemplate.Parse("调撤率{r.rate}").Check("调撤率较高", Figures).ShouldHaveSingleItem().Message.ShouldBe("句中找不到“调撤率”的数字，应为 34.81%");

    [Theory]
    [InlineData("", "语句模板不能为空。")]
    [InlineData("没有数字的句子。", "语句模板中没有占位符：请用 {指标键} 标出由统计生成的数字。")]
    [InlineData("新收{r.received件", "语句模板第 3 个字符处的“{”没有对应的“}”。")]
    [InlineData("新收r.received}件", "语句模板第 13 个字符处有多余的“}”。")]
    [InlineData("新收{Received}件", "占位符“{Received}”不是统计指标的键，应如 {reconsideration.received}。")]
    [InlineData("{r.received}件", "占位符“{r.received}”前须有文字，以便核对句中的数字。")]
    [InlineData("新收{r.received}{r.accepted}件", "占位符“{r.accepted}”前须有文字，以便核对句中的数字。")]
    public void Parse_Malformed_RefusedWithTheFault(string text, string message) =>
        Should.Throw<DomainException>(() => SentenceTemplate.Parse(text)).Message.ShouldBe(message);

    [Fact]
    public void Render_UnknownPlaceholder_Refused() =>
        Should.Throw<DomainException>(() => SentenceTemplate.Parse("结案{r.closed}件").Render(Figures)).Message.ShouldBe("语句模板中的“{r.closed}”没有统计值。");
}
