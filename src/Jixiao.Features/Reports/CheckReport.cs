using System.Text;
using Jixiao.Domain;
using Jixiao.Domain.Reports;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Reports;

/// <summary>
/// The report checker (报告数据核对) on pasted text or an uploaded .docx or .txt: every figure that
/// does not add up, with the sentence, the figures, the rule and the correct value.
/// </summary>
public sealed class CheckReport
{
    /// <summary>Largest file accepted: 10 MB (a 20-page report is far below).</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    public IReadOnlyList<ReportFinding> CheckText(string text, decimal executionPoints = 10m)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException([new("Text", "请粘贴报告文字或上传文件。")]);
        }

        return ReportChecker.Check(text, new ReportCheckOptions { ExecutionPoints = executionPoints });
    }

    /// <summary>Reads a .docx or .txt (UTF-8, or GB18030 as Chinese Windows saves it) and checks it.</summary>
    public IReadOnlyList<ReportFinding> CheckFile(string fileName, Stream content, decimal executionPoints = 10m) =>
        CheckText(ReadText(fileName, content), executionPoints);

    public static string ReadText(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                throw new DomainException($"文件过大：最大 {MaxBytes / 1024 / 1024} MB。");
            }

            memory.Write(buffer, 0, read);
        }

        memory.Position = 0;
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => DocxText.Extract(memory),
            ".txt" => Decode(memory.ToArray()),
            var other => throw new DomainException($"不支持“{other}”文件：请上传 .docx 或 .txt，或直接粘贴文字。"),
        };
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
