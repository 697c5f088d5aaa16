using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>The leaders' dashboard, and choosing the metric an indicator takes its actual from.</summary>
public sealed class DashboardBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<object> SeededApps = [];

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
            }
        }
        finally
        {
            Seeded.Release();
        }

        return web;
    }

    [Fact]
    public async Task Leader_SeesKeyFiguresScoresAndTrends_AndDrillsDown()
    {
        var web = await WebWithDemoAsync();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.leader");
        await Browser.OpenAsync(page, "dashboard?unit=440700&year=2023");
        await page.WaitForSelectorAsync("#dashboard-caption >> text=2023 年");
        var area = page.Locator("[data-area='Reconsideration']").First;
        (await area.Locator("[data-metric='reconsideration.received']").InnerTextAsync()).Trim().ShouldBe("190");
        (await area.Locator("[data-metric='reconsideration.accepted']").InnerTextAsync()).Trim().ShouldBe("135");
        (await area.Locator("[data-metric='reconsideration.settlement_withdrawal_rate']").InnerTextAsync()).Trim().ShouldBe("34.81%");
        (await area.Locator("[data-years='Reconsideration'] thead").InnerTextAsync()).ShouldContain("2019");
        (await area.Locator("svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var projects = page.Locator("#dashboard-projects");
        (await projects.Locator("tr[data-project='2023-SFJ-01']").InnerTextAsync()).ShouldContain("98.00（优）");
        (await projects.Locator("tr[data-project='2023-SFJ-02']").InnerTextAsync()).ShouldContain("95.01");
        await Browser.ScreenshotAsync(page, "dashboard");

        await area.Locator("[data-metric='reconsideration.received']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown");
        (await page.Locator("#drilldown").InnerTextAsync()).ShouldContain("新收");
    }

    [Fact]
    public async Task Officer_ChoosesAMetricForAnIndicator_AndSeesTheLiveValue()
    {
        var web = await WebWithDemoAsync();
        var year = DateTime.Now.Year;
        int projectId;
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Jixiao.Infrastructure.Data.JixiaoDbContext>>().CreateDbContextAsync();
            projectId = db.Projects.Where(p => p.Code == $"{year}-SFJ-01" && p.Year == year).Select(p => p.Id).Single();
            var evaluation = scope.ServiceProvider.GetRequiredService<Jixiao.Features.Performance.EditEvaluation>();
            await evaluation.StartAsync(projectId);
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.perf");
        await Browser.OpenAsync(page, $"performance/projects/{projectId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "绩效自评" }).ClickAsync();
        await page.WaitForSelectorAsync("#actuals-table");
        await page.Locator("[data-pick='办理市本级行政复议案件数量']").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#metric-picker").FillAsync("新收");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "reconsideration.received" }).First.ClickAsync();
        await dialog.Locator("#metric-definition").WaitForAsync();
        await Browser.ScreenshotAsync(page, "metric-picker");
        await dialog.Locator("#metric-confirm").ClickAsync();
        await page.WaitForSelectorAsync("text=已设置取数");
        var value = page.Locator("[data-feed-value='reconsideration.received']");
        await value.WaitForAsync();
        var text = await value.InnerTextAsync();
        text.ShouldContain("（实时）");
        (await page.Locator("[data-feed='reconsideration.received']").InnerTextAsync()).ShouldContain($"新收（本级 · {year}年）");
        var link = await value.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        link.ShouldNotBeNull().ShouldContain("metric=reconsideration.received");
        await Browser.ScreenshotAsync(page, "indicator-fed-by-metric");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
