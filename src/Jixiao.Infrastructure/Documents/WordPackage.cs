using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Infrastructure.Documents;

/// <summary>Pieces shared by the Word documents: CJK run formatting, page sizes and the package itself.</summary>
internal static class WordPackage
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A4 in twentieths of a point (twips).</summary>
    public const uint A4ShortSide = 11906;

    public const uint A4LongSide = 16838;

    /// <summary>Millimetres to twips (1 mm = 1440 / 25.4 twips).</summary>
    public static int Twips(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);

    /// <summary>
    /// Run properties naming one font for every script: the East Asian name is what Word and WPS use for
    /// Chinese, and ascii/hAnsi keep digits and Latin letters in the same face.
    /// </summary>
    public static RunProperties Run(string font, double points, bool bold = false)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(
            new FontSize { Val = HalfPoints(points) },
            new FontSizeComplexScript { Val = HalfPoints(points) },
            new Languages { Val = "en-US", EastAsia = "zh-CN" });
        return properties;
    }

    /// <summary>Page margins of official documents in millimetres (GB/T 9704 5.2.1: 天头 37 mm, 订口 28 mm).</summary>
    public static readonly (double Top, double Bottom, double Left, double Right) OfficialMarginsMm = (37, 35, 28, 26);

    /// <summary>
    /// The page of an official document (公文) after GB/T 9704-2012: settings (tab stop of two characters,
    /// compressed punctuation, odd and even footers), the page-number footers and the A4 section with the
    /// official margins, to be appended as the body's last element.
    /// </summary>
    public static SectionProperties OfficialPage(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = ReportDocx.CharTwips * 2 },
            new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
        var oddFooter = PageNumberFooter(main, JustificationValues.Right);
        var evenFooter = PageNumberFooter(main, JustificationValues.Left);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
            new PageSize { Width = A4ShortSide, Height = A4LongSide },
            new PageMargin
            {
                Top = Twips(OfficialMarginsMm.Top),
                Bottom = Twips(OfficialMarginsMm.Bottom),
                Left = (uint)Twips(OfficialMarginsMm.Left),
                Right = (uint)Twips(OfficialMarginsMm.Right),
                Header = (uint)Twips(15),
                Footer = (uint)Twips(20),
                Gutter = 0U,
            });
    }

    /// <summary>
    /// Footer with the page number as a PAGE field between dashes (GB/T 9704 7.5: 四号半角宋体, 一字线, 单页码居右空一字,
    /// 双页码居左空一字).
    /// </summary>
    private static FooterPart PageNumberFooter(MainDocumentPart main, JustificationValues side)
    {
        const double points = 14;
        var part = main.AddNewPart<FooterPart>();
        var indent = (points * 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = () => Run(ReportDocx.PageNumberFont, points);
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0" },
                side == JustificationValues.Right ? new Indentation { Right = indent } : new Indentation { Left = indent },
                new Justification { Val = side }),
            Text("— ", run()),
            new Run(run(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(run(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(run(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(run(), new Text("1")),
            new Run(run(), new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" —", run())));
        return part;
    }

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Text run that keeps leading and trailing spaces.</summary>
    public static Run Text(string text, RunProperties properties) =>
        new(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>Creates a .docx with the given body, styles and document defaults; <paramref name="build"/> may add parts.</summary>
    public static byte[] Write(string title, Action<MainDocumentPart> build)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = title;
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body());
            build(main);
        }

        return stream.ToArray();
    }

    /// <summary>Styles part whose document defaults use <paramref name="font"/> at <paramref name="points"/>.</summary>
    public static Styles Styles(string font, double points, params Style[] styles)
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
                new FontSize { Val = HalfPoints(points) },
                new FontSizeComplexScript { Val = HalfPoints(points) },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0" })));
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        var result = new Styles(defaults, normal);
        foreach (var style in styles)
        {
            result.Append(style);
        }

        return result;
    }
}
