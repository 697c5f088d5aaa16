using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// The self-evaluation report as an official document (公文) laid out after GB/T 9704-2012: A4, fixed margins,
/// title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line spacing, 一、 headings in 黑体,
/// （一） headings in 楷体_GB2312, and page numbers "— 1 —" in 宋体 四号 at the foot of each page.
/// </summary>
public static class ReportDocx
{
    public const string ContentType = WordPackage.ContentType;

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string Heading1Font = "黑体";
    public const string Heading2Font = "楷体_GB2312";
    public const string PageNumberFont = "宋体";

    private const double TitlePoints = 22;
    private const double BodyPoints = 16;

    /// <summary>Fixed line spacing of the body: 28 pt (GB/T 9704 7.1: 22 lines a page).</summary>
    internal const int LineTwips = 560;

    /// <summary>One character of the body font, for indents measured in characters.</summary>
    internal const int CharTwips = 320;

    /// <summary>Page margins in millimetres (GB/T 9704 5.2.1: 天头 37 mm, 订口 28 mm).</summary>
    public static (double Top, double Bottom, double Left, double Right) MarginsMm => WordPackage.OfficialMarginsMm;

    /// <summary>Writes the report; the bytes are a complete .docx package.</summary>
    public static byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WordPackage.Write(document.Title, main =>
        {
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordPackage.Styles(
                BodyFont,
                BodyPoints,
                HeadingStyle("Heading1", "heading 1", 0, Heading1Font),
                HeadingStyle("Heading2", "heading 2", 1, Heading2Font));
            var body = main.Document.Body!;
            body.Append(Title(document.Title));
            for (var i = 0; i < document.Blocks.Count; i++)
            {
                // The last block stays on the page of the signature (GB/T 9704 7.3.5.4: no page with only the date).
                body.Append(Block(document.Blocks[i], keepWithNext: i == document.Blocks.Count - 1));
            }

            body.Append(Signature(document.UnitName, document.Date));
            body.Append(WordPackage.OfficialPage(main));
        });
    }

    private static Style HeadingStyle(string id, string name, int outline, string font) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                BodySpacing(),
                new Indentation { FirstLine = (CharTwips * 2).ToString(CultureInfo.InvariantCulture), FirstLineChars = 200 },
                new OutlineLevel { Val = outline }),
            new StyleRunProperties(
                new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
                new Bold { Val = false },
                new FontSize { Val = WordPackage.HalfPoints(BodyPoints) },
                new FontSizeComplexScript { Val = WordPackage.HalfPoints(BodyPoints) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };

    private static SpacingBetweenLines BodySpacing() =>
        new() { Before = "0", After = "0", Line = LineTwips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact };

    private static Paragraph Title(string title) =>
        new(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = LineTwips.ToString(CultureInfo.InvariantCulture), Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            WordPackage.Text(title, WordPackage.Run(TitleFont, TitlePoints)));

    private static Paragraph Block(ReportBlock block, bool keepWithNext)
    {
        var (style, font) = block.Kind switch
        {
            ReportBlockKind.Heading1 => ("Heading1", Heading1Font),
            ReportBlockKind.Heading2 => ("Heading2", Heading2Font),
            _ => ((string?)null, BodyFont),
        };
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (style is not null || keepWithNext)
        {
            properties.Append(new KeepNext());
        }

        if (keepWithNext)
        {
            properties.Append(new KeepLines());
        }

        properties.Append(
            BodySpacing(),
            new Indentation { FirstLine = (CharTwips * 2).ToString(CultureInfo.InvariantCulture), FirstLineChars = 200 },
            new Justification { Val = JustificationValues.Both });
        return new Paragraph(properties, WordPackage.Text(block.Text, WordPackage.Run(font, BodyPoints)));
    }

    /// <summary>
    /// 发文机关署名 and 成文日期 (GB/T 9704 7.3.5.1): one blank line after the body, the date 右空四字 and the
    /// unit name centred above it.
    /// </summary>
    private static Paragraph[] Signature(string unitName, DateOnly date)
    {
        var dateText = $"{date.Year}年{date.Month}月{date.Day}日";
        var dateRight = 4.0;
        var unitRight = Math.Max(0, dateRight + ((CharWidth(dateText) - CharWidth(unitName)) / 2));

        Paragraph Line(string text, double rightChars, bool keepWithNext)
        {
            var properties = new ParagraphProperties();
            if (keepWithNext)
            {
                properties.Append(new KeepNext());
            }

            properties.Append(
                BodySpacing(),
                new Indentation { Right = ((int)Math.Round(rightChars * CharTwips)).ToString(CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Right });
            return new Paragraph(properties, WordPackage.Text(text, WordPackage.Run(BodyFont, BodyPoints)));
        }

        return [new Paragraph(new ParagraphProperties(new KeepNext(), BodySpacing())), Line(unitName, unitRight, true), Line(dateText, dateRight, false)];
    }

    /// <summary>Width in body characters: digits and Latin letters are half a character wide.</summary>
    private static double CharWidth(string text) => text.Sum(ch => ch < 0x2E80 ? 0.5 : 1.0);
}
