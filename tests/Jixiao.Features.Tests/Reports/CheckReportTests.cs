using System.Text;
using Jixiao.Domain;
using Jixiao.Domain.Reports;
using Jixiao.Features.Demo;
using Jixiao.Features.Performance;
using Jixiao.Features.Reports;
using Jixiao.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Reports;

public sealed class CheckReportTests(Apps apps) : IClassFixture<Apps>
{
    private const string Slip = "立案受理的135件行政复议案件中，已审结129件（撤销1件，驳回2件，维持84件，终止3件，确认违法4件，调解结案34件）。";

    [Fact]
    public void CheckFile_TxtInUtf8AndGb18030_FindsTheSlip()
    {
        var checker = new CheckReport();
        checker.CheckFile("a.txt", new MemoryStream(Encoding.UTF8.GetBytes(Slip))).Single().Expected.ShouldBe("128");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        checker.CheckFile("b.txt", new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(Slip))).Single().Rule.ShouldBe(ReportRules.TotalParts);
    }

    [Fact]
    public void CheckFile_Docx_ReadsItsParagraphs()
    {
        var docx = ReportDocx.Write(new ReportDocument("测试报告", "江门市司法局", new DateOnly(2024, 3, 1),
            [new(ReportBlockKind.Heading1, "一、行政复议"), new(ReportBlockKind.Paragraph, Slip)]));
        new CheckReport().CheckFile("report.docx", new MemoryStream(docx)).Single().Stated.ShouldBe("129件");
    }

    [Theory]
    [InlineData("report.pdf", "不支持")]
    [InlineData("fake.docx", "不是有效的 Word")]
    public void CheckFile_WrongFile_IsAClearError(string name, string message) =>
        Should.Throw<DomainException>(() => new CheckReport().CheckFile(name, new MemoryStream("not a document"u8.ToArray()))).Message.ShouldContain(message);

    [Fact]
    public void CheckText_Empty_IsAValidationError() =>
        Should.Throw<ValidationException>(() => new CheckReport().CheckText("  "));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GeneratedReport_OfTheSeedProject_ShowsTheSlipsOfItsTextParts(string provider)
    {
        var app = await apps.Get(provider);
        await using (var system = app.AsSystem())
        {
            await system.ServiceProvider.GetRequiredService<PerformanceDemo>().SeedAsync();
        }

        await using var scope = await app.As("jx.leader");
        await using var db = app.Db();
        var first = await db.Projects.Where(p => p.Code == "2023-SFJ-01").Select(p => p.Id).SingleAsync();
        var second = await db.Projects.Where(p => p.Code == "2023-SFJ-02").Select(p => p.Id).SingleAsync();
        var outputs = scope.ServiceProvider.GetRequiredService<EvaluationOutputs>();

        var findings = await outputs.CheckReportAsync(first);
        findings.Select(f => f.Expected).ShouldBe(["128", "25.19%"], ignoreOrder: true);

        // The generated conclusion states the computed 95.01, which the execution rate allows.
        (await outputs.CheckReportAsync(second)).ShouldBeEmpty();
    }
}
