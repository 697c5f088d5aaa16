using System.IO.Compression;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class BatchesBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<object> SeededApps = [];

    /// <summary>The server with the performance demo (its 2023 projects and the reconsideration cases) and the registers demo.</summary>
    private async Task<RunningWeb> WebWithDemoAsync()
    {
        var web = await apps.Get();
        await Seeded.WaitAsync();
        try
        {
            if (SeededApps.Add(web))
            {
                await using var scope = web.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
                await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.PerformanceDemo>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.RegistersDemo>().SeedAsync();
            }
        }
        finally
        {
            Seeded.Release();
        }

        return web;
    }

    [Fact]
    public async Task Officer_StartsBatchOfDemoYear_SeesItCompleteAndDownloadsTheZip()
    {
        var web = await WebWithDemoAsync();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.perf");
        await Browser.OpenAsync(page, "performance/batches");
        await page.Locator("#batch-year").FillAsync("2023");
        await page.ClickAsync("#batch-start");
        await page.WaitForSelectorAsync("text=批量任务已开始");

        // The node's worker produces the documents; the list refreshes by itself until the batch is done.
        var row = page.Locator("#batches-table tbody tr", new() { HasText = "2023年度江门市司法局项目绩效自评表和报告" }).First;
        await row.Locator(".batch-progress", new() { HasText = "2 / 2" }).WaitForAsync(new() { Timeout = 60_000 });
        await row.Locator(".mud-chip", new() { HasText = "已完成" }).WaitForAsync();
        await Browser.ScreenshotAsync(page, "performance-batches");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator(".batch-download").ClickAsync());
        download.SuggestedFilename.ShouldBe("2023年度江门市司法局项目绩效自评表和报告.zip");
        var path = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            zip.Entries.Count.ShouldBe(4);
            zip.Entries.Count(e => e.FullName.EndsWith("_绩效自评表.xlsx", StringComparison.Ordinal)).ShouldBe(2);
            zip.Entries.Count(e => e.FullName.EndsWith("_绩效自评报告.docx", StringComparison.Ordinal)).ShouldBe(2);
        }

        File.Delete(path);
    }

    [Fact]
    public async Task CaseHandler_DailyWarnings_ShowOnTheHomePageUntilRead()
    {
        var web = await WebWithDemoAsync();
        var scheduler = web.Services.GetRequiredService<DailyJobScheduler>();
        // The server's own scheduler may already have run today's warnings before the demo cases were seeded: the run of
        // the day before, which it never starts by itself, records the warnings as of now.
        var outcome = await scheduler.TryRunAsync(DeadlineWarnings.JobName, DateOnly.FromDateTime(scheduler.LocalNow()).AddDays(-1), TestContext.Current.CancellationToken);
        outcome.ShouldBe(DailyRunOutcome.Ran);

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "");
        await page.WaitForSelectorAsync("#notifications");
        (await page.Locator("#notifications tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await page.WaitForSelectorAsync("#jx-bell .mud-badge");
        await Browser.ScreenshotAsync(page, "home-notifications");
        await page.ClickAsync("#notifications-read-all");
        await page.Locator("#notifications").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async ValueTask DisposeAsync() => await browser.DisposeAsync();
}
