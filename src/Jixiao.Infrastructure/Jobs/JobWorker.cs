using System.Security.Claims;
using Jixiao.Domain;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jixiao.Infrastructure.Jobs;

/// <summary>
/// The batch worker of one node: <see cref="JobOptions.Concurrency"/> loops that claim a chunk, process it as the
/// user who started the batch while renewing the lease, and store the result. Runs in <c>jixiao serve</c>; the
/// command line runs it until one batch is finished (<c>jixiao evaluation batch --wait</c>).
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobQueue queue, DatabaseSettings settings, IOptions<JobOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    private readonly JobOptions options = options.Value;

    public JobQueue Queue => queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Concurrency).Select(_ => LoopAsync(null, untilIdle: false, stoppingToken)).ToList();
        loops.Add(HousekeepingAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    /// <summary>Works on one batch (or any, when null) until nothing is left to claim.</summary>
    public Task RunUntilIdleAsync(int? jobId, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => LoopAsync(jobId, untilIdle: true, cancellationToken)));

    private async Task LoopAsync(int? jobId, bool untilIdle, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await RunOnceAsync(jobId, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogError(ex, "Background job worker failed; retrying after the poll interval.");
                worked = false;
            }

            if (!worked)
            {
                if (untilIdle)
                {
                    return;
                }

                try
                {
                    await Task.Delay(options.PollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var removed = await queue.RemoveOldAsync(cancellationToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} finished batches older than {Days} days.", removed, options.KeepBatchesDays);
                }

                await Task.Delay(TimeSpan.FromHours(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError(ex, "Removing old batches failed.");
            }
        }
    }

    /// <summary>Claims and processes one chunk; false when there was nothing to claim.</summary>
    public async Task<bool> RunOnceAsync(int? jobId, CancellationToken cancellationToken)
    {
        // Claiming and storing are short and not interrupted by a stopping node, so that a stop never leaves a claim
        // behind half-made; only the processing in between is, and then the chunk is given back.
        cancellationToken.ThrowIfCancellationRequested();
        var claim = await queue.ClaimAsync(jobId, CancellationToken.None);
        if (claim is null)
        {
            return false;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewal = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(claim, lost, stopRenewal.Token);
        IReadOnlyList<ItemResult> results;
        try
        {
            results = await ProcessAsync(claim, lost.Token);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await queue.ReleaseAsync(claim, CancellationToken.None);
                throw;
            }

            logger.LogWarning("Lost the lease of {Token}; another node processes its items.", claim.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in a handler fails its chunk's items with the reason; it never stops the node's worker.
            logger.LogError(ex, "Processing {Token} failed.", claim.Token);
            results = [.. claim.Items.Select(i => ItemResult.Failed(i.Id, $"生成失败（程序错误，已记入日志）：{ex.Message}"))];
        }
        finally
        {
            await stopRenewal.CancelAsync();
            await renewal;
        }

        if (!await queue.CompleteAsync(claim, results, CancellationToken.None))
        {
            logger.LogWarning("Lease of {Token} was lost before its results were stored; another node processes its items.", claim.Token);
        }

        return true;
    }

    private async Task<IReadOnlyList<ItemResult>> ProcessAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        BackgroundJob job;
        await using (var db = settings.Create(CurrentUser.System("后台任务")))
        {
            job = await db.BackgroundJobs.AsNoTracking().FirstAsync(j => j.Id == claim.JobId, cancellationToken);
        }

        try
        {
            await ActAsStarterAsync(scope.ServiceProvider, job.StartedByUserId, cancellationToken);
        }
        catch (DomainException ex)
        {
            return [.. claim.Items.Select(i => ItemResult.Failed(i.Id, ex.Message))];
        }

        var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == claim.Kind);
        if (handler is null)
        {
            return [.. claim.Items.Select(i => ItemResult.Failed(i.Id, $"本节点不能处理“{claim.Kind}”类批量任务。"))];
        }

        return await handler.ProcessAsync(job, claim.Items, cancellationToken);
    }

    private async Task RenewWhileRunningAsync(JobClaim claim, CancellationTokenSource lost, CancellationToken stop)
    {
        var every = options.LeaseDuration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop);
                if (!await queue.RenewAsync(claim, stop))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Renewing the lease of {Token} failed; trying again.", claim.Token);
            }
        }
    }

    /// <summary>
    /// Makes the scope's user the one who started the batch (their roles and data scope as they are now), or the
    /// command line when the batch was started there. A disabled or deleted account stops the batch's items.
    /// </summary>
    public static async Task ActAsStarterAsync(IServiceProvider services, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var current = services.GetRequiredService<CurrentUser>();
        if (userId is null)
        {
            current.ActAsSystem("批量任务");
            return;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("发起批量任务的账号已被删除，任务不能继续。");
        if (user.IsDisabled)
        {
            throw new DomainException($"发起批量任务的账号“{user.UserName}”已停用，任务不能继续。");
        }

        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        await services.GetRequiredService<CurrentUserLoader>().LoadAsync(current, new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "BackgroundJob")), null, cancellationToken);
    }
}
