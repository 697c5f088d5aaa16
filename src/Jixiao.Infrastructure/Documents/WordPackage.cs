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
