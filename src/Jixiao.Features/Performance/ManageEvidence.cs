using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

public sealed record EvidenceRow(int Id, int IndicatorId, string FileName, long Size, string UploadedBy, DateTime UploadedAt);

/// <summary>佐证材料 of indicators: upload while the self-evaluation is editable, list, download within scope, remove.</summary>
public sealed class ManageEvidence(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, FileStore files, TimeProvider clock)
{
    public async Task<int> UploadAsync(int projectId, int indicatorId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "上传和删除佐证材料");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var indicator = project.FindIndicator(indicatorId);
        var evaluation = await db.EvaluationOfAsync(projectId, cancellationToken) ?? throw new DomainException("尚未开始绩效自评。");
        evaluation.EnsureEditable();

        var extension = Path.GetExtension(fileName ?? string.Empty);
        var head = new byte[8];
        var buffered = content.CanSeek ? content : await BufferAsync(content, cancellationToken);
        var read = await buffered.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        buffered.Position = 0;
        EvidenceFile.Check(fileName, buffered.Length);
        if (!EvidenceFile.ContentMatches(extension, head.AsSpan(0, read)))
        {
            throw new DomainException($"文件“{fileName}”的内容与扩展名“{extension}”不符，已拒绝。");
        }

        var (sha, size) = await files.SaveAsync(buffered, EvidenceFile.MaxBytes, cancellationToken);
        var evidence = new EvidenceFile(project.UnitId, projectId, indicator.Id, fileName!, size, sha, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Id;
    }

    public async Task<IReadOnlyList<EvidenceRow>> ListAsync(int projectId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvidenceFiles.AsNoTracking().Where(f => f.ProjectId == projectId).OrderBy(f => f.Id)
            .Select(f => new EvidenceRow(f.Id, f.IndicatorId, f.FileName, f.Size, f.UploadedBy, f.UploadedAt)).ToListAsync(cancellationToken);
    }

    public async Task<(Stream Content, string FileName, string ContentType)> OpenAsync(int evidenceId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == evidenceId, cancellationToken)
            ?? throw new NotFoundException($"佐证材料 {evidenceId} 不存在或不在您的数据范围内。");
        return (await files.OpenReadAsync(file.Sha256, cancellationToken), file.FileName, file.ContentType);
    }

    public async Task RemoveAsync(int evidenceId, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "上传和删除佐证材料");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == evidenceId, cancellationToken)
            ?? throw new NotFoundException($"佐证材料 {evidenceId} 不存在或不在您的数据范围内。");
        var evaluation = await db.EvaluationOfAsync(file.ProjectId, cancellationToken);
        evaluation?.EnsureEditable();
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Stream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > EvidenceFile.MaxBytes)
            {
                throw new DomainException($"文件过大：最大 {EvidenceFile.MaxBytes / 1024 / 1024} MB。");
            }

            await memory.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        memory.Position = 0;
        return memory;
    }
}
