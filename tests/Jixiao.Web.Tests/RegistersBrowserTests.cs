using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class RegistersBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    private async Task<RunningWeb> SeededAsync()
    {
        var web = await apps.Get();
        await using var scope = web.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
        await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.RegistersDemo>().SeedAsync();
        return web;
    }

    [Fact]
    public async Task Officer_RecordsATraining_AndReviewsTheLivelihoodSelection()
    {
        var web = await SeededAsync();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "activities");
        await page.ClickAsync("#activity-add");
        var dialog = page.Locator(".mud-dialog");
        await Browser.SelectAsync(page, dialog, "活动类型", "培训讲座");
        await dialog.Locator("#activity-title").FillAsync("行政复议法新修订专题培训");
        await dialog.Locator("#activity-participants").FillAsync("86");
        await dialog.Locator("#activity-save").ClickAsync();
        await page.WaitForSelectorAsync("#activities-table >> text=行政复议法新修订专题培训");

        await page.Locator("#activities-table >> text=候选 34 · 入选 10").ClickAsync();
        await page.WaitForSelectorAsync("#candidates >> text=“粤执法”平台市县镇三级全覆盖应用");
        (await page.Locator("#candidates tbody tr").CountAsync()).ShouldBe(34);
        await Browser.ScreenshotAsync(page, "activities-selection");
        await page.Locator(".mud-dialog >> text=关闭").ClickAsync();
        await Browser.ScreenshotAsync(page, "activities-register");

        await Browser.OpenAsync(page, "activities/statistics?unit=440700&year=2023&scope=tree");
        await page.WaitForSelectorAsync("#stats-table");
        (await page.Locator("#stats-table tr[data-metric='activities.kind.consultation']").InnerTextAsync()).ShouldContain("65");
        await page.Locator("#stats-table tr[data-metric='activities.kind.open_day']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown");
        await page.WaitForSelectorAsync("#activities-table >> text=2023年第4期行政复议开放日暨公开听证观摩活动");
        (await page.Locator("#activities-table tbody tr").CountAsync()).ShouldBe(4);
        await Browser.ScreenshotAsync(page, "activities-drilldown");
    }

    [Fact]
    public async Task Owner_RecordsAProblem_StartsAndCompletesItsRectification()
    {
        var web = await SeededAsync();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "");
        await page.WaitForSelectorAsync("text=整改已逾期");
        await Browser.OpenAsync(page, "rectification");
        await page.ClickAsync("#rectification-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#rectification-problem").FillAsync("复议文书送达回证未及时归档");
        await dialog.Locator("#rectification-save").ClickAsync();
        await page.WaitForSelectorAsync("#rectification-status >> text=待整改");

        await dialog.Locator("#rectification-start").ClickAsync();
        await page.WaitForSelectorAsync("#rectification-error >> text=开始整改前须填写整改措施");
        await dialog.Locator("#rectification-measure").FillAsync("建立送达回证归档登记簿，每周核对");
        await dialog.Locator("#rectification-start").ClickAsync();
        await page.WaitForSelectorAsync("#rectification-status >> text=整改中");
        await dialog.Locator("#rectification-action-text").FillAsync("已补齐全部送达回证并归档");
        await dialog.Locator("#rectification-complete").ClickAsync();
        await page.WaitForSelectorAsync("#rectification-status >> text=已整改");
        await Browser.ScreenshotAsync(page, "rectification-dialog");
        await dialog.Locator("text=关闭").ClickAsync();
        await page.WaitForSelectorAsync("#rectification-table >> text=复议文书送达回证未及时归档");
        await Browser.ScreenshotAsync(page, "rectification-register");
    }

    public async ValueTask DisposeAsync() => await browser.DisposeAsync();
}
