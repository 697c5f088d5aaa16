using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class LitigationBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_RegistersACase_RecordsHearingAndJudgment_ThenFindsItThroughTheStatistics()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.LitigationDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "litigation/cases");
        await page.WaitForSelectorAsync("#lit-table >> text=粤0704行初");
        await Browser.ScreenshotAsync(page, "litigation-cases");

        await page.ClickAsync("#lit-register");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#lit-court").FillAsync("江门市江海区人民法院");
        await dialog.Locator("#lit-number").FillAsync("（2026）粤0704行初8888号");
        await dialog.Locator("#lit-plaintiff").FillAsync("黎志强");
        await dialog.Locator("#lit-defendant").FillAsync("江门市市场监督管理局");
        await dialog.Locator("#lit-save").ClickAsync();
        await page.WaitForSelectorAsync("#case-state >> text=一审审理中");
        (await page.Locator("#case-facts").InnerTextAsync()).ShouldContain("江门市市场监督管理局");
        await page.WaitForSelectorAsync("text=提交答辩状");

        await page.ClickAsync("#act-hearing");
        var hearing = page.Locator(".mud-dialog");
        await hearing.Locator("#lit-person").FillAsync("李伟（副局长）");
        await hearing.Locator("#lit-save").ClickAsync();
        await page.WaitForSelectorAsync("#case-hearings >> text=李伟（副局长）");

        await page.ClickAsync("#act-judgment");
        var judgment = page.Locator(".mud-dialog");
        await Browser.SelectAsync(page, judgment, "一审结案方式", "确认违法");
        await judgment.Locator("#lit-save").ClickAsync();
        await page.WaitForSelectorAsync("#case-state >> text=一审已结案");
        (await page.Locator("#case-outcome").InnerTextAsync()).ShouldStartWith("确认违法（");
        await Browser.ScreenshotAsync(page, "litigation-case");

        await Browser.OpenAsync(page, "litigation/statistics");
        await page.WaitForSelectorAsync("#stats-table");
        await Browser.ScreenshotAsync(page, "litigation-statistics");
        await page.Locator("#stats-table tr[data-metric='litigation.outcome.agency_changed']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown");
        await page.WaitForSelectorAsync("#lit-table >> text=（2026）粤0704行初8888号");
        await Browser.ScreenshotAsync(page, "litigation-drilldown");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
