using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

public sealed record RegisterEvidenceRow(int Id, string FileName, long Size, string UploadedBy, DateTime UploadedAt);

/// <summary>
/// 佐证材料 of activities and rectification items: the performance area's mechanism (type and size checks,
/// content sniffing, content stored once by SHA-256 in the <see cref="FileStore"/>), scoped like the records.
/// </summary>
public sealed class RegisterEvidenceFiles(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, FileStore files, TimeProvider clock)
{
    public static Area AreaOf(EvidenceRegister register) => register == EvidenceRegister.Activity ? Area.Activities : Area.Rectification;

    public async Task<int> UploadAsync(EvidenceRegister register, int recordId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        user.Require(AreaOf(register), write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unitId = await UnitOfAsync(db, register, recordId, cancellationToken);
        var buffered = new MemoryStream();
        await content.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        EvidenceFile.Check(fileName, buffered.Length);
        var head = buffered.GetBuffer().AsSpan(0, (int)Math.Min(8, buffered.Length));
        var extension = Path.GetExtension(fileName);
        if (!EvidenceFile.ContentMatches(extension, head))
        {
            throw new DomainException($"文件“{fileName}”的内容与扩展名“{extension}”不符，已拒绝。");
        }

        var (sha, size) = await files.SaveAsync(buffered, EvidenceFile.MaxBytes, cancellationToken);
        var evidence = new RegisterEvidence(unitId, register, recordId, fileName, size, sha, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.RegisterEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Id;
    }

    public async Task<IReadOnlyList<RegisterEvidenceRow>> ListAsync(EvidenceRegister register, int recordId, CancellationToken cancellationToken = default)
    {
        user.Require(AreaOf(register));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegisterEvidence.AsNoTracking().Where(f => f.Register == register && f.RecordId == recordId).OrderBy(f => f.Id)
            .Select(f => new RegisterEvidenceRow(f.Id, f.FileName, f.Size, f.UploadedBy, f.UploadedAt)).ToListAsync(cancellationToken);
    }

    public async Task<(Stream Content, string FileName, string ContentType)> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.RegisterEvidence.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException($"佐证材料 {id} 不存在或不在您的数据范围内。");
        user.Require(AreaOf(file.Register));
        return (await files.OpenReadAsync(file.Sha256, cancellationToken), file.FileName, file.ContentType);
    }

    public async Task RemoveAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.RegisterEvidence.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException($"佐证材料 {id} 不存在或不在您的数据范围内。");
        user.Require(AreaOf(file.Register), write: true);
        db.RegisterEvidence.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<int> UnitOfAsync(JixiaoDbContext db, EvidenceRegister register, int recordId, CancellationToken cancellationToken)
    {
        int? unitId = register == EvidenceRegister.Activity
            ? await db.Activities.Where(a => a.Id == recordId).Select(a => (int?)a.UnitId).FirstOrDefaultAsync(cancellationToken)
            : await db.RectificationItems.Where(r => r.Id == recordId).Select(r => (int?)r.UnitId).FirstOrDefaultAsync(cancellationToken);
        return unitId ?? throw new NotFoundException($"{(register == EvidenceRegister.Activity ? "活动" : "整改事项")} {recordId} 不存在或不在您的数据范围内。");
    }
}
