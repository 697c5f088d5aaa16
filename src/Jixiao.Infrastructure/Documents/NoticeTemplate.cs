using System.Reflection;
using Jixiao.Domain.Reconsideration;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// An administrator's template for one kind of notice (文书模板). It replaces the shipped default until it is
/// removed again (恢复默认模板). The file is kept in the database so that every node of a cluster uses the same
/// template and a database backup holds it (ADR-013).
/// </summary>
public sealed class NoticeTemplate
{
    public NoticeKind Kind { get; set; }

    /// <summary>The uploaded file's name, shown to administrators.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The .docx, checked at upload (a Word document, known placeholders only).</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>SHA-256 of the content (hex), so that the audit log tells which template was in use.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
}

/// <summary>The default templates shipped with the product, one .docx per kind of notice (Documents/NoticeTemplates).</summary>
public static class DefaultNoticeTemplates
{
    /// <summary>The resource file name of a kind's default template: acceptance.docx, answer.docx, …</summary>
    public static string ResourceName(NoticeKind kind) => $"Jixiao.Infrastructure.Documents.NoticeTemplates.{FileStem(kind)}.docx";

    /// <summary>The file name of a kind's default template in the source tree.</summary>
    public static string FileStem(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => "acceptance",
        NoticeKind.AnswerRequest => "answer-request",
        NoticeKind.Supplement => "supplement",
        NoticeKind.Refusal => "refusal",
        NoticeKind.Extension => "extension",
        NoticeKind.Decision => "decision",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static byte[] Get(NoticeKind kind)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName(kind))
            ?? throw new InvalidOperationException($"default template {ResourceName(kind)} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
