using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class ReportCheckBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Leader_PastesAReport_AndSeesTheSlipWithTheCorrectValue()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.leader");
        await Browser.OpenAsync(page, "reports/check");
        await page.Locator("#report-text").FillAsync("""
            （四）行政复议工作：2023年市本级共新收行政复议案件190件。立案受理的135件行政复议案件中，已审结129件（撤销1件，驳回2件，维持84件，终止3件，确认违法4件，调解结案34件）。
            2023年，市本级以和解、调解、撤回方式解决纠纷的案件47宗，多元化解决调撤率34.81%。其中以和解、调解方式结案34宗，直接调解率25.8%。
            """);
        await page.ClickAsync("#report-check");
        await page.WaitForSelectorAsync("#findings-table");
        (await page.Locator("#report-findings-count").InnerTextAsync()).ShouldContain("2 处");
        var table = await page.Locator("#findings-table").InnerTextAsync();
        table.ShouldContain("128");
        table.ShouldContain("25.19%");
        table.ShouldNotContain("34.81%\t");
        await Browser.ScreenshotAsync(page, "report-check");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
