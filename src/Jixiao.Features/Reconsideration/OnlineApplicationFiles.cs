using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// For staff who may read reconsideration cases in their scope: what an online application brought
/// (facts and reasons, the files) and the files themselves. The files live outside the web root and
/// are served only through this handler.
/// </summary>
public sealed class OnlineApplicationFiles(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, FileStore files)
{
    public sealed record FileRow(int Id, string FileName, string Kind, long Size);

    public sealed record View(DateTime SubmittedAt, string FactsAndReasons, IReadOnlyList<FileRow> Files);

    /// <summary>The online application of the case, or null when the case did not come through the public page.</summary>
    public async Task<View?> HandleAsync(int caseId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.OnlineApplications.AsNoTracking().Include(a => a.Attachments).FirstOrDefaultAsync(a => a.CaseId == caseId, cancellationToken);
        return application is null ? null : new View(application.SubmittedAt, application.FactsAndReasons,
            [.. application.Attachments.OrderBy(f => f.Id).Select(f => new FileRow(f.Id, f.FileName, Domain.Reconsideration.OnlineAttachment.KindName(f.Kind), f.Size))]);
    }

    public async Task<(Stream Content, string FileName, string ContentType)> OpenAsync(int attachmentId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.OnlineAttachments.AsNoTracking().FirstOrDefaultAsync(f => f.Id == attachmentId, cancellationToken)
            ?? throw new NotFoundException($"申请材料 {attachmentId} 不存在或不在您的数据范围内。");
        return (await files.OpenReadAsync(file.Sha256, cancellationToken), file.FileName, file.ContentType);
    }
}
