using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Jixiao.Domain;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Jobs;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jixiao.Features.Tests.Jobs;

/// <summary>
/// Background work on several nodes of one database: every item is done exactly once, a stopped or dead node's
/// items are finished by another without redoing done ones, the daily job runs once, and batch documents respect
/// the starter's scope.
/// </summary>
public sealed class BackgroundJobTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>A handler that records every time it processes an item, to prove no item is processed twice.</summary>
    private sealed class RecordingHandler(TimeSpan perItem) : IJobHandler
    {
        public const string KindName = "test-recording";

        public ConcurrentDictionary<long, int> Calls { get; } = new();

        public string Kind => KindName;

        public async Task<IReadOnlyList<ItemResult>> ProcessAsync(BackgroundJob job, IReadOnlyList<ClaimedItem> items, CancellationToken cancellationToken)
        {
            var results = new List<ItemResult>();
            foreach (var item in items)
            {
                Calls.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
                await Task.Delay(perItem, cancellationToken);
                results.Add(ItemResult.Done(item.Id, [new JobFile($"items/{item.SubjectId:000}.txt", Encoding.UTF8.GetBytes(item.Label))]));
            }

            return results;
        }
    }

    private static IHost Node(TestApp app, RecordingHandler handler, TimeSpan? lease = null) => app.StartSecondNode(s =>
    {
        s.AddSingleton<IJobHandler>(handler);
        s.Configure<JobOptions>(o =>
        {
            o.ChunkSize = 10;
            o.Concurrency = 2;
            o.LeaseDuration = lease ?? TimeSpan.FromMinutes(2);
        });
    });

    private static async Task<int> CreateJobAsync(TestApp app, int count)
    {
        await using var db = app.Db();
        var unit = await db.Units.Where(u => u.Code == DemoData.CityBureau).Select(u => u.Id).FirstAsync();
        var job = new BackgroundJob(RecordingHandler.KindName, "测试批量任务", unit, "{}", null, "测试", DateTime.UtcNow);
        job.SetTotal(count);
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync();
        db.BackgroundJobItems.AddRange(Enumerable.Range(1, count).Select(i => new BackgroundJobItem(job.Id, i, i, $"项目{i}")));
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static async Task<List<BackgroundJobItem>> ItemsAsync(TestApp app, int jobId)
    {
        await using var db = app.Db();
        return await db.BackgroundJobItems.AsNoTracking().Where(i => i.JobId == jobId).OrderBy(i => i.Sequence).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_TwoNodesOnOneBatch_EveryItemDoneExactlyOnce(string provider)
    {
        var app = await apps.Get(provider);
        var handler = new RecordingHandler(TimeSpan.FromMilliseconds(3));
        using var a = Node(app, handler);
        using var b = Node(app, handler);
        var jobId = await CreateJobAsync(app, 200);

        await Task.WhenAll(
            a.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, TestContext.Current.CancellationToken),
            b.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, TestContext.Current.CancellationToken));

        var items = await ItemsAsync(app, jobId);
        items.Count.ShouldBe(200);
        items.ShouldAllBe(i => i.Status == JobItemStatus.Done && i.Attempts == 1 && i.Completions == 1 && i.OutputId != null);
        handler.Calls.Count.ShouldBe(200);
        handler.Calls.Values.ShouldAllBe(n => n == 1);
        var nodes = new[] { a.Services.GetRequiredService<JobQueue>().NodeId, b.Services.GetRequiredService<JobQueue>().NodeId };
        items.Select(i => i.ProcessedBy).Distinct().Order().ShouldBe(nodes.Order());
        await using (var db = app.Db())
        {
            (await db.BackgroundJobs.SingleAsync(j => j.Id == jobId)).Status.ShouldBe(JobStatus.Completed);
        }

        using var zip = new MemoryStream();
        await app.Services.GetRequiredService<JobQueue>().WriteZipAsync(jobId, zip, TestContext.Current.CancellationToken);
        using var archive = new ZipArchive(new MemoryStream(zip.ToArray()), ZipArchiveMode.Read);
        archive.Entries.Select(e => e.FullName).ShouldBe(Enumerable.Range(1, 200).Select(i => $"items/{i:000}.txt"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resume_StoppedAndDeadNodes_AnotherFinishesWithoutRedoingDoneItems(string provider)
    {
        var app = await apps.Get(provider);
        var handler = new RecordingHandler(TimeSpan.FromMilliseconds(20));
        var lease = TimeSpan.FromSeconds(1);
        using var stopped = Node(app, handler, lease);
        using var dead = Node(app, handler, lease);
        using var survivor = Node(app, handler, lease);
        var jobId = await CreateJobAsync(app, 80);

        // A node stopped mid-batch (jixiao serve shut down): it gives its unfinished chunk back.
        using (var stop = new CancellationTokenSource())
        {
            var run = stopped.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, stop.Token);
            while ((await ItemsAsync(app, jobId)).Count(i => i.Status == JobItemStatus.Done) < 20)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await stop.CancelAsync();
            await run; // a stopping worker returns quietly after giving its chunk back
        }

        var afterStop = await ItemsAsync(app, jobId);
        afterStop.ShouldNotContain(i => i.Status == JobItemStatus.Running);
        var doneByStopped = afterStop.Where(i => i.Status == JobItemStatus.Done).Select(i => i.Id).ToHashSet();
        doneByStopped.Count.ShouldBeGreaterThanOrEqualTo(20);
        var callsAtStop = handler.Calls.ToDictionary(); // the interrupted chunk's items may have been started, never stored

        // A node that died holding a chunk: its items come back only when the lease has expired.
        var deadQueue = dead.Services.GetRequiredService<JobQueue>();
        var abandoned = (await deadQueue.ClaimAsync(jobId, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        abandoned.Items.Count.ShouldBe(10);
        await survivor.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, TestContext.Current.CancellationToken);
        await Task.Delay(lease + TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        await survivor.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, TestContext.Current.CancellationToken);

        // The dead node's late results are refused: the items are no longer its own.
        (await deadQueue.CompleteAsync(abandoned, [.. abandoned.Items.Select(i => ItemResult.Done(i.Id, []))], TestContext.Current.CancellationToken)).ShouldBeFalse();

        var items = await ItemsAsync(app, jobId);
        items.ShouldAllBe(i => i.Status == JobItemStatus.Done && i.Completions == 1);
        handler.Calls.Count.ShouldBe(80);
        doneByStopped.ShouldAllBe(id => handler.Calls[id] == 1); // done items are never redone
        // Every other item was processed once more after the stop: once by the survivor (the dead node never got to its chunk).
        items.Where(i => !doneByStopped.Contains(i.Id)).ShouldAllBe(i => handler.Calls[i.Id] == callsAtStop.GetValueOrDefault(i.Id) + 1);
        var stoppedNode = stopped.Services.GetRequiredService<JobQueue>().NodeId;
        var survivorNode = survivor.Services.GetRequiredService<JobQueue>().NodeId;
        items.Where(i => doneByStopped.Contains(i.Id)).ShouldAllBe(i => i.ProcessedBy == stoppedNode && i.Attempts == 1);
        var reclaimed = abandoned.Items.Select(i => i.Id).ToHashSet();
        items.Where(i => reclaimed.Contains(i.Id)).ShouldAllBe(i => i.ProcessedBy == survivorNode && i.Attempts == 2);
        items.Where(i => !reclaimed.Contains(i.Id)).ShouldAllBe(i => i.Attempts == 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DailyWarnings_TwoNodesAtOnce_OneRunAndOneSetOfNotifications(string provider)
    {
        var app = await (await (await apps.Get(provider)).WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync())).WithDemoAsync<RegistersDemo>(d => d.SeedAsync());
        using var a = app.StartSecondNode();
        using var b = app.StartSecondNode();
        var scheduler = a.Services.GetRequiredService<DailyJobScheduler>();
        var day = DateOnly.FromDateTime(scheduler.LocalNow());

        var outcomes = await Task.WhenAll(
            scheduler.TryRunAsync(DeadlineWarnings.JobName, day, TestContext.Current.CancellationToken),
            b.Services.GetRequiredService<DailyJobScheduler>().TryRunAsync(DeadlineWarnings.JobName, day, TestContext.Current.CancellationToken));
        outcomes.Count(o => o == DailyRunOutcome.Ran).ShouldBe(1);
        (await b.Services.GetRequiredService<DailyJobScheduler>().TryRunAsync(DeadlineWarnings.JobName, day, TestContext.Current.CancellationToken))
            .ShouldBe(DailyRunOutcome.AlreadyDone);
        await b.Services.GetRequiredService<DailyJobScheduler>().RunDueAsync(TestContext.Current.CancellationToken);

        await using var db = app.Db();
        var run = await db.ScheduledRuns.SingleAsync(r => r.JobName == DeadlineWarnings.JobName && r.RunDate == day);
        run.Status.ShouldBe(ScheduledRunStatus.Done);
        var notifications = await db.Notifications.Where(n => n.RunDate == day).ToListAsync();
        notifications.Count.ShouldBe(run.Produced);
        notifications.GroupBy(n => (n.UserId, n.Key)).ShouldAllBe(g => g.Count() == 1);

        // What the case handler is told is what their to-do list warns of.
        await using var handler = await app.As("jx.case");
        var userId = handler.ServiceProvider.GetRequiredService<CurrentUser>().UserId;
        var todos = await handler.ServiceProvider.GetRequiredService<TodoList>().HandleAsync(TestContext.Current.CancellationToken);
        var warned = todos.Where(t => t.Urgency != TodoUrgency.Normal && t.Area is "行政复议" or "问题整改").Select(t => t.Title).Order().ToList();
        warned.ShouldNotBeEmpty();
        notifications.Where(n => n.UserId == userId).Select(n => n.Title).Order().ShouldBe(warned);
        (await handler.ServiceProvider.GetRequiredService<MyNotifications>().UnreadCountAsync(TestContext.Current.CancellationToken)).ShouldBe(warned.Count);
        await handler.ServiceProvider.GetRequiredService<MyNotifications>().MarkReadAsync(null, TestContext.Current.CancellationToken);
        (await handler.ServiceProvider.GetRequiredService<MyNotifications>().UnreadCountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DailyWarnings_NodeDiedMidRun_AnotherTakesOverAfterTheLease(string provider)
    {
        var app = await apps.Get(provider);
        var day = new DateOnly(2001, 1, 2);
        await using (var db = app.Db())
        {
            db.ScheduledRuns.Add(new ScheduledRun(DeadlineWarnings.JobName, day, "dead-node", DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(-3)));
            db.ScheduledRuns.Add(new ScheduledRun(DeadlineWarnings.JobName, day.AddDays(1), "live-node", DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)));
            await db.SaveChangesAsync();
        }

        using var node = app.StartSecondNode();
        var scheduler = node.Services.GetRequiredService<DailyJobScheduler>();
        (await scheduler.TryRunAsync(DeadlineWarnings.JobName, day, TestContext.Current.CancellationToken)).ShouldBe(DailyRunOutcome.Ran);
        (await scheduler.TryRunAsync(DeadlineWarnings.JobName, day.AddDays(1), TestContext.Current.CancellationToken)).ShouldBe(DailyRunOutcome.HeldElsewhere);
        await using var check = app.Db();
        var run = await check.ScheduledRuns.SingleAsync(r => r.JobName == DeadlineWarnings.JobName && r.RunDate == day);
        run.Status.ShouldBe(ScheduledRunStatus.Done);
        run.Attempts.ShouldBe(2);
        run.LeaseOwner.ShouldBe(node.Services.GetRequiredService<JobQueue>().NodeId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BatchDocuments_DemoYear_ZipHoldsEveryProjectsTableAndReport(string provider)
    {
        var app = await (await apps.Get(provider)).WithDemoAsync<PerformanceDemo>(d => d.SeedAsync());
        int jobId;
        await using (var officer = await app.As("jx.perf"))
        {
            jobId = await officer.ServiceProvider.GetRequiredService<BatchDocuments>().StartAsync(2023, DemoData.CityBureau, TestContext.Current.CancellationToken);
        }

        await app.Services.GetRequiredService<JobWorker>().RunUntilIdleAsync(jobId, TestContext.Current.CancellationToken);

        List<string> expected;
        await using (var db = app.Db())
        {
            var projects = await db.Projects.Where(p => p.Year == 2023 && db.SelfEvaluations.Any(e => e.ProjectId == p.Id))
                .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { Unit = u.Name, p.Code, p.Name }).ToListAsync();
            projects.Count.ShouldBeGreaterThanOrEqualTo(2);
            expected = [.. projects.SelectMany(p => new[] { $"{p.Unit}/{p.Code}_2023年度{p.Name}_绩效自评表.xlsx", $"{p.Unit}/{p.Code}_2023年度{p.Name}_绩效自评报告.docx" }).Order()];
            (await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(BackgroundJob) && e.EntityId == jobId.ToString() && e.UserName == "jx.perf" && e.Action == AuditAction.Insert))
                .ShouldBeTrue();
        }

        await using var scope = await app.As("jx.perf");
        var batches = scope.ServiceProvider.GetRequiredService<BatchDocuments>();
        var row = (await batches.ListAsync(new PageRequest(), TestContext.Current.CancellationToken)).Items.Single(b => b.Id == jobId);
        row.Status.ShouldBe(JobStatus.Completed);
        row.Failed.ShouldBe(0);
        row.Done.ShouldBe(expected.Count / 2);
        (await batches.DownloadNameAsync(jobId, TestContext.Current.CancellationToken)).ShouldBe("2023年度江门市司法局项目绩效自评表和报告.zip");
        using var zip = new MemoryStream();
        await batches.WriteZipAsync(jobId, zip, TestContext.Current.CancellationToken);
        using var archive = new ZipArchive(new MemoryStream(zip.ToArray()), ZipArchiveMode.Read);
        archive.Entries.Select(e => e.FullName).Order().ShouldBe(expected);
        foreach (var entry in archive.Entries)
        {
            await using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            using var document = new ZipArchive(copy, ZipArchiveMode.Read);
            document.GetEntry(entry.FullName.EndsWith(".xlsx", StringComparison.Ordinal) ? "xl/workbook.xml" : "word/document.xml").ShouldNotBeNull();
        }

        await Should.ThrowAsync<DomainException>(() => batches.RetryAsync(jobId, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<DomainException>(() => batches.CancelAsync(jobId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BatchDocuments_OtherUnitsBatch_CountyUserCannotStartSeeOrTouchIt(string provider)
    {
        var app = await (await apps.Get(provider)).WithDemoAsync<PerformanceDemo>(d => d.SeedAsync());
        int cityJob;
        await using (var city = await app.As("jx.perf"))
        {
            cityJob = await city.ServiceProvider.GetRequiredService<BatchDocuments>().StartAsync(2023, DemoData.CityBureau, TestContext.Current.CancellationToken);
            await city.ServiceProvider.GetRequiredService<BatchDocuments>().CancelAsync(cityJob, TestContext.Current.CancellationToken);
        }

        await using var county = await app.As("pj.perf");
        var batches = county.ServiceProvider.GetRequiredService<BatchDocuments>();
        (await Should.ThrowAsync<NotFoundException>(() => batches.StartAsync(2023, DemoData.CityBureau, TestContext.Current.CancellationToken)))
            .Message.ShouldContain("不在您的数据范围内");
        (await batches.ListAsync(new PageRequest(), TestContext.Current.CancellationToken)).Items.ShouldNotContain(b => b.Id == cityJob);
        await Should.ThrowAsync<NotFoundException>(() => batches.FailuresAsync(cityJob, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<NotFoundException>(() => batches.RetryAsync(cityJob, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<NotFoundException>(() => batches.WriteZipAsync(cityJob, Stream.Null, TestContext.Current.CancellationToken));
        // Without a unit the county officer's batch covers their own projects only: none of the city's.
        await Should.ThrowAsync<DomainException>(() => batches.StartAsync(2023, null, TestContext.Current.CancellationToken));

        await using var leader = await app.As("jx.leader");
        await Should.ThrowAsync<ForbiddenException>(() => leader.ServiceProvider.GetRequiredService<BatchDocuments>().StartAsync(2023, null, TestContext.Current.CancellationToken));
        await using var db = app.Db();
        (await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(BackgroundJob) && e.EntityId == cityJob.ToString() && e.Action == AuditAction.Update && e.Changes.Contains("Cancelled")))
            .ShouldBeTrue();
    }
}
