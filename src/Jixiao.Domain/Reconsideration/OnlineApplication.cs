using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Reconsideration;

/// <summary>
/// An application submitted on the public page (网上申请): the case it opened in the register, the
/// hash of the query code the applicant received (the code itself is never stored), the facts and
/// reasons (事实和理由), the files attached, and when and from which network address it came.
/// </summary>
/// <remarks>《行政复议法》第二十二条：申请人可以书面申请，书面申请的，可以通过……互联网渠道等方式提交行政复议申请书。</remarks>
public sealed class OnlineApplication : IUnitScoped
{
    public const int MaxFactsLength = 8000;

    private readonly List<OnlineAttachment> attachments = [];

    private OnlineApplication()
    {
        QueryCodeHash = FactsAndReasons = string.Empty;
    }

    /// <summary>Records the online submission that opened <paramref name="application"/>.</summary>
    /// <exception cref="DomainException">The case did not come in online, a value is missing, or there are too many files.</exception>
    public OnlineApplication(ReconsiderationCase application, string queryCodeHash, string factsAndReasons, DateTime submittedAt, string? clientAddress, IEnumerable<OnlineAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(files);
        if (application.Channel != ApplicationChannel.Online)
        {
            throw new DomainException("只有申请方式为“网上”的案件才有网上申请记录。");
        }

        if (string.IsNullOrWhiteSpace(queryCodeHash))
        {
            throw new DomainException("网上申请须有查询码。");
        }

        var problems = FactsProblems(factsAndReasons);
        ValidationException.ThrowIfAny(problems);
        Case = application;
        UnitId = application.UnitId;
        QueryCodeHash = queryCodeHash;
        FactsAndReasons = factsAndReasons.Trim();
        SubmittedAt = submittedAt;
        ClientAddress = string.IsNullOrWhiteSpace(clientAddress) ? null : clientAddress.Trim();
        foreach (var file in files)
        {
            file.BelongTo(UnitId);
            attachments.Add(file);
        }

        ValidationException.ThrowIfAny(OnlineAttachment.SetProblems(attachments.Select(a => (a.FileName, a.Size)).ToList()));
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    /// <summary>The case the application opened.</summary>
    public ReconsiderationCase? Case { get; private set; }

    /// <summary>The reconsideration body the applicant chose: the case's unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The query code's salted, slow hash; the applicant holds the code.</summary>
    public string QueryCodeHash { get; private set; }

    /// <summary>事实和理由</summary>
    public string FactsAndReasons { get; private set; }

    /// <summary>When the submission was accepted (UTC).</summary>
    public DateTime SubmittedAt { get; private set; }

    /// <summary>The client's network address, for the per-address limit and for abuse inquiries.</summary>
    public string? ClientAddress { get; private set; }

    public IReadOnlyList<OnlineAttachment> Attachments => attachments;

    /// <summary>The problems of the facts and reasons, field 事实和理由.</summary>
    public static List<ValidationProblem> FactsProblems(string? factsAndReasons)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(factsAndReasons))
        {
            problems.Add(new("事实和理由", "事实和理由不能为空。"));
        }
        else if (factsAndReasons.Trim().Length > MaxFactsLength)
        {
            problems.Add(new("事实和理由", $"事实和理由不能超过{MaxFactsLength}字。"));
        }

        return problems;
    }
}

/// <summary>The kinds of file an online application may carry, recognised by their first bytes.</summary>
public enum AttachmentKind
{
    /// <summary>PDF 文档</summary>
    Pdf = 1,

    /// <summary>JPEG 图片</summary>
    Jpeg = 2,

    /// <summary>PNG 图片</summary>
    Png = 3,

    /// <summary>Word 文档（.docx）</summary>
    Docx = 4,
}

/// <summary>
/// A file attached to an online application (申请材料): its name, the type its content shows, its size
/// and the SHA-256 of the content, under which the file store keeps it outside the web root.
/// </summary>
public sealed class OnlineAttachment : IUnitScoped
{
    /// <summary>Largest file: 10 MB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>At most 5 files.</summary>
    public const int MaxCount = 5;

    /// <summary>All files together: 25 MB (the server takes requests up to 30 MB).</summary>
    public const long MaxTotalBytes = 25L * 1024 * 1024;

    public const int MaxFileNameLength = 100;

    private OnlineAttachment()
    {
        FileName = ContentType = Sha256 = string.Empty;
    }

