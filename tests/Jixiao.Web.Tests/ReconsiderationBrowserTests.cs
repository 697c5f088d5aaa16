using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class ReconsiderationBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_RegistersAcceptsAndClosesACase_ThenFindsItThroughTheStatistics()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "reconsideration/cases");
        await page.ClickAsync("#case-register");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#applicant-name").FillAsync("黎志强");
        await dialog.Locator("#applicant-id").FillAsync("440703198506121535");
        await dialog.Locator("#respondent").FillAsync("江门市市场监督管理局");
        await dialog.Locator("#contested-act").FillAsync("江市监罚〔2026〕88号行政处罚决定");
        await dialog.Locator("#requests").FillAsync("请求撤销该行政处罚决定");
        await dialog.Locator("#register-save").ClickAsync();
        await page.WaitForSelectorAsync("#case-title");
        var caseNumber = await page.Locator("#case-title").InnerTextAsync();
        caseNumber.ShouldStartWith("江府复〔");

        await page.ClickAsync("#accept");
        await page.WaitForSelectorAsync("text=已办理");
        await page.WaitForSelectorAsync("#steps-table >> text=受理");
        var deadlines = await page.Locator("#deadline-problem, #deadlines-table").AllInnerTextsAsync();
        string.Join("\n", deadlines).ShouldMatch("(审理期限|行政复议决定|2027)");
        await Browser.ScreenshotAsync(page, "reconsideration-case");

        await page.ClickAsync("#close");
        var close = page.Locator(".mud-dialog");
        await Browser.SelectAsync(page, close, "结案方式", "维持");
        await close.Locator("#action-confirm").ClickAsync();
        await page.WaitForSelectorAsync("text=已审结");

        await Browser.OpenAsync(page, "reconsideration/statistics");
        await page.WaitForSelectorAsync("#stats-table");
        await page.WaitForSelectorAsync("#stats-months");
        await page.ClickAsync("#breakdown-run");
        await page.WaitForSelectorAsync("#stats-breakdown");
        await Browser.ScreenshotAsync(page, "reconsideration-statistics");
        await page.Locator("#stats-table tr[data-metric='reconsideration.closed']").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#drilldown");
        await page.WaitForSelectorAsync($"#cases-table >> text={caseNumber}");
        await Browser.ScreenshotAsync(page, "reconsideration-drilldown");
    }

    [Fact]
    public async Task Head_SeesOpenCasesByNearestDeadline()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.ReconsiderationDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.head");
        await Browser.OpenAsync(page, "reconsideration/deadlines");
        await page.WaitForSelectorAsync("#open-deadlines-table >> text=江府复");
        var rows = await page.Locator("#open-deadlines-table tbody tr").CountAsync();
        rows.ShouldBeGreaterThan(0);
        await page.Locator("#deadlines-warnings").ClickAsync();
        await page.WaitForSelectorAsync("#open-deadlines-table");
        (await page.Locator("#open-deadlines-table tbody tr").CountAsync()).ShouldBeLessThanOrEqualTo(rows);
        await Browser.ScreenshotAsync(page, "reconsideration-deadlines");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
