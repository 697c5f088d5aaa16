using System.IO.Compression;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Infrastructure.Jobs;

/// <summary>Items a node holds under one lease.</summary>
public sealed record JobClaim(int JobId, string Kind, string Token, IReadOnlyList<ClaimedItem> Items);

/// <summary>
/// The batch queue in the database, shared by every node. A node claims a chunk of items with one conditional
/// UPDATE (only items still pending, or running under an expired lease, match; the database's row locks make the
/// second of two racing updates match nothing), renews its lease while it works, and marks the items done in the
/// same transaction that stores their files, only if it still holds the lease. So an item is done exactly once, a
/// dead node's items return to the queue when its lease expires, and done items are never redone.
/// </summary>
public sealed class JobQueue(DatabaseSettings settings, TimeProvider clock, IOptions<JobOptions> options)
{
    private readonly JobOptions options = options.Value;

    /// <summary>This node's name in the items it processes: host, process and a per-instance suffix.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    private JixiaoDbContext Db() => settings.Create(CurrentUser.System("后台任务"));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Claims the next chunk of the oldest running batch that has work; null when there is none.</summary>
    public async Task<JobClaim?> ClaimAsync(int? onlyJobId = null, CancellationToken cancellationToken = default)
    {
        await using var db = Db();
        await FailExhaustedAsync(db, cancellationToken);
        var jobs = await db.BackgroundJobs.Where(j => j.Status == JobStatus.Running && (onlyJobId == null || j.Id == onlyJobId))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.Kind }).ToListAsync(cancellationToken);
        foreach (var job in jobs)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var now = Now;
                var max = options.MaxAttempts;
                var candidates = await Claimable(db, job.Id, now, max).OrderBy(i => i.Sequence).Take(options.ChunkSize)
                    .Select(i => i.Id).ToListAsync(cancellationToken);
                if (candidates.Count == 0)
                {
                    await CompleteIfFinishedAsync(db, job.Id, cancellationToken);
                    break;
                }

                var token = $"{NodeId}/{Guid.NewGuid().ToString("N")[..8]}";
                var expires = now + options.LeaseDuration;
                var claimed = await Claimable(db, job.Id, now, max).Where(i => candidates.Contains(i.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, JobItemStatus.Running)
                    .SetProperty(i => i.LeaseOwner, token)
                    .SetProperty(i => i.LeaseExpiresAt, expires)
                    .SetProperty(i => i.StartedAt, now)
                    .SetProperty(i => i.Attempts, i => i.Attempts + 1), cancellationToken);
                if (claimed == 0)
                {
                    continue; // another node took these first
                }

                var items = await db.BackgroundJobItems.AsNoTracking().Where(i => i.LeaseOwner == token && i.Status == JobItemStatus.Running)
                    .OrderBy(i => i.Sequence).Select(i => new ClaimedItem(i.Id, i.SubjectId, i.Label)).ToListAsync(cancellationToken);
                return new JobClaim(job.Id, job.Kind, token, items);
            }
        }

        return null;
    }

    private static IQueryable<BackgroundJobItem> Claimable(JixiaoDbContext db, int jobId, DateTime now, int maxAttempts) =>
        db.BackgroundJobItems.Where(i => i.JobId == jobId && i.Attempts < maxAttempts
            && (i.Status == JobItemStatus.Pending || (i.Status == JobItemStatus.Running && i.LeaseExpiresAt < now)));

    /// <summary>Items whose lease expired as often as allowed: a node died on them each time, so they fail.</summary>
    private async Task FailExhaustedAsync(JixiaoDbContext db, CancellationToken cancellationToken)
    {
        var now = Now;
        var max = options.MaxAttempts;
        await db.BackgroundJobItems.Where(i => i.Status == JobItemStatus.Running && i.LeaseExpiresAt < now && i.Attempts >= max)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, JobItemStatus.Failed)
                .SetProperty(i => i.FinishedAt, now)
                .SetProperty(i => i.Error, $"处理中断 {max} 次（处理节点停止或超时），不再自动重试；可点“重试失败项”。"), cancellationToken);
    }

    /// <summary>Extends the claim's lease; false when the claim was lost (it expired and another node took the items).</summary>
    public async Task<bool> RenewAsync(JobClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = Db();
        var expires = Now + options.LeaseDuration;
        var renewed = await db.BackgroundJobItems.Where(i => i.LeaseOwner == claim.Token && i.Status == JobItemStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, expires), cancellationToken);
        return renewed > 0;
    }

    /// <summary>Gives the claim's items back at once (this node is stopping): the claim does not count as an attempt.</summary>
    public async Task ReleaseAsync(JobClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = Db();
        await db.BackgroundJobItems.Where(i => i.LeaseOwner == claim.Token && i.Status == JobItemStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, JobItemStatus.Pending)
                .SetProperty(i => i.LeaseOwner, (string?)null)
                .SetProperty(i => i.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(i => i.Attempts, i => i.Attempts - 1), cancellationToken);
    }

    /// <summary>
    /// Stores the chunk's files as one zip and marks its items done or failed, in one transaction, only while the
    /// claim still holds every item; false (nothing written) when it does not.
    /// </summary>
    public async Task<bool> CompleteAsync(JobClaim claim, IReadOnlyList<ItemResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(results);
        await using var db = Db();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now;
            var done = results.Where(r => r.Error is null).ToList();
            int? outputId = null;
            if (done.Any(r => r.Files.Count > 0))
            {
                var output = new BackgroundJobOutput(claim.JobId, Zip(done.SelectMany(r => r.Files)), done.Sum(r => r.Files.Count), now);
                db.BackgroundJobOutputs.Add(output);
                await db.SaveChangesAsync(cancellationToken);
                outputId = output.Id;
            }

            var doneIds = done.Select(r => r.ItemId).ToList();
            var marked = doneIds.Count == 0 ? 0 : await Held(db, claim, doneIds).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, JobItemStatus.Done)
                .SetProperty(i => i.FinishedAt, now)
                .SetProperty(i => i.ProcessedBy, NodeId)
                .SetProperty(i => i.Completions, i => i.Completions + 1)
                .SetProperty(i => i.OutputId, outputId)
                .SetProperty(i => i.Error, (string?)null), cancellationToken);
            foreach (var failed in results.Where(r => r.Error is not null))
            {
                var error = failed.Error!.Length > 1000 ? failed.Error[..1000] : failed.Error;
                marked += await Held(db, claim, [failed.ItemId]).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, JobItemStatus.Failed)
                    .SetProperty(i => i.FinishedAt, now)
                    .SetProperty(i => i.ProcessedBy, NodeId)
                    .SetProperty(i => i.Error, error), cancellationToken);
            }

            if (marked != results.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            await CompleteIfFinishedAsync(db, claim.JobId, cancellationToken);
            return true;
        });
    }

    private static IQueryable<BackgroundJobItem> Held(JixiaoDbContext db, JobClaim claim, List<long> ids) =>
        db.BackgroundJobItems.Where(i => ids.Contains(i.Id) && i.LeaseOwner == claim.Token && i.Status == JobItemStatus.Running);

    private async Task CompleteIfFinishedAsync(JixiaoDbContext db, int jobId, CancellationToken cancellationToken)
    {
        var now = Now;
        await db.BackgroundJobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running
                && !db.BackgroundJobItems.Any(i => i.JobId == jobId && (i.Status == JobItemStatus.Pending || i.Status == JobItemStatus.Running)))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Completed).SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>Removes the batches that finished more than <see cref="JobOptions.KeepBatchesDays"/> ago, with their files.</summary>
    public async Task<int> RemoveOldAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Db();
        var before = Now.AddDays(-options.KeepBatchesDays);
        var old = db.BackgroundJobs.Where(j => j.Status != JobStatus.Running && j.FinishedAt < before).Select(j => j.Id);
        await db.BackgroundJobOutputs.Where(o => old.Contains(o.JobId)).ExecuteDeleteAsync(cancellationToken);
        await db.BackgroundJobItems.Where(i => old.Contains(i.JobId)).ExecuteDeleteAsync(cancellationToken);
        return await db.BackgroundJobs.Where(j => j.Status != JobStatus.Running && j.FinishedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static byte[] Zip(IEnumerable<JobFile> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                // docx and xlsx are zips already: storing them is as small and much faster than deflating again.
                var entry = zip.CreateEntry(file.Path, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the batch's files, chunk by chunk in their order, as one zip (entries copied, nothing held whole).</summary>
    public async Task WriteZipAsync(int jobId, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var db = Db();
        var outputIds = await db.BackgroundJobItems.Where(i => i.JobId == jobId && i.Status == JobItemStatus.Done && i.OutputId != null)
            .GroupBy(i => i.OutputId).Select(g => new { Id = g.Key!.Value, First = g.Min(i => i.Sequence) }).ToListAsync(cancellationToken);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var output in outputIds.OrderBy(o => o.First))
        {
            var content = await db.BackgroundJobOutputs.Where(o => o.Id == output.Id).Select(o => o.Content).FirstAsync(cancellationToken);
            using var chunk = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            foreach (var entry in chunk.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.NoCompression);
                await using var to = copy.Open();
                await using var from = entry.Open();
                await from.CopyToAsync(to, cancellationToken);
            }
        }
    }
}
