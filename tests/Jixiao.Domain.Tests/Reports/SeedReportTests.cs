using System.Runtime.CompilerServices;
using Jixiao.Domain.Reports;

namespace Jixiao.Domain.Tests.Reports;

/// <summary>The two seed reports (seed-figures.md): their three slips are found and nothing else.</summary>
public class SeedReportTests
{
    private static string Seed(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Seeds", name));

    private static readonly string Legislation = Seed("000_a11c1dd7bc777b1e.txt");
    private static readonly string RuleOfLaw = Seed("002_2932d84a6d51f4d1.txt");

    [Fact]
    public void Check_Seed000_FindsClosedCasesAndMediationRateOnly()
    {
        var findings = ReportChecker.Check(Legislation);

        findings.Select(f => (f.Rule, f.Stated, f.Expected)).ShouldBe(
        [
            (ReportRules.TotalParts, "129件", "128"),
            (ReportRules.Rate, "25.8%", "25.19%"),
        ]);
    }

    [Fact]
    public void Check_Seed000ClosedCases_SaysWhereAndWhy()
    {
        var finding = ReportChecker.Check(Legislation).Single(f => f.Rule == ReportRules.TotalParts);

        finding.Explanation.ShouldBe("所列各项之和为128件，与所述129件不符");
        finding.Sentence.ShouldStartWith("立案受理的135件行政复议案件中，已审结129件（撤销1件");
        Legislation.Substring(finding.StatedOffset, finding.Stated.Length).ShouldBe("129件");
        Legislation.Substring(finding.SentenceOffset, finding.Sentence.Length).ShouldBe(finding.Sentence);
        finding.Line.ShouldBe(LineOf(Legislation, "已审结129件"));
        finding.Figures.Where(f => f.Role == "part").Select(f => f.Value).ShouldBe([1m, 2m, 84m, 3m, 4m, 34m]);
    }

    [Fact]
    public void Check_Seed000MediationRate_UsesAcceptedCasesAsDenominator()
    {
        var finding = ReportChecker.Check(Legislation).Single(f => f.Rule == ReportRules.Rate);

        finding.Figures.Single(f => f.Role == "numerator").Text.ShouldBe("34宗");
        finding.Figures.Single(f => f.Role == "denominator").Text.ShouldBe("135件");
        finding.Explanation.ShouldContain("25.19%");
        finding.Line.ShouldBe(LineOf(Legislation, "直接调解率25.8%"));
    }

    [Theory]
    [InlineData("34.81%")]
    [InlineData("99.32%")]
    [InlineData("58.19%")]
    [InlineData("28.31%")]
    [InlineData("12.48%")]
    [InlineData("0.44%")]
    [InlineData("0.56%")]
    [InlineData("57.19%")]
    [InlineData("100%")]
    [InlineData("64宗")]
    [InlineData("66件")]
    [InlineData("98分")]
    [InlineData("135件")]
    [InlineData("897宗")]
    public void Check_Seed000CorrectFigure_NotFlagged(string figure)
    {
        Legislation.ShouldContain(figure);

        ReportChecker.Check(Legislation).ShouldNotContain(f => f.Stated == figure);
    }

    [Fact]
    public void Check_Seed002_FindsScoreAboveExecutionCapOnly()
    {
        var finding = ReportChecker.Check(RuleOfLaw).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(ReportRules.ScoreBound);
        finding.Stated.ShouldBe("97分");
        finding.Expected.ShouldBe("≤95.01分");
        finding.Explanation.ShouldContain("50.12%");
        finding.Figures.Single(f => f.Role == "spent").Value.ShouldBe(349_845m);
        finding.Figures.Single(f => f.Role == "budget").Value.ShouldBe(698_000m);
    }

    [Fact]
    public void Check_Seed002WithTwentyExecutionPoints_LowersTheCap()
    {
        var finding = ReportChecker.Check(RuleOfLaw, new ReportCheckOptions { ExecutionPoints = 20m }).ShouldHaveSingleItem();

        finding.Expected.ShouldBe("≤90.02分");
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
