using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.Activities;

/// <summary>The registers whose records carry evidence files.</summary>
public enum EvidenceRegister
{
    /// <summary>工作台账.</summary>
    Activity = 1,

    /// <summary>问题整改.</summary>
    Rectification = 2,
}

/// <summary>
/// A supporting document (佐证材料) of an activity or a rectification item: stored like the performance
/// area's <see cref="EvidenceFile"/> (by SHA-256 in the file store), with the same type and size checks.
/// </summary>
public sealed class RegisterEvidence : IUnitScoped
{
    private RegisterEvidence()
    {
        FileName = ContentType = Sha256 = UploadedBy = string.Empty;
    }

    public RegisterEvidence(int unitId, EvidenceRegister register, int recordId, string fileName, long size, string sha256, string uploadedBy, DateTime uploadedAt)
    {
        ContentType = EvidenceFile.Check(fileName, size);
        UnitId = unitId;
        Register = register;
        RecordId = recordId;
        FileName = Path.GetFileName(fileName.Trim());
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public EvidenceRegister Register { get; private set; }

    public int RecordId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }
}
