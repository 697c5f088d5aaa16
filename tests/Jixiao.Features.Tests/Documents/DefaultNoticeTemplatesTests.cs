using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>The default notice templates shipped in src/Jixiao.Infrastructure/Documents/NoticeTemplates.</summary>
public sealed class DefaultNoticeTemplatesTests
{
    public static TheoryData<NoticeKind> Kinds => [.. Notices.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Shipped_MatchesItsSource(NoticeKind kind)
    {
        var source = DefaultNoticeTemplateSource.Build(kind);
        if (Environment.GetEnvironmentVariable("JIXIAO_WRITE_NOTICE_TEMPLATES") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceDirectory(), DefaultNoticeTemplates.FileStem(kind) + ".docx"), source);
            return;
        }

        BodyXml(DefaultNoticeTemplates.Get(kind)).ShouldBe(BodyXml(source), "the shipped file differs from DefaultNoticeTemplateSource: run the tests with JIXIAO_WRITE_NOTICE_TEMPLATES=1 and rebuild");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Shipped_UsesOnlyItsKindsPlaceholdersAndTheDueDates(NoticeKind kind)
    {
        var scan = DocxTemplate.Scan(DefaultNoticeTemplates.Get(kind));
        scan.Problems.ShouldBeEmpty();
        scan.Placeholders.ShouldBeSubsetOf(Notices.Fields(kind).Select(f => f.Name));
        scan.Placeholders.ShouldContain("复议机关");
        scan.Placeholders.ShouldContain("文号");
        scan.Placeholders.ShouldContain("成文日期");
        string[] due = kind switch
        {
            NoticeKind.Acceptance => ["审理期限届满日", "受理法条"],
            NoticeKind.AnswerRequest => ["答复期限届满日", "答复法条"],
            NoticeKind.Supplement => ["补正事项", "补正期限", "补正期限届满日"],
            NoticeKind.Refusal => ["不予受理理由", "不予受理法条"],
            NoticeKind.Extension => ["延长天数", "原审理期限届满日", "新审理期限届满日", "延期法条"],
            _ => ["决定法条", "决定结果", "申请人情况"],
        };
        due.ShouldBeSubsetOf(scan.Placeholders);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Shipped_IsAnOfficialA4DocumentWithCentredTitle(NoticeKind kind)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DefaultNoticeTemplates.Get(kind)), false);
        OpenXmlChecks.ShouldBeSchemaValid(document);
        var size = OpenXmlChecks.PageSizeOf(document);
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906U, 16838U));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        paragraphs[1].InnerText.ShouldBe(Notices.Title(kind));
        paragraphs[1].ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        paragraphs[1].Descendants<RunFonts>().First().EastAsia!.Value.ShouldBe(ReportDocx.TitleFont);
        paragraphs[2].InnerText.ShouldBe("{{文号}}");
        paragraphs.Skip(3).SelectMany(p => p.Descendants<RunFonts>()).ShouldAllBe(f => f.EastAsia!.Value == ReportDocx.BodyFont);
    }

    /// <summary>The paragraphs' XML (the section's relationship ids differ from one writing to the next).</summary>
    private static string BodyXml(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Concat(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.OuterXml));
    }

    private static string SourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir!.FullName, "src", "Jixiao.Infrastructure", "Documents", "NoticeTemplates");
        Directory.CreateDirectory(path);
        return path;
    }
}
