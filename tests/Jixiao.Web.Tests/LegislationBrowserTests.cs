using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class LegislationBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_RecordsAProject_SeesItCounted_ThenFollowsTheFigureToTheRecords()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.LegislationDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "legislation/projects");
        await page.WaitForSelectorAsync("#projects-table >> text=《江门市侨乡文化保护条例》");
        await page.ClickAsync("#project-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#project-year").FillAsync("2023");
        await dialog.Locator("#project-save").ClickAsync();
        await page.WaitForSelectorAsync("#project-error >> text=项目名称不能为空");
        await dialog.Locator("#project-title").FillAsync("《江门市城市绿化条例》立项论证");
        await dialog.Locator("#project-save").ClickAsync();
        await page.WaitForSelectorAsync("#projects-table >> text=《江门市城市绿化条例》立项论证");
        await Browser.ScreenshotAsync(page, "legislation-projects");

        await Browser.OpenAsync(page, "legislation/statistics?unit=440700&year=2023");
        await page.WaitForSelectorAsync("#stats-table");
        (await page.Locator("[data-metric='legislation.projects']").First.InnerTextAsync()).Trim().ShouldBe("4");
        (await page.Locator("[data-metric='legislation.commissioned_drafting']").First.InnerTextAsync()).Trim().ShouldBe("2");
        (await page.Locator("#stats-table tr[data-metric='legislation.stage_proposal'] td.jx-num").First.InnerTextAsync()).Trim().ShouldBe("1");
        await Browser.ScreenshotAsync(page, "legislation-statistics");
        await page.Locator("#stats-table tr[data-metric='legislation.stage_proposal']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown");
        await page.WaitForSelectorAsync("#projects-table >> text=《江门市城市绿化条例》立项论证");
        await page.WaitForSelectorAsync("#projects-table >> text=共 1 条");
        await Browser.ScreenshotAsync(page, "legislation-drilldown");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