    /// <summary>A checked file: see <see cref="Problems"/>.</summary>
    public OnlineAttachment(string fileName, AttachmentKind kind, long size, string sha256)
    {
        if (!Enum.IsDefined(kind) || size <= 0 || size > MaxBytes || sha256 is not { Length: 64 })
        {
            throw new DomainException($"附件“{fileName}”未通过检查。");
        }

        FileName = SafeName(fileName);
        Kind = kind;
        ContentType = ContentTypeOf(kind);
        Size = size;
        Sha256 = sha256;
    }

    public int Id { get; private set; }

    public int OnlineApplicationId { get; private set; }

    public int UnitId { get; private set; }

    public string FileName { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex: the key in the file store.</summary>
    public string Sha256 { get; private set; }

    /// <summary>What the public form lists as accepted.</summary>
    public const string AcceptedTypesText = "PDF、JPG、PNG 图片和 Word（.docx）文档";

    /// <summary>The extensions the file input offers.</summary>
    public const string AcceptedExtensions = ".pdf,.jpg,.jpeg,.png,.docx";

    /// <summary>
    /// The kind the content shows by its signature (magic bytes), whatever the file is called; null
    /// for anything else. A .docx is a ZIP package: the caller also checks the package holds a Word
    /// document (a ZIP header alone proves little).
    /// </summary>
    public static AttachmentKind? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return AttachmentKind.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return AttachmentKind.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return AttachmentKind.Png;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? AttachmentKind.Docx : null;
    }

    /// <summary>The kind a file name promises by its extension, or null for one not accepted.</summary>
    public static AttachmentKind? KindOfName(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".pdf" => AttachmentKind.Pdf,
        ".jpg" or ".jpeg" => AttachmentKind.Jpeg,
        ".png" => AttachmentKind.Png,
        ".docx" => AttachmentKind.Docx,
        _ => null,
    };

    public static string ContentTypeOf(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static string KindName(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "PDF 文档",
        AttachmentKind.Jpeg => "JPG 图片",
        AttachmentKind.Png => "PNG 图片",
        AttachmentKind.Docx => "Word 文档",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The problems of the <paramref name="position"/>-th file (from 1): name, size, and whether its
    /// content is of an accepted kind that matches its extension. Field 附件.
    /// </summary>
    public static List<ValidationProblem> Problems(int position, string? fileName, long size, AttachmentKind? contentKind)
    {
        var problems = new List<ValidationProblem>();
        var name = BaseName(fileName);
        var which = $"第{position}个附件“{name}”";
        if (name.Length == 0 || name.Length > MaxFileNameLength || name.Any(char.IsControl))
        {
            problems.Add(new("附件", $"第{position}个附件的文件名无效：不能为空，且不超过{MaxFileNameLength}个字。"));
            return problems;
        }

        var named = KindOfName(name);
        if (named is null)
        {
            problems.Add(new("附件", $"{which}的类型不能接受：只接受{AcceptedTypesText}。"));
            return problems;
        }

        if (size <= 0)
        {
            problems.Add(new("附件", $"{which}是空文件。"));
            return problems;
        }

        if (size > MaxBytes)
        {
            problems.Add(new("附件", $"{which}过大：{size / 1024.0 / 1024.0:0.0} MB，每个附件不超过 {MaxBytes / 1024 / 1024} MB。"));
            return problems;
        }

        if (contentKind != named)
        {
            problems.Add(new("附件", contentKind is null
                ? $"{which}的内容不是{KindName(named.Value)}，已拒绝：只接受{AcceptedTypesText}。"
                : $"{which}的内容是{KindName(contentKind.Value)}，与扩展名不符，已拒绝。"));
        }

        return problems;
    }

    /// <summary>The problems of the set of files: how many, and their total size. Field 附件.</summary>
    public static List<ValidationProblem> SetProblems(IReadOnlyList<(string FileName, long Size)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<ValidationProblem>();
        if (files.Count > MaxCount)
        {
            problems.Add(new("附件", $"附件最多{MaxCount}个，本次选择了{files.Count}个。"));
        }

        var total = files.Sum(f => f.Size);
        if (total > MaxTotalBytes)
        {
            problems.Add(new("附件", $"附件合计 {total / 1024.0 / 1024.0:0.0} MB，超过 {MaxTotalBytes / 1024 / 1024} MB。"));
        }

        return problems;
    }

    /// <summary>The file's own name, without any folder a browser may send along (with / or \).</summary>
    public static string BaseName(string? fileName)
    {
        var name = fileName?.Trim() ?? string.Empty;
        return name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    internal void BelongTo(int unitId) => UnitId = unitId;

    private static string SafeName(string fileName)
    {
        var name = BaseName(fileName);
        return name.Length == 0 || name.Length > MaxFileNameLength || name.Any(char.IsControl)
            ? throw new DomainException("附件的文件名无效。")
            : name;
    }
}
