using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class NormativeDocumentsBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_RegistersADraftForReview_ThenFollowsAFigureToItsDocuments()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.NormativeDocumentsDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "normative/reviews");
        await page.ClickAsync("#review-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#review-save").ClickAsync();
        await page.WaitForSelectorAsync("#review-error >> text=文件名称不能为空");
        await dialog.Locator("#review-title").FillAsync("江门市电动自行车管理办法（送审稿）");
        await dialog.Locator("#review-drafter").FillAsync("江门市公安局");
        await dialog.Locator("#review-save").ClickAsync();
        await page.WaitForSelectorAsync("#reviews-table >> text=江门市电动自行车管理办法（送审稿）");
        await page.WaitForSelectorAsync("#reviews-table >> text=审核中");
        await Browser.ScreenshotAsync(page, "normative-reviews");

        await Browser.OpenAsync(page, "normative/statistics?unit=440700&year=2023");
        await page.WaitForSelectorAsync("#stats-table");
        (await page.Locator("[data-metric='normative.reviewed']").First.InnerTextAsync()).Trim().ShouldBe("66");
        await Browser.ScreenshotAsync(page, "normative-statistics");
        await page.Locator("#stats-table tr[data-metric='normative.cleanup_opinions']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown >> text=223");
        await page.WaitForSelectorAsync("#cleanup-table >> text=共 223 条");
        await Browser.ScreenshotAsync(page, "normative-cleanups");

        await Browser.OpenAsync(page, "normative/filings");
        await page.WaitForSelectorAsync("#filings-table >> text=共 36 条");
        await Browser.ScreenshotAsync(page, "normative-filings");
        await Browser.OpenAsync(page, "normative/certification");
        await page.WaitForSelectorAsync("#certification-table >> text=共 60 条");
        await Browser.ScreenshotAsync(page, "normative-certification");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
