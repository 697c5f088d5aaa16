using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jixiao.Infrastructure.Jobs;

public enum DailyRunOutcome
{
    /// <summary>This node ran it and stored its output.</summary>
    Ran,

    /// <summary>It had already run that day.</summary>
    AlreadyDone,

    /// <summary>Another node holds the run.</summary>
    HeldElsewhere,
}

/// <summary>
/// Runs each <see cref="IDailyJob"/> once a day across all nodes: a node that finds the local time past the job's
/// time inserts the (job, day) row first; the unique key lets only one insert succeed, and only that node runs the job.
/// Its output and the row's "done" are saved in one transaction, only while the node still holds the row's lease, so
/// a node that died mid-run leaves nothing behind and another node takes the run over once the lease has expired.
/// </summary>
public sealed class DailyJobScheduler(IServiceScopeFactory scopes, DatabaseSettings settings, JobQueue queue, TimeProvider clock,
    IOptions<JobOptions> options, ILogger<DailyJobScheduler> logger) : BackgroundService
{
    private readonly JobOptions options = options.Value;

    private string NodeId => queue.NodeId;

    private JixiaoDbContext Db() => settings.Create(CurrentUser.System("定时任务"));

    /// <summary>Today in the jobs' time zone.</summary>
    public DateTime LocalNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.Zone()).DateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError(ex, "A daily job failed; it is tried again later.");
            }
        }
    }

    /// <summary>Runs every job whose time of day has come and that has not run today.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = LocalNow();
        var day = DateOnly.FromDateTime(now);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IDailyJob>())
        {
            if (TimeOnly.FromDateTime(now) < job.At)
            {
                continue;
            }

            await using (var db = Db())
            {
                if (await db.ScheduledRuns.AnyAsync(r => r.JobName == job.Name && r.RunDate == day && r.Status == ScheduledRunStatus.Done, cancellationToken))
                {
                    continue;
                }
            }

            await TryRunAsync(job.Name, day, cancellationToken);
        }
    }

    /// <summary>Runs the named job for the day unless it has run or another node holds it.</summary>
    public async Task<DailyRunOutcome> TryRunAsync(string jobName, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (!await AcquireAsync(jobName, day, cancellationToken))
        {
            await using var check = Db();
            var done = await check.ScheduledRuns.AnyAsync(r => r.JobName == jobName && r.RunDate == day && r.Status == ScheduledRunStatus.Done, cancellationToken);
            return done ? DailyRunOutcome.AlreadyDone : DailyRunOutcome.HeldElsewhere;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("定时任务");
        var job = scope.ServiceProvider.GetServices<IDailyJob>().First(j => j.Name == jobName);
        await using var db = Db();
        try
        {
            var produced = await job.RunAsync(day, db, cancellationToken);
            var strategy = db.Database.CreateExecutionStrategy();
            var stored = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var finishedAt = clock.GetUtcNow().UtcDateTime;
                var marked = await Mine(db, jobName, day).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ScheduledRunStatus.Done)
                    .SetProperty(r => r.Produced, produced)
                    .SetProperty(r => r.FinishedAt, finishedAt), cancellationToken);
                if (marked != 1)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return false;
                }

                await transaction.CommitAsync(cancellationToken);
                return true;
            });
            if (stored)
            {
                logger.LogInformation("Daily job {Job} of {Day} done on {Node}: {Produced} records.", jobName, day, NodeId, produced);
            }

            return stored ? DailyRunOutcome.Ran : DailyRunOutcome.HeldElsewhere;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await using var failed = Db();
            var now = clock.GetUtcNow().UtcDateTime;
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await Mine(failed, jobName, day).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ScheduledRunStatus.Failed)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.LeaseExpiresAt, now), CancellationToken.None);
            throw;
        }
    }

    private IQueryable<ScheduledRun> Mine(JixiaoDbContext db, string jobName, DateOnly day) =>
        db.ScheduledRuns.Where(r => r.JobName == jobName && r.RunDate == day && r.LeaseOwner == NodeId && r.Status == ScheduledRunStatus.Running);

    /// <summary>Inserts the day's row, or takes over a run whose lease expired without finishing; true when this node holds it.</summary>
    private async Task<bool> AcquireAsync(string jobName, DateOnly day, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.LeaseDuration;
        await using (var db = Db())
        {
            db.ScheduledRuns.Add(new ScheduledRun(jobName, day, NodeId, now, expires));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // another node inserted the row first
            }
        }

        await using var retry = Db();
        var max = options.MaxAttempts;
        var taken = await retry.ScheduledRuns
            .Where(r => r.JobName == jobName && r.RunDate == day && r.Status != ScheduledRunStatus.Done && r.LeaseExpiresAt < now && r.Attempts < max)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ScheduledRunStatus.Running)
                .SetProperty(r => r.LeaseOwner, NodeId)
                .SetProperty(r => r.LeaseExpiresAt, expires)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.Error, (string?)null), cancellationToken);
        return taken == 1;
    }
}
