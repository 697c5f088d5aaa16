using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed class AssessmentBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Handler_EntersACountysScores_ThenSeesTheRanking()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.AssessmentDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, "assessment/results?year=2023");
        await page.WaitForSelectorAsync("#results-table >> text=恩平市");
        (await page.Locator("#coverage").InnerTextAsync()).ShouldContain("覆盖率 100.00%");
        (await page.Locator("#results-table tbody tr").Nth(4).InnerTextAsync()).ShouldContain("蓬江区");
        await Browser.ScreenshotAsync(page, "assessment-results");

        await Browser.OpenAsync(page, "assessment/scores?year=2023&unit=440703");
        await page.WaitForSelectorAsync("#scores-grid");
        var first = page.Locator("#scores-grid tr:has(td:text-is('1.1')) input").First;
        await first.FillAsync("3");
        await first.BlurAsync();
        await page.ClickAsync("#scores-save");
        await page.WaitForSelectorAsync("#score-problems");
        (await page.Locator("#score-problems").InnerTextAsync()).ShouldContain("得分3超过该指标分值2.5");
        await Browser.ScreenshotAsync(page, "assessment-scores-error");

        await first.FillAsync("0");
        await first.BlurAsync();
        await page.ClickAsync("#scores-save");
        await page.WaitForSelectorAsync("text=已保存");
        await page.WaitForSelectorAsync("#score-total >> text=合计 88.5");
        await Browser.ScreenshotAsync(page, "assessment-scores");

        await Browser.OpenAsync(page, "assessment/results?year=2023");
        await page.WaitForSelectorAsync("#results-table >> text=88.5");
        var row = await page.Locator("#results-table tbody tr").Nth(5).InnerTextAsync();
        row.ShouldContain("蓬江区");
        row.ShouldContain("良好");
        row.ShouldStartWith("6");

        foreach (var (url, name, selector) in new[]
        {
            ("assessment/scheme", "assessment-scheme", "text=法治政府建设"),
            ("assessment/provincial", "assessment-provincial", "#provincial-table >> text=2018 年度"),
            ("assessment/experts", "assessment-experts", "#experts-table >> text=梁志远"),
            ("assessment/statistics?unit=440700&year=2023", "assessment-statistics", "#stats-table"),
        })
        {
            await Browser.OpenAsync(page, url);
            await page.WaitForSelectorAsync(selector);
            await Browser.ScreenshotAsync(page, name);
        }
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
