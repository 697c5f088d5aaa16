using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>The report as an official document after GB/T 9704, read back with the OpenXml SDK.</summary>
public sealed class ReportDocxTests
{
    private static readonly byte[] Bytes = ReportDocx.Write(SeedDocuments.Report());

    [Fact]
    public void Write_SeedReport_IsValidA4WithOfficialMargins()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        OpenXmlChecks.ShouldBeSchemaValid(document);
        var size = OpenXmlChecks.PageSizeOf(document);
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906U, 16838U));
        var margin = OpenXmlChecks.SectionOf(document).GetFirstChild<PageMargin>().ShouldNotBeNull();

        // 1 mm = 56.69 twips: 37 mm, 35 mm, 28 mm, 26 mm.
        margin.Top!.Value.ShouldBe(2098);
        margin.Bottom!.Value.ShouldBe(1984);
        margin.Left!.Value.ShouldBe(1587U);
        margin.Right!.Value.ShouldBe(1474U);
    }

    [Fact]
    public void Write_SeedReport_TitleIn22PointXiaobiaosongCentred()
    {
        var title = Paragraphs()[0];
        title.InnerText.ShouldBe(SeedDocuments.ReportTitle);
        title.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        ShouldUseFont(title, "方正小标宋简体", "44");
    }

    [Fact]
    public void Write_SeedReport_EveryBlockInOrderWithItsFont()
    {
        var report = SeedDocuments.Report();
        var paragraphs = Paragraphs().Skip(1).Take(report.Blocks.Count).ToList();
        paragraphs.Select(p => p.InnerText).ShouldBe(report.Blocks.Select(b => b.Text));
        for (var i = 0; i < report.Blocks.Count; i++)
        {
            var expected = report.Blocks[i].Kind switch
            {
                ReportBlockKind.Heading1 => "黑体",
                ReportBlockKind.Heading2 => "楷体_GB2312",
                _ => "仿宋_GB2312",
            };
            ShouldUseFont(paragraphs[i], expected, "32");
            var properties = paragraphs[i].ParagraphProperties!;
            properties.SpacingBetweenLines!.Line!.Value.ShouldBe("560");
            properties.SpacingBetweenLines.LineRule!.Value.ShouldBe(LineSpacingRuleValues.Exact);
            properties.Indentation!.FirstLineChars!.Value.ShouldBe(200);
        }

        paragraphs.Where((_, i) => report.Blocks[i].Kind == ReportBlockKind.Heading1)
            .ShouldAllBe(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value == "Heading1");
    }

    [Fact]
    public void Write_SeedReport_EndsWithUnitAndDate()
    {
        Paragraphs().TakeLast(2).Select(p => p.InnerText).ShouldBe(["江门市司法局", "2024年3月15日"]);
        Paragraphs()[^1].ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);

        // The last block is kept with the signature so the date never stands alone on a page.
        var last = Paragraphs()[^3];
        last.InnerText.ShouldBe(SeedDocuments.Report().Blocks[^1].Text);
        last.ParagraphProperties!.KeepNext.ShouldNotBeNull();
    }

    [Fact]
    public void Write_SeedReport_FootersCarryAPageFieldBetweenDashes()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        var main = document.MainDocumentPart!;
        var section = main.Document.Body!.GetFirstChild<SectionProperties>()!;
        var references = section.Elements<FooterReference>().ToList();
        references.Select(r => r.Type!.Value).ShouldBe([HeaderFooterValues.Default, HeaderFooterValues.Even], ignoreOrder: true);
        main.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        foreach (var reference in references)
        {
            var footer = ((FooterPart)main.GetPartById(reference.Id!.Value!)).Footer;
            footer.Descendants<FieldCode>().Select(f => f.Text.Trim()).ShouldBe(["PAGE"]);
            footer.Descendants<FieldChar>().Select(f => f.FieldCharType!.Value)
                .ShouldBe([FieldCharValues.Begin, FieldCharValues.Separate, FieldCharValues.End]);
            footer.InnerText.ShouldStartWith("— ");
            footer.InnerText.ShouldEndWith(" —");
            footer.Descendants<RunFonts>().ShouldAllBe(f => f.EastAsia!.Value == "宋体");
            footer.Descendants<FontSize>().ShouldAllBe(s => s.Val!.Value == "28");
        }
    }

    private static void ShouldUseFont(Paragraph paragraph, string font, string halfPoints)
    {
        var runs = paragraph.Elements<Run>().ToList();
        runs.ShouldNotBeEmpty();
        foreach (var run in runs)
        {
            var fonts = run.RunProperties!.RunFonts!;
            (fonts.EastAsia?.Value, fonts.Ascii?.Value, fonts.HighAnsi?.Value).ShouldBe((font, font, font));
            run.RunProperties.FontSize!.Val!.Value.ShouldBe(halfPoints);
        }
    }

    private static List<Paragraph> Paragraphs()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        return document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.InnerText.Length > 0)
            .Select(p => (Paragraph)p.CloneNode(true))
            .ToList();
    }
}
