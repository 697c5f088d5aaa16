using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>Templates written as Word writes them: placeholders split over runs, proofing marks and bookmarks between the pieces.</summary>
public sealed class DocxTemplateTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        ["申请人"] = "梁嘉欣",
        ["成文日期"] = "2024年1月31日",
        ["文号"] = "江府复受〔2024〕8号",
        ["补正事项"] = "1．身份证明；\n2．处罚决定书复印件。",
        ["委托代理人"] = null,
        ["被申请人"] = "江门市市场监督管理局",
    };

    /// <summary>“申请人：{{申请人}}，日期{{成文日期}}。” as Word might store it: the first placeholder over four runs (bold “{{”), with a proofing mark and a bookmark among them.</summary>
    private static Paragraph SplitParagraph() => new(
        Run("申请人："),
        Run("{{", bold: true),
        new ProofError { Type = ProofingErrorValues.SpellStart },
        Run("申"),
        new BookmarkStart { Id = "0", Name = "_GoBack" },
        Run("请人"),
        new BookmarkEnd { Id = "0" },
        new ProofError { Type = ProofingErrorValues.SpellEnd },
        Run("}}，日期{"),
        Run("{成文"),
        Run("日期}}。"));

    [Fact]
    public void Fill_PlaceholdersSplitOverRuns_FilledInTheRunWhereEachBegins()
    {
        var filled = Fill(Document(SplitParagraph()));

        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var paragraph = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single();
        paragraph.InnerText.ShouldBe("申请人：梁嘉欣，日期2024年1月31日。");
        var bold = paragraph.Elements<Run>().Single(r => r.RunProperties?.Bold is not null);
        bold.InnerText.ShouldBe("梁嘉欣");
        paragraph.Descendants<BookmarkStart>().ShouldHaveSingleItem();
        OpenXmlChecks.ShouldBeSchemaValid(document);
    }

    [Fact]
    public void Scan_SplitRuns_FindsEveryPlaceholderOnce()
    {
        var scan = DocxTemplate.Scan(Document(SplitParagraph(), new Paragraph(Run("{{申请"), Run("人}}与{{ 被申请人 }}"))));
        scan.Placeholders.ShouldBe(["申请人", "成文日期", "被申请人"]);
        scan.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Fill_UnknownPlaceholders_ListsEveryOneAndNothingIsWritten()
    {
        var template = Document(new Paragraph(Run("{{申请人}}：{{申请"), Run("日期}}")), new Paragraph(Run("{{签发人}}")), new Paragraph(Run("{{申请日期}}")));
        var error = Should.Throw<ValidationException>(() => DocxTemplate.Fill(template, Values));
        error.Problems.Select(p => p.Message).ShouldBe(["模板中有未知的占位符“{{申请日期}}”。", "模板中有未知的占位符“{{签发人}}”。"]);
    }

    [Fact]
    public void Scan_WrittenWrongly_ReportsUnclosedFullWidthAndEmpty()
    {
        var scan = DocxTemplate.Scan(Document(
            new Paragraph(Run("致{{申请人}："), Run("你好")),
            new Paragraph(Run("日期：｛｛成文日期｝｝")),
            new Paragraph(Run("文号{{ }}"))));
        scan.Problems.Count.ShouldBe(3);
        scan.Problems[0].ShouldStartWith("正文第1段“致{{申请人}：你好”中有不成对的“{{”或“}}”");
        scan.Problems[1].ShouldContain("全角大括号");
        scan.Problems[2].ShouldBe("正文第3段有空的占位符“{{ }}”。");
    }

    [Fact]
    public void Fill_NullValue_RemovesItsParagraph()
    {
        var filled = Fill(Document(new Paragraph(Run("申请人：{{申请人}}")), new Paragraph(Run("委托代理人：{{委托代理人}}。")), new Paragraph(Run("被申请人：{{被申请人}}"))));
        DocxText.Extract(new MemoryStream(filled)).ShouldBe("申请人：梁嘉欣\n被申请人：江门市市场监督管理局");
    }

    [Fact]
    public void Fill_LinesAloneInTheirParagraph_OneParagraphEachWithTheSameFormatting()
    {
        var template = Document(new Paragraph(new ParagraphProperties(new Indentation { FirstLine = "640" }), Run("{{补正"), Run("事项}}")));
        var filled = Fill(template);
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        paragraphs.Select(p => p.InnerText).ShouldBe(["1．身份证明；", "2．处罚决定书复印件。"]);
        paragraphs.ShouldAllBe(p => p.ParagraphProperties!.Indentation!.FirstLine! == "640");
    }

    [Fact]
    public void Fill_LinesWithinText_BecomeLineBreaks()
    {
        var filled = Fill(Document(new Paragraph(Run("请补正："), Run("{{补正事项}}"), Run("逾期视为放弃。"))));
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var paragraph = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single();
        paragraph.Descendants<Break>().ShouldHaveSingleItem();
        paragraph.InnerText.ShouldBe("请补正：1．身份证明；2．处罚决定书复印件。逾期视为放弃。");
    }

    [Fact]
    public void Fill_TableCellsAndFooter_Filled()
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(Run("{{文号}}")));
            main.Document = new Document(new Body(
                new Table(new TableRow(new TableCell(new Paragraph(Run("{{申请人}}"))), new TableCell(new Paragraph(Run("代理人{{委托代理人}}"))))),
                new Paragraph(Run("正文")),
                new SectionProperties(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }

        var filled = Fill(stream.ToArray());
        using var document = WordprocessingDocument.Open(new MemoryStream(filled), false);
        var cells = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().ToList();
        cells[0].InnerText.ShouldBe("梁嘉欣");
        cells[1].Elements<Paragraph>().ShouldHaveSingleItem().InnerText.ShouldBeEmpty();
        document.MainDocumentPart.FooterParts.Single().Footer!.InnerText.ShouldBe("江府复受〔2024〕8号");
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0 })]
    public void Scan_NotADocx_DomainExceptionInChinese(byte[] bytes) =>
        Should.Throw<DomainException>(() => DocxTemplate.Scan(bytes)).Message.ShouldStartWith("文件不是有效的 Word（.docx）文档");

    [Fact]
    public void Scan_Workbook_RefusedAsNotAWordDocument() =>
        Should.Throw<DomainException>(() => DocxTemplate.Scan(Xlsx.Write(new[] { 1 }, [("列", r => r)], "表"))).Message.ShouldStartWith("文件不是有效的 Word（.docx）文档");

    [Fact]
    public void Scan_MacroEnabledDocument_Refused()
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.MacroEnabledDocument))
        {
            package.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(Run("{{申请人}}"))));
        }

        Should.Throw<DomainException>(() => DocxTemplate.Scan(stream.ToArray())).Message.ShouldContain(".docm");
    }

    private static byte[] Fill(byte[] template) => DocxTemplate.Fill(template, Values);

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static byte[] Document(params OpenXmlElement[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.AddMainDocumentPart().Document = new Document(new Body(paragraphs));
        }

        return stream.ToArray();
    }
}
