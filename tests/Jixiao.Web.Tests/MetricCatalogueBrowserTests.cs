namespace Jixiao.Web.Tests;

public sealed class MetricCatalogueBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Leader_LooksUpTheDefinitionOfAFigure()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.leader");
        await Browser.OpenAsync(page, "statistics/metrics");
        await page.WaitForSelectorAsync("#metric-table");
        await page.Locator("#metric-search").FillAsync("调撤率");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#metric-table tbody tr').length === 1");
        var table = await page.Locator("#metric-table").InnerTextAsync();
        table.ShouldContain("（和解＋调解＋撤回）÷ 立案受理");
        table.ShouldNotContain("reconsideration.received");
        await Browser.ScreenshotAsync(page, "metric-catalogue");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
