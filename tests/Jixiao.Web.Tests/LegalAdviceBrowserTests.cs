using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class LegalAdviceBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_RecordsAnAdvisersMatter_ThenFollowsTheFiguresToTheRecords()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.LegalAdviceDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "legal/matters");
        await page.ClickAsync("#matter-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#matter-save").ClickAsync();
        await page.WaitForSelectorAsync("#matter-error >> text=事项不能为空");
        await dialog.Locator("#matter-subject").FillAsync("关于市属国企混改方案的法律意见");
        await dialog.Locator("#matter-save").ClickAsync();
        await page.WaitForSelectorAsync("#matters-table >> text=关于市属国企混改方案的法律意见");
        await Browser.ScreenshotAsync(page, "legal-matters");

        await Browser.OpenAsync(page, "legal/statistics?unit=440700&year=2023");
        await page.WaitForSelectorAsync("#stats-table");
        (await page.Locator("[data-metric='legal_advice.matters']").First.InnerTextAsync()).Trim().ShouldBe("260");
        (await page.Locator("[data-metric='legal_advice.advisers']").First.InnerTextAsync()).Trim().ShouldBe("7");
        await Browser.ScreenshotAsync(page, "legal-statistics");
        await page.Locator("#stats-table tr[data-metric='legal_advice.pooled_written_opinions']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown >> text=111");
        await page.WaitForSelectorAsync("#matters-table >> text=共 111 条");

        await Browser.OpenAsync(page, "legal/advisers");
        await page.WaitForSelectorAsync("#advisers-table >> text=统筹使用");
        await Browser.ScreenshotAsync(page, "legal-advisers");
        await Browser.OpenAsync(page, "legal/activities");
        await page.WaitForSelectorAsync("#activities-table >> text=党政机关合同管理法律风险防范讲座");
        await Browser.ScreenshotAsync(page, "legal-activities");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
