using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Jobs;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// Batch documents (批量生成自评表和报告): for a year and optionally a unit's subtree, the score table (xlsx) and the
/// report (docx) of every project that has a self-evaluation, produced in the background by whichever node claims
/// the chunks, and downloaded as one zip. A user starts, sees, cancels and retries only batches of units in their
/// data scope; each item is produced with the starter's roles and scope.
/// </summary>
public sealed class BatchDocuments(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, UnitDirectory units, JobQueue queue, TimeProvider clock)
{
    public const string Kind = "evaluation-documents";

    public sealed record Parameters(int Year, string? Unit);

    public sealed record BatchRow(int Id, string Title, string UnitName, string StartedBy, JobStatus Status, int Total, int Done, int Failed, int Running,
        DateTime CreatedAt, DateTime? FinishedAt, TimeSpan Elapsed, TimeSpan? Remaining)
    {
        public string StatusName => Status switch
        {
            JobStatus.Running => Running > 0 || Done + Failed > 0 ? "进行中" : "排队中",
            JobStatus.Completed => Failed > 0 ? "已完成（有失败项）" : "已完成",
            JobStatus.Cancelled => "已取消",
            _ => Status.ToString(),
        };

        public int Finished => Done + Failed;

        public double Percent => Total == 0 ? 100 : 100.0 * Finished / Total;
    }

    public sealed record FailedItem(long Id, string Label, string Error, int Attempts);

