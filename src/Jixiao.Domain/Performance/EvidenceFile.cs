using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Performance;

/// <summary>
/// A supporting document (佐证材料) of one indicator's actual value. The content is stored by its
/// SHA-256 hash outside the web root; this record says what it is and who uploaded it.
/// </summary>
public sealed class EvidenceFile : IUnitScoped
{
    /// <summary>Largest accepted file: 20 MB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Accepted types: documents, spreadsheets, scans and photos, and OFD (国家版式文档).</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".ofd"] = "application/ofd",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private EvidenceFile()
    {
        FileName = ContentType = Sha256 = UploadedBy = string.Empty;
    }

    public EvidenceFile(int unitId, int projectId, int indicatorId, string fileName, long size, string sha256, string uploadedBy, DateTime uploadedAt)
    {
        var contentType = Check(fileName, size);
        UnitId = unitId;
        ProjectId = projectId;
        IndicatorId = indicatorId;
        FileName = Path.GetFileName(fileName.Trim());
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    /// <summary>Checks a file's name, type and size before it is stored; returns its content type.</summary>
    public static string Check(string? fileName, long size)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("文件名无效：不能为空，且不超过 200 个字。");
        }

        var extension = Path.GetExtension(name);
        if (!AllowedTypes.TryGetValue(extension, out var contentType))
        {
            throw new DomainException($"不支持“{extension}”类型的佐证材料：只接受 {string.Join("、", AllowedTypes.Keys)}。");
        }

        if (size <= 0)
        {
            throw new DomainException("文件为空。");
        }

        return size > MaxBytes
            ? throw new DomainException($"文件过大：{size / 1024.0 / 1024.0:0.0} MB，最大 {MaxBytes / 1024 / 1024} MB。")
            : contentType;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int ProjectId { get; private set; }

    public int IndicatorId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex: the storage key and a check against tampering.</summary>
    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>True when the first bytes match the declared type (a renamed .exe is refused).</summary>
    public static bool ContentMatches(string extension, ReadOnlySpan<byte> head) => extension.ToLowerInvariant() switch
    {
        ".pdf" => head.StartsWith("%PDF"u8),
        ".png" => head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]),
        ".jpg" or ".jpeg" => head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]),
        ".docx" or ".xlsx" or ".ofd" => head.StartsWith("PK"u8),
        ".doc" or ".xls" => head.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0]),
        _ => false,
    };
}
