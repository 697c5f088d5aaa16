using System.Net;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Tests.Infrastructure;
using Jixiao.Features.Tests.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>Notices from the case page and the notice templates page, and the download address's scope.</summary>
public sealed class NoticeBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>A city case received 29 January 2024, accepted on the 31st (decision due 1 April), copy sent, closed with 维持.</summary>
    private static async Task<int> ClosedCityCaseAsync(RunningWeb web)
    {
        await using var db = web.Services.GetRequiredService<DatabaseSettings>().Create(CurrentUser.System("测试"));
        return await NoticeCases.SeedAsync(db, "440700", "2024-01-29", c =>
        {
            c.Accept(Procedure.Ordinary, NoticeCases.Handler, NoticeCases.At("2024-01-31"), new CaseDocument("江府复受〔2024〕8号", "行政复议受理通知书"));
            c.SendCopyToRespondent(NoticeCases.Handler, NoticeCases.At("2024-02-02"));
            c.Close(ReconsiderationOutcome.Uphold, NoticeCases.Handler, NoticeCases.At("2024-03-28"), new CaseDocument("江府行复〔2024〕7号", "行政复议决定书"));
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Download_ScopeAndRole_404Outside403WithoutTheArea(string provider)
    {
        var web = await apps.Get(provider);
        var id = await ClosedCityCaseAsync(web);
        var address = $"export/reconsideration/cases/{id}/notices/accept.docx";

        using (var anonymous = web.Client())
        {
            (await anonymous.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var county = await web.SignedInClientAsync("jh.case"))
        {
            var response = await county.GetAsync(address);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).ShouldContain("不在您的数据范围内");
        }

        foreach (var user in new[] { "jx.leader", "admin" })
        {
            using var client = await web.SignedInClientAsync(user);
            (await client.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        using var handler = await web.SignedInClientAsync("jx.case");
        var ok = await handler.GetAsync(address);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Content.Headers.ContentType!.MediaType.ShouldBe(DocxTemplate.ContentType);
        var text = DocxText.Extract(await ok.Content.ReadAsStreamAsync());
        text.ShouldContain("即不迟于2024年4月1日作出行政复议决定");

        var refused = await handler.GetAsync($"export/reconsideration/cases/{id}/notices/refuse.docx");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("不是以不予受理办结的，不能生成不予受理决定书");
        (await handler.GetAsync($"export/reconsideration/cases/{id}/notices/letter.docx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await handler.GetAsync("export/notice-templates/accept.docx?default=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Handler_GeneratesANoticeFromTheCasePage_OnlyTheValidOnesOffered()
    {
        var web = await apps.Get();
        var id = await ClosedCityCaseAsync(web);
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "jx.case");
        await Browser.OpenAsync(page, $"reconsideration/cases/{id}");
        await page.WaitForSelectorAsync("#case-title");

        await page.GetByRole(AriaRole.Button, new() { Name = "生成文书" }).ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-menu-item");
        await items.First.WaitForAsync();
        (await items.AllInnerTextsAsync()).Select(t => t.Split('（')[0].Trim()).ShouldBe(["行政复议受理通知书", "提出答复通知书", "行政复议决定书"]);
        await Browser.ScreenshotAsync(page, "reconsideration-notice-menu");

        var download = await page.RunAndWaitForDownloadAsync(() => items.Filter(new() { HasText = "行政复议受理通知书" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("行政复议受理通知书_江府复〔2024〕");
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            await using var file = File.OpenRead(path);
            var text = DocxText.Extract(file);
            text.ShouldStartWith("江门市人民政府\n行政复议受理通知书\n江府复受〔2024〕8号");
            text.ShouldContain("梁嘉欣：");
            text.ShouldContain("决定自2024年1月31日起受理");
            text.ShouldContain("即不迟于2024年4月1日作出行政复议决定");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Administrator_UploadsATemplate_RefusedWithUnknownPlaceholders_ThenUsedUntilRestored()
    {
        var web = await apps.Get();
        var id = await ClosedCityCaseAsync(web);
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "admin");
        await page.Locator(".mud-nav-link", new() { HasText = "文书模板" }).ClickAsync();
        await page.WaitForSelectorAsync("#templates-table");
        (await page.Locator("#templates-table tr[id^='template-']").CountAsync()).ShouldBe(6);
        await page.ClickAsync("#fields-accept");
        await page.WaitForSelectorAsync("#fields-table >> text={{审理期限届满日}}");
        await Browser.ScreenshotAsync(page, "admin-notice-templates");

        var row = page.Locator("#template-accept");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByText("下载默认模板").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        var original = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        DocxText.Extract(new MemoryStream(original)).ShouldContain("{{审理期限届满日}}");

        await page.SetInputFilesAsync("#upload-accept", new FilePayload
        {
            Name = "受理通知书（本局）.docx",
            MimeType = DocxTemplate.ContentType,
            Buffer = NoticeCases.WithParagraph(original, "签发人：{{签发人}}"),
        });
        await page.WaitForSelectorAsync("#template-problems >> text=未知的占位符“{{签发人}}”");
        (await row.InnerTextAsync()).ShouldContain("默认模板");
        await Browser.ScreenshotAsync(page, "admin-notice-templates-refused");

        await page.SetInputFilesAsync("#upload-accept", new FilePayload
        {
            Name = "受理通知书（本局）.docx",
            MimeType = DocxTemplate.ContentType,
            Buffer = NoticeCases.WithParagraph(original, "联系人：复议科，案号{{案号}}。"),
        });
        await row.GetByText("自定义").WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("受理通知书（本局）.docx");
        using (var handler = await web.SignedInClientAsync("jx.case"))
        {
            var text = DocxText.Extract(new MemoryStream(await handler.GetByteArrayAsync($"export/reconsideration/cases/{id}/notices/accept.docx")));
            text.ShouldContain("联系人：复议科，案号江府复〔2024〕");
        }

        await page.ClickAsync("#restore-accept");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "恢复默认" }).ClickAsync();
        await page.WaitForSelectorAsync("text=已恢复默认模板");
        (await row.InnerTextAsync()).ShouldContain("默认模板");
        using (var handler = await web.SignedInClientAsync("jx.case"))
        {
            DocxText.Extract(new MemoryStream(await handler.GetByteArrayAsync($"export/reconsideration/cases/{id}/notices/accept.docx"))).ShouldNotContain("联系人：复议科");
        }
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