    /// <summary>Enqueues the batch; returns its id. Only projects with a self-evaluation are included.</summary>
    public async Task<int> StartAsync(int year, string? unitCode, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance, write: true);
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException([new("Year", "年度应在 2000 至 2100 之间。")]);
        }

        var snapshot = await units.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int unitId;
        int[]? subtree = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var code = unitCode.Trim();
            unitId = await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"单位“{code}”不存在或不在您的数据范围内。");
            subtree = [.. snapshot.Tree.Subtree(unitId)];
        }
        else
        {
            unitId = user.UnitId ?? snapshot.Units.Values.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => u.Id).First();
        }

        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Year == year && (subtree == null || subtree.Contains(p.UnitId)) && db.SelfEvaluations.Any(e => e.ProjectId == p.Id))
            .OrderBy(p => p.UnitId).ThenBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Name })
            .ToListAsync(cancellationToken);
        var unitName = snapshot.NameOf(unitId);
        if (projects.Count == 0)
        {
            throw new DomainException($"{unitName}{(subtree is null ? "（您的数据范围）" : "及下级单位")} {year} 年度没有已开始自评的项目。");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var job = new BackgroundJob(Kind, $"{year}年度{unitName}项目绩效自评表和报告", unitId,
                JsonSerializer.Serialize(new Parameters(year, unitCode?.Trim())), user.UserId, user.DisplayName, clock.GetUtcNow().UtcDateTime);
            job.SetTotal(projects.Count);
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            db.BackgroundJobItems.AddRange(projects.Select((p, i) => new BackgroundJobItem(job.Id, i + 1, p.Id, $"{p.Code} {p.Name}")));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return job.Id;
        });
    }

    /// <summary>The batches of the user's scope, newest first, with their progress.</summary>
    public Task<Paged<BatchRow>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) => ListAsync(page, null, cancellationToken);

    private async Task<Paged<BatchRow>> ListAsync(PageRequest page, int? onlyJobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == Kind && (onlyJobId == null || j.Id == onlyJobId));
        var total = await jobs.CountAsync(cancellationToken);
        var rows = await jobs.OrderByDescending(j => j.Id).Skip(page.Skip).Take(page.SafePageSize)
            .Select(j => new { j.Id, j.Title, j.UnitId, j.StartedByName, j.Status, j.Total, j.CreatedAt, j.FinishedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.BackgroundJobItems.Where(i => ids.Contains(i.JobId)).GroupBy(i => new { i.JobId, i.Status })
            .Select(g => new { g.Key.JobId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var snapshot = await units.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int Count(int id, JobItemStatus status) => counts.Where(c => c.JobId == id && c.Status == status).Sum(c => c.Count);
        return new Paged<BatchRow>([.. rows.Select(r =>
        {
            var (done, failed, running) = (Count(r.Id, JobItemStatus.Done), Count(r.Id, JobItemStatus.Failed), Count(r.Id, JobItemStatus.Running));
            var elapsed = (r.FinishedAt ?? now) - r.CreatedAt;
            TimeSpan? remaining = r.Status == JobStatus.Running && done + failed > 0
                ? TimeSpan.FromSeconds(elapsed.TotalSeconds / (done + failed) * (r.Total - done - failed))
                : null;
            return new BatchRow(r.Id, r.Title, snapshot.NameOf(r.UnitId), r.StartedByName, r.Status, r.Total, done, failed, running, r.CreatedAt, r.FinishedAt,
                elapsed, remaining);
        })], total, page.SafePage, page.SafePageSize);
    }

    /// <summary>One batch with its progress.</summary>
    public async Task<BatchRow> GetAsync(int jobId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await VisibleAsync(db, jobId, cancellationToken);
        }

        return (await ListAsync(new PageRequest(1, 1), jobId, cancellationToken)).Items.Single();
    }

    /// <summary>The failed items of a batch with their reasons.</summary>
    public async Task<IReadOnlyList<FailedItem>> FailuresAsync(int jobId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await VisibleAsync(db, jobId, cancellationToken);
        return await db.BackgroundJobItems.AsNoTracking().Where(i => i.JobId == jobId && i.Status == JobItemStatus.Failed).OrderBy(i => i.Sequence)
            .Select(i => new FailedItem(i.Id, i.Label, i.Error ?? string.Empty, i.Attempts)).ToListAsync(cancellationToken);
    }

    /// <summary>Stops the batch: no further chunk is started; what is done stays downloadable.</summary>
    public async Task CancelAsync(int jobId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, jobId, cancellationToken);
        job.Cancel(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Runs the failed items again (and, for a cancelled batch, the rest).</summary>
    public async Task RetryAsync(int jobId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, jobId, cancellationToken);
        var open = await db.BackgroundJobItems.CountAsync(i => i.JobId == jobId && i.Status != JobItemStatus.Done, cancellationToken);
        if (open == 0)
        {
            throw new DomainException("该批量任务没有失败或未完成的项目，无需重试。");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.BackgroundJobItems.Where(i => i.JobId == jobId && i.Status == JobItemStatus.Failed).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, JobItemStatus.Pending)
                .SetProperty(i => i.Attempts, 0)
                .SetProperty(i => i.LeaseOwner, (string?)null)
                .SetProperty(i => i.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(i => i.Error, (string?)null), cancellationToken);
            job.Resume();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The batch's name for the download, after checking the user may see it.</summary>
    public async Task<string> DownloadNameAsync(int jobId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, jobId, cancellationToken);
        return $"{job.Title}.zip";
    }

    /// <summary>Writes the batch's files as one zip (call <see cref="DownloadNameAsync"/> first: it checks the scope).</summary>
    public async Task WriteZipAsync(int jobId, Stream destination, CancellationToken cancellationToken = default)
    {
        await DownloadNameAsync(jobId, cancellationToken);
        await queue.WriteZipAsync(jobId, destination, cancellationToken);
    }

    private static async Task<BackgroundJob> VisibleAsync(JixiaoDbContext db, int jobId, CancellationToken cancellationToken) =>
        await db.BackgroundJobs.FirstOrDefaultAsync(j => j.Id == jobId && j.Kind == Kind, cancellationToken)
            ?? throw new NotFoundException($"批量任务 {jobId} 不存在或不在您的数据范围内。");
}

/// <summary>Produces the two documents of each project of a chunk, as the user who started the batch.</summary>
public sealed class BatchDocumentsHandler(EvaluationOutputs outputs, EvaluationFiguresLoader figures) : IJobHandler
{
    public string Kind => BatchDocuments.Kind;

    public async Task<IReadOnlyList<ItemResult>> ProcessAsync(BackgroundJob job, IReadOnlyList<ClaimedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<ItemResult>(items.Count);
        using var remembered = figures.RememberMetricValues();
        foreach (var item in items)
        {
            try
            {
                var documents = await outputs.BothAsync(item.SubjectId, cancellationToken);
                var folder = FileName(documents.UnitName);
                var prefix = FileName(documents.ProjectCode) + "_";
                results.Add(ItemResult.Done(item.Id,
                [
                    new JobFile($"{folder}/{prefix}{FileName(documents.Table.FileName)}", documents.Table.Content),
                    new JobFile($"{folder}/{prefix}{FileName(documents.Report.FileName)}", documents.Report.Content),
                ]));
            }
            catch (DomainException ex)
            {
                results.Add(ItemResult.Failed(item.Id, ex.Message));
            }
        }

        return results;
    }

    /// <summary>A name that is valid as a file name in a zip on every system.</summary>
    public static string FileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var invalid = new HashSet<char>(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);
        return string.Concat(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)).Trim();
    }
}
