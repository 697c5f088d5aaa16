using System.Diagnostics;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// Converts a .docx to .pdf with LibreOffice in headless mode, when <c>soffice</c> or <c>libreoffice</c> is on
/// the PATH. Each conversion runs in its own temporary directory with its own LibreOffice profile, so
/// conversions can run in parallel, and with a fontconfig file that maps the official-document fonts
/// (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体) to the installed Noto CJK fonts, so Chinese never
/// renders as boxes.
/// </summary>
public sealed class PdfConverter
{
    public const string ContentType = "application/pdf";

    /// <summary>Font families the documents name, and the installed family each one is rendered with.</summary>
    public static readonly IReadOnlyList<(string Family, string Substitute)> FontMap =
    [
        ("仿宋_GB2312", "Noto Serif CJK SC"), ("仿宋", "Noto Serif CJK SC"), ("FangSong", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"), ("SimHei", "Noto Sans CJK SC"),
        ("楷体_GB2312", "Noto Serif CJK SC"), ("楷体", "Noto Serif CJK SC"), ("KaiTi", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("宋体", "Noto Serif CJK SC"), ("SimSun", "Noto Serif CJK SC"),
    ];

    private readonly TimeSpan timeout;

    public PdfConverter(TimeSpan? timeout = null)
    {
        this.timeout = timeout ?? TimeSpan.FromSeconds(120);
        Executable = FindExecutable();
    }

    /// <summary>Full path of soffice or libreoffice, or null when neither is installed.</summary>
    public string? Executable { get; }

    public bool IsAvailable => Executable is not null;

    /// <summary>Converts the .docx bytes and returns the .pdf bytes.</summary>
    /// <exception cref="DomainException">LibreOffice is missing, failed, or took longer than the timeout.</exception>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var executable = Executable ?? throw new DomainException("无法生成 PDF：本机未安装 LibreOffice（找不到 soffice 或 libreoffice 命令）。");
        RequireWordDocument(docx);
        var directory = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var fontConfig = Path.Combine(directory.FullName, "fonts.conf");
            await File.WriteAllTextAsync(fontConfig, FontConfig(), Encoding.UTF8, cancellationToken);
            var output = Path.Combine(directory.FullName, "out");

            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory.FullName,
            };
            start.ArgumentList.Add("-env:UserInstallation=" + new Uri(Path.Combine(directory.FullName, "profile")).AbsoluteUri);
            foreach (var argument in new[] { "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", output, input })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["FONTCONFIG_FILE"] = fontConfig;
            start.Environment["HOME"] = directory.FullName;

            using var process = Process.Start(start) ?? throw new DomainException("无法生成 PDF：LibreOffice 未能启动。");
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new DomainException($"无法生成 PDF：LibreOffice 转换超过 {timeout.TotalSeconds:0} 秒未完成，已终止。");
            }

            var messages = (await stdout + await stderr).Trim();
            var pdf = Path.Combine(output, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                throw new DomainException($"无法生成 PDF：LibreOffice 转换失败（退出码 {process.ExitCode}）。{Excerpt(messages)}");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice child still holding a file: the temp directory is left for the system to clean.
            }
        }
    }

    /// <summary>
    /// A fontconfig file that includes the system configuration and then binds each official-document family
    /// strongly to its installed substitute.
    /// </summary>
    public static string FontConfig()
    {
        var xml = new StringBuilder();
        xml.AppendLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.AppendLine("<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">");
        xml.AppendLine("<fontconfig>");
        xml.AppendLine("  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>");
        foreach (var (family, substitute) in FontMap)
        {
            xml.AppendLine("  <match target=\"pattern\">");
            xml.AppendLine($"    <test qual=\"any\" name=\"family\"><string>{SecurityElement.Escape(family)}</string></test>");
            xml.AppendLine($"    <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{SecurityElement.Escape(substitute)}</string></edit>");
            xml.AppendLine("  </match>");
        }

        xml.AppendLine("</fontconfig>");
        return xml.ToString();
    }

    /// <summary>LibreOffice turns any bytes into some PDF, so what is not a Word package is refused first.</summary>
    private static void RequireWordDocument(byte[] docx)
    {
        try
        {
            using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
            if (package.MainDocumentPart?.Document?.Body is null)
            {
                throw new DomainException("无法生成 PDF：文件不是有效的 Word（.docx）文档，缺少正文。");
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            throw new DomainException("无法生成 PDF：文件不是有效的 Word（.docx）文档。");
        }
    }

    private static string Excerpt(string messages) =>
        messages.Length == 0 ? "" : "输出：" + (messages.Length > 500 ? messages[..500] + "……" : messages);

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe", "soffice.com" } : ["soffice", "libreoffice"];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
