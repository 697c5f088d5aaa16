using System.Diagnostics;
using System.Text.RegularExpressions;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>
/// PDF from the .docx with LibreOffice, checked with poppler: the Chinese text is extracted, every font is
/// an embedded Noto CJK font (no boxes), and page 1 is rendered to TestResults/screenshots for a person to see.
/// </summary>
public sealed partial class PdfConverterTests
{
    [Fact]
    public async Task ConvertAsync_Report_HasChineseTextInEmbeddedCjkFonts()
    {
        var converter = Available();
        var pdf = await Convert(converter, ReportDocx.Write(SeedDocuments.Report()), "report");

        var text = Squeeze(Poppler("pdftotext", "-enc", "UTF-8", pdf, "-"));
        text.ShouldContain(Squeeze(SeedDocuments.ReportTitle));
        text.ShouldContain(Squeeze(SeedDocuments.BodySentence));
        text.ShouldContain("一、项目概况");
        text.ShouldContain("—1—");

        var pages = Poppler("pdftotext", "-enc", "UTF-8", pdf, "-").Split('\f').Select(Squeeze).ToList();
        var signaturePage = pages.Single(p => p.Contains("2024年3月15日", StringComparison.Ordinal));
        signaturePage.ShouldContain(Squeeze(SeedDocuments.Report().Blocks[^1].Text));

        ShouldEmbedOnlyCjkFonts(pdf);
        Render(pdf, "report-page1");
    }

    [Fact]
    public async Task ConvertAsync_ScoreTable_HasFiguresInEmbeddedCjkFonts()
    {
        var converter = Available();
        var pdf = await Convert(converter, ScoreTableDocx.Write(SeedDocuments.ScoreTable()), "score-table");

        var text = Squeeze(Poppler("pdftotext", "-enc", "UTF-8", pdf, "-"));
        text.ShouldContain("项目支出绩效自评表");
        text.ShouldContain("164.00");
        text.ShouldContain("100.00%");
        text.ShouldContain("等级：优");

        ShouldEmbedOnlyCjkFonts(pdf);
        Render(pdf, "score-table-page1");
    }

    [Theory]
    [InlineData(NoticeKind.Acceptance, "notice-acceptance")]
    [InlineData(NoticeKind.Decision, "notice-decision")]
    public async Task ConvertAsync_FilledNotice_HasTheCaseInEmbeddedCjkFonts(NoticeKind kind, string name)
    {
        var converter = Available();
        var notice = SeedNotices.Compose(kind);
        var pdf = await Convert(converter, DocxTemplate.Fill(DefaultNoticeTemplates.Get(kind), notice.Values), name);

        var text = Squeeze(Poppler("pdftotext", "-enc", "UTF-8", pdf, "-"));
        text.ShouldStartWith("江门市人民政府" + Squeeze(Notices.Title(kind)) + Squeeze(notice.Values["文号"]!));
        text.ShouldContain(Squeeze(notice.Values["申请人"]!));
        text.ShouldMatch("江门市人民政府" + Squeeze(notice.Values["成文日期"]!) + @"—\d—$");
        if (kind == NoticeKind.Acceptance)
        {
            text.ShouldContain("即不迟于2024年4月1日作出行政复议决定");
        }

        ShouldEmbedOnlyCjkFonts(pdf);
        Render(pdf, name + "-page1");
    }

    [Fact]
    public async Task ConvertAsync_NotADocument_ThrowsDomainExceptionInChinese()
    {
        var converter = Available();
        var error = await Should.ThrowAsync<Jixiao.Domain.DomainException>(
            () => converter.ConvertAsync([], TestContext.Current.CancellationToken));
        error.Message.ShouldStartWith("无法生成 PDF");
    }

    [Fact]
    public async Task ConvertAsync_TimeoutTooShort_ThrowsDomainExceptionInChinese()
    {
        var converter = new PdfConverter(TimeSpan.FromMilliseconds(1));
        if (!converter.IsAvailable)
        {
            Assert.Skip("LibreOffice (soffice/libreoffice) is not on the PATH.");
        }

        var error = await Should.ThrowAsync<Jixiao.Domain.DomainException>(
            () => converter.ConvertAsync(ReportDocx.Write(SeedDocuments.Report()), TestContext.Current.CancellationToken));
        error.Message.ShouldContain("超过");
    }

    [Fact]
    public void FontConfig_IncludesSystemConfigAndMapsOfficialFonts()
    {
        var xml = System.Xml.Linq.XDocument.Parse(PdfConverter.FontConfig());
        xml.Root!.Element("include")!.Value.ShouldBe("/etc/fonts/fonts.conf");
        var map = xml.Root.Elements("match").ToDictionary(
            m => m.Element("test")!.Element("string")!.Value,
            m => m.Element("edit")!.Element("string")!.Value);
        map["仿宋_GB2312"].ShouldBe("Noto Serif CJK SC");
        map["黑体"].ShouldBe("Noto Sans CJK SC");
        map["SimHei"].ShouldBe("Noto Sans CJK SC");
        map["楷体_GB2312"].ShouldBe("Noto Serif CJK SC");
        map["方正小标宋简体"].ShouldBe("Noto Serif CJK SC");
        map["宋体"].ShouldBe("Noto Serif CJK SC");
    }

    private static PdfConverter Available()
    {
        var converter = new PdfConverter();
        if (!converter.IsAvailable)
        {
            Assert.Skip("LibreOffice (soffice/libreoffice) is not on the PATH.");
        }

        if (Which("pdftotext") is null || Which("pdffonts") is null || Which("pdftoppm") is null)
        {
            Assert.Skip("poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed.");
        }

        return converter;
    }

    private static async Task<string> Convert(PdfConverter converter, byte[] docx, string name)
    {
        var pdf = await converter.ConvertAsync(docx, TestContext.Current.CancellationToken);
        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        var path = Path.Combine(Screenshots(), name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        return path;
    }

    private static void ShouldEmbedOnlyCjkFonts(string pdf)
    {
        // pdffonts: name, type, encoding, emb, sub, uni, object, ID — after two header lines.
        var fonts = Poppler("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => Columns().Split(line.Trim()))
            .ToList();
        fonts.ShouldNotBeEmpty();
        foreach (var font in fonts)
        {
            font[0].ShouldContain("Noto", Case.Sensitive, string.Join(' ', font));
            font[0].ShouldContain("CJK", Case.Sensitive, string.Join(' ', font));
            font[^5].ShouldBe("yes", $"{font[0]} is embedded");
        }
    }

    private static void Render(string pdf, string name)
    {
        var prefix = Path.Combine(Screenshots(), name);
        Poppler("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);
        new FileInfo(prefix + ".png").Length.ShouldBeGreaterThan(10_000);
    }

    private static string Screenshots()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jixiao.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above the test binaries.");
        return Directory.CreateDirectory(Path.Combine(root, "TestResults", "screenshots")).FullName;
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    private static string Poppler(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool}: {error}");
        return output;
    }

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s{1,}")]
    private static partial Regex Columns();
}
