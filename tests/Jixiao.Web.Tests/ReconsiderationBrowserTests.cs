using Jixiao.Domain.Reconsideration;
using Microsoft.EntityFrameworkCore;
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
        await close.Locator("#action-missing").WaitForAsync();
        (await close.Locator("#action-missing").InnerTextAsync()).ShouldContain("决定书/调解书文号");
        await close.Locator("#action-document").FillAsync(caseNumber);
        await close.Locator("#action-confirm").ClickAsync();
        await page.WaitForSelectorAsync("text=已审结");
        (await page.Locator("#decision-document").InnerTextAsync()).ShouldContain($"行政复议决定书　文号：{caseNumber}");

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

        // The demo's closed case whose opinion letter is overdue shows red among the open cases; its page shows the letter, the 抄告 and the performance.
        await page.Locator("#open-deadlines-table tr", new() { HasText = "意见书整改反馈" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForSelectorAsync("#letters-table");
        (await page.Locator("#letters-table").InnerTextAsync()).ShouldContain("超期");
        (await page.Locator("#copies-table").InnerTextAsync()).ShouldContain("江门市人民政府");
        (await page.Locator("#performance").InnerTextAsync()).ShouldContain("待履行");
        await Browser.ScreenshotAsync(page, "reconsideration-follow-up");
    }

    [Fact]
    public async Task Handler_IssuesAnOpinionLetter_SeesItsDeadline_RecordsTheReply()
    {
        var web = await apps.Get();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var served = today.AddDays(-30);
        var calendar = web.Services.GetRequiredService<Jixiao.Infrastructure.Calendar.WorkdayCalendarProvider>().Calendar;
        if (!calendar.Covers(served.AddDays(-20)) || !calendar.Covers(served.AddDays(64)))
        {
            Assert.Skip($"工作日历未包含{served.AddDays(64).Year}年。");
        }

        var caseId = await ClosedCaseAsync(web, served.AddDays(-20), served.AddDays(-5));
        var due = ReconsiderationDeadlines.LetterFeedback(new LetterFacts(LetterKind.Opinion, "x", served, null), today, calendar).Due!.Value;

        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, $"reconsideration/cases/{caseId}");
        await page.WaitForSelectorAsync("#decision-document");
        await page.ClickAsync("#issue-letter");
        var dialog = page.Locator(".mud-dialog");
        (await dialog.Locator("#action-hint").InnerTextAsync()).ShouldContain("第七十六条");
        (await dialog.Locator("input#action-text").InputValueAsync()).ShouldBe("江门市市场监督管理局");
        await dialog.Locator("#action-document").FillAsync("江府复意〔2026〕88号");
        var date = dialog.Locator("#action-date input, input#action-date").First;
        await date.FillAsync(served.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await dialog.Locator("#action-note").FillAsync("行政处罚决定未依法告知陈述申辩权利，请纠正并报送整改情况。");
        await Browser.ScreenshotAsync(page, "reconsideration-letter-dialog");
        await dialog.Locator("#action-confirm").ClickAsync();
        await page.WaitForSelectorAsync("#letters-table >> text=江府复意〔2026〕88号");

        var letterRow = page.Locator("#letters-table tbody tr", new() { HasText = "江府复意〔2026〕88号" });
        var rowText = await letterRow.InnerTextAsync();
        rowText.ShouldContain(served.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        rowText.ShouldContain($"至{due:yyyy-MM-dd}届满");
        rowText.ShouldContain("《行政复议法》第七十六条");
        (await page.Locator("#deadlines-table").InnerTextAsync()).ShouldContain("意见书整改反馈（江府复意〔2026〕88号）");
        await Browser.ScreenshotAsync(page, "reconsideration-letter-issued");

        await letterRow.GetByRole(AriaRole.Button, new() { Name = "登记整改反馈" }).ClickAsync();
        var reply = page.Locator(".mud-dialog");
        await reply.Locator("#action-document").FillAsync("江市监函〔2026〕5号");
        await reply.Locator("#action-note").FillAsync("已撤销原处罚决定并重新作出，对承办人员批评教育。");
        await reply.Locator("#action-confirm").ClickAsync();
        await page.WaitForSelectorAsync("#letters-table >> text=江市监函〔2026〕5号");
        (await letterRow.InnerTextAsync()).ShouldContain("按期完成");
        (await page.Locator("#steps-table").InnerTextAsync()).ShouldContain("收到整改反馈");
        await Browser.ScreenshotAsync(page, "reconsideration-letter-replied");
    }

    /// <summary>A city case received and closed on the given days, written as the demo writes its past cases.</summary>
    private static async Task<int> ClosedCaseAsync(RunningWeb web, DateOnly received, DateOnly closed)
    {
        await using var db = web.Services.GetRequiredService<Jixiao.Infrastructure.Data.DatabaseSettings>().Create(Jixiao.Infrastructure.Scope.CurrentUser.System("测试"));
        var city = await db.Units.SingleAsync(u => u.Code == Jixiao.Features.Demo.DemoData.CityBureau);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == "江门市市场监督管理局");
        if (agency is null)
        {
            agency = new Agency("江门市市场监督管理局", "江门市人民政府");
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }

        var actor = new CaseActor(0, "吴家豪", "jx.case");
        DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var number = await Jixiao.Features.Reconsideration.CaseNumbers.NextAsync(db, city, received.Year, CancellationToken.None);
        var c = new ReconsiderationCase(city.Id, number, received, MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
            "司徒文辉", agency.Name, actor, At(received));
        c.Accept(Procedure.Ordinary, actor, At(received.AddDays(1)));
        c.Close(ReconsiderationOutcome.Uphold, actor, At(closed), new CaseDocument(number, "行政复议决定书"));
        db.ReconsiderationCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
