using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class PerformanceBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Officer_DeclaresAndEvaluates_ReviewerApproves_TableDownloads()
    {
        var web = await apps.Get();
        var year = DateTime.Now.Year;
        var code = $"{year}-PJ-UI";

        // 1. The performance officer of 蓬江 declares a project and its targets, and submits them.
        var officer = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(officer, "pj.perf");
        await Browser.OpenAsync(officer, "performance/projects");
        await officer.ClickAsync("#project-add");
        var dialog = officer.Locator(".mud-dialog");
        await dialog.GetByLabel("项目编码").FillAsync(code);
        await dialog.GetByLabel("项目名称").FillAsync("蓬江区人民调解工作经费");
        await dialog.Locator("#project-save").ClickAsync();
        await officer.WaitForSelectorAsync("#project-title >> text=蓬江区人民调解工作经费");
        var projectUrl = officer.Url;

        await officer.GetByRole(AriaRole.Tab, new() { Name = "预算与支出" }).ClickAsync();
        await officer.GetByLabel("本年财政拨款").First.FillAsync("120000");
        await officer.ClickAsync("#initial-save");
        await officer.WaitForSelectorAsync("#budget-figures >> text=12.00");

        await officer.GetByRole(AriaRole.Tab, new() { Name = "绩效目标" }).ClickAsync();
        await AddIndicatorAsync(officer, "调解纠纷数量", null, target: "300", unit: "件", points: "50");
        await AddIndicatorAsync(officer, "基层矛盾化解水平", "社会效益指标", qualitative: "有提高", points: "30");
        await AddIndicatorAsync(officer, "当事人满意度", "服务对象满意度指标", target: "90", unit: "%", points: "10");
        await officer.WaitForSelectorAsync("text=申报审核通过");
        await Browser.ScreenshotAsync(officer, "performance-targets");
        await officer.ClickAsync("#submit-targets");
        await officer.WaitForSelectorAsync("text=绩效目标已提交审核");

        // 2. The city reviewer approves the targets.
        var reviewer = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(reviewer, "jx.review");
        (await reviewer.Locator("text=审核绩效目标：蓬江区人民调解工作经费").CountAsync()).ShouldBe(1);
        await Browser.OpenAsync(reviewer, projectUrl);
        await reviewer.ClickAsync("#approve-targets");
        await reviewer.WaitForSelectorAsync("text=绩效目标已审核通过");

        // 3. The officer imports the spending, records the actuals and submits the self-evaluation.
        await Browser.OpenAsync(officer, projectUrl);
        await officer.GetByRole(AriaRole.Tab, new() { Name = "预算与支出" }).ClickAsync();
        var badXlsx = Path.Combine(Path.GetTempPath(), $"bad-spending-{Guid.NewGuid():N}.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(badXlsx, new[]
        {
            new Dictionary<string, object> { ["日期"] = $"{year}-02-10", ["金额（元）"] = "五千", ["用途"] = "调解补贴", ["凭证号"] = "记-9", ["资金来源"] = "本年财政拨款" },
        }, sheetName: "支出明细");
        await officer.Locator("input[type=file]").SetInputFilesAsync(badXlsx);
        await officer.WaitForSelectorAsync("text=导入失败，未写入任何数据");
        (await officer.Locator(".mud-alert", new() { HasText = "导入失败" }).InnerTextAsync()).ShouldContain("第2行 B列");
        (await officer.Locator("#expenditures-table").InnerTextAsync()).ShouldContain("尚无支出记录");

        var xlsx = Path.Combine(Path.GetTempPath(), $"spending-{Guid.NewGuid():N}.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object> { ["日期"] = $"{year}-01-10", ["金额（元）"] = 60000, ["用途"] = "人民调解员补贴", ["凭证号"] = "记-1", ["资金来源"] = "本年财政拨款" },
            new Dictionary<string, object> { ["日期"] = $"{year}-01-20", ["金额（元）"] = 48000, ["用途"] = "调解室建设", ["凭证号"] = "记-2", ["资金来源"] = "本年财政拨款" },
        }, sheetName: "支出明细");
        await officer.Locator("input[type=file]").SetInputFilesAsync(xlsx);
        await officer.WaitForSelectorAsync("text=已导入 2 笔支出");
        await officer.WaitForSelectorAsync("#budget-figures >> text=90.00%");

        await officer.ClickAsync("#start-evaluation");
        await officer.WaitForSelectorAsync("#actuals-table");
        var rows = officer.Locator("#actuals-table tbody tr");
        await rows.Filter(new() { HasText = "调解纠纷数量" }).Locator("input").First.FillAsync("320");
        var qualitative = rows.Filter(new() { HasText = "基层矛盾化解水平" });
        await Browser.SelectAsync(officer, qualitative, "达成档次", "达成年度指标");
        await qualitative.GetByLabel("评价得分").FillAsync("30");
        await rows.Filter(new() { HasText = "当事人满意度" }).Locator("input").First.FillAsync("95");
        await officer.ClickAsync("#actuals-save");
        await officer.WaitForSelectorAsync("text=实际完成值已保存");
        await officer.WaitForSelectorAsync("#evaluation-total >> text=自评得分 99.00 分");
        await Browser.ScreenshotAsync(officer, "performance-evaluation");
        await officer.ClickAsync("#submit-evaluation");
        await officer.WaitForSelectorAsync("text=绩效自评已提交审核");

        // 4. The reviewer approves the self-evaluation and downloads the score table.
        await Browser.OpenAsync(reviewer, projectUrl);
        await reviewer.ClickAsync("#approve-evaluation");
        await reviewer.WaitForSelectorAsync("text=绩效自评已审核通过");
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "自评表和报告" }).ClickAsync();
        var download = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.ClickAsync("#download-table-xlsx"));
        var saved = Path.Combine(Path.GetTempPath(), $"table-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        download.SuggestedFilename.ShouldContain("绩效自评表");
        using (var document = SpreadsheetDocument.Open(saved, false))
        {
            var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText;
            strings.ShouldContain("蓬江区人民调解工作经费");
            strings.ShouldContain("调解纠纷数量");
        }

        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "审核记录" }).ClickAsync();
        var history = await reviewer.Locator("#history-table").InnerTextAsync();
        history.ShouldContain("绩效目标");
        history.ShouldContain("单位已审核");
        await Browser.ScreenshotAsync(reviewer, "performance-history");
    }

    [Fact]
    public async Task SeedProject_OpensWithScoreAndMonitoring()
    {
        var web = await apps.Get();
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.PerformanceDemo>().SeedAsync();
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.leader");
        await Browser.OpenAsync(page, "performance/projects");
        await page.GetByLabel("项目名称或编码").FillAsync("2023-SFJ-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.Locator("#projects-table tr", new() { HasText = "2023-SFJ-01" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#project-title");
        await page.GetByRole(AriaRole.Tab, new() { Name = "绩效自评" }).ClickAsync();
        await page.WaitForSelectorAsync("#evaluation-total >> text=自评得分 98.00 分");
        await Browser.ScreenshotAsync(page, "seed-evaluation");
        await page.GetByRole(AriaRole.Tab, new() { Name = "双监控" }).ClickAsync();
        await page.WaitForSelectorAsync("text=逐月累计执行率");
        await Browser.ScreenshotAsync(page, "seed-monitoring");

        await Browser.OpenAsync(page, "performance/monitoring");
        await page.WaitForSelectorAsync("#monitoring-table >> text=立法、规范性文件审核");
        await Browser.ScreenshotAsync(page, "monitoring");
    }

    private static async Task AddIndicatorAsync(IPage page, string name, string? level2, string? target = null, string? unit = null, string? qualitative = null, string points = "10")
    {
        await page.ClickAsync("#indicator-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("三级指标名称").FillAsync(name);
        if (level2 is not null)
        {
            await Browser.SelectAsync(page, dialog, "二级指标", level2);
        }

        if (qualitative is not null)
        {
            await dialog.GetByText("定性指标").ClickAsync();
            await dialog.GetByLabel("定性目标").FillAsync(qualitative);
        }
        else
        {
            await dialog.GetByLabel("年度指标值").FillAsync(target!);
            await dialog.GetByLabel("计量单位").FillAsync(unit!);
        }

        await dialog.Locator("#indicator-points").FillAsync(points);
        await dialog.Locator("#indicator-save").ClickAsync();
        await page.WaitForSelectorAsync($"#indicators-table >> text={name}");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
