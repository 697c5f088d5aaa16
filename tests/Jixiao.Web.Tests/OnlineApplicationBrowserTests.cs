using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class OnlineApplicationBrowserTests(OnlineWebApps apps) : IClassFixture<OnlineWebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Citizen_AppliesWithAnAttachmentAndFollowsTheCase_StaffSeeItOnlineAndOpenTheFile()
    {
        var web = await apps.Get();
        var idNumber = OnlineForm.IdNumber("44078419790423152");
        var citizen = await browser.NewPageAsync(web.BaseAddress);
        await citizen.GotoAsync("apply");
        await Browser.ScreenshotAsync(citizen, "online-apply-form");

        // Two files too many is caught in the browser before any work is done.
        await citizen.SetInputFilesAsync("#attachments", [.. Enumerable.Range(1, 6).Select(i => new FilePayload { Name = $"材料{i}.pdf", MimeType = "application/pdf", Buffer = OnlineForm.Pdf })]);
        (await citizen.Locator("#attachments-error").InnerTextAsync()).ShouldContain("附件最多5个");

        await citizen.SelectOptionAsync("#body", "440700");
        await citizen.FillAsync("#name", "区慧敏");
        await citizen.FillAsync("#id-number", idNumber[..^1] + (idNumber[^1] == '0' ? '1' : '0'));
        await citizen.FillAsync("#phone", "13822345678");
        await citizen.FillAsync("#address", "江门市鹤山市沙坪街道新华路12号");
        await citizen.FillAsync("#respondent", "鹤山市市场监督管理局");
        await citizen.FillAsync("#contested-act", "鹤市监罚〔2026〕17号行政处罚决定书");
        await citizen.FillAsync("#requests", "请求撤销被申请人作出的鹤市监罚〔2026〕17号行政处罚决定。");
        await citizen.SetInputFilesAsync("#attachments", new FilePayload { Name = "行政处罚决定书.pdf", MimeType = "application/pdf", Buffer = OnlineForm.Pdf });
        (await citizen.Locator("#attachments-error").InnerTextAsync()).ShouldBeEmpty();
        await citizen.ClickAsync("#apply-submit");

        // The server's checks name each field; what was typed stays, the file must be chosen again.
        await citizen.WaitForSelectorAsync("#apply-problems");
        var problems = await citizen.Locator("#apply-problems").InnerTextAsync();
        problems.ShouldContain("身份证号码校验位错误");
        problems.ShouldContain("事实和理由不能为空");
        problems.ShouldContain("附件需重新选择");
        (await citizen.InputValueAsync("#name")).ShouldBe("区慧敏");
        await Browser.ScreenshotAsync(citizen, "online-apply-problems");

        await citizen.FillAsync("#id-number", idNumber);
        await citizen.FillAsync("#facts", "申请人经营的食品店于2026年10月被处罚款5000元。被申请人认定申请人销售过期食品，但涉案商品系供应商退货待返品，已单独存放并标注，未对外销售。");
        await citizen.SetInputFilesAsync("#attachments", new FilePayload { Name = "行政处罚决定书.pdf", MimeType = "application/pdf", Buffer = OnlineForm.Pdf });
        await citizen.ClickAsync("#apply-submit");
        await citizen.WaitForSelectorAsync("#receipt-number");
        var caseNumber = await citizen.Locator("#receipt-number").InnerTextAsync();
        var code = await citizen.Locator("#receipt-code").InnerTextAsync();
        caseNumber.ShouldStartWith("江府复〔");
        code.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$");
        (await citizen.Locator("#receipt").InnerTextAsync()).ShouldContain("行政处罚决定书.pdf");
        await Browser.ScreenshotAsync(citizen, "online-apply-receipt");

        await citizen.ClickAsync("#receipt-status");
        await citizen.FillAsync("#case-number", caseNumber);
        await citizen.FillAsync("#query-code", code.ToLowerInvariant());
        await citizen.FillAsync("#status-id", idNumber);
        await citizen.ClickAsync("#status-submit");
        await citizen.WaitForSelectorAsync("#status-stages");
        (await citizen.Locator("#status-stages").InnerTextAsync()).ShouldContain("审查中");
        await Browser.ScreenshotAsync(citizen, "online-status");

        await citizen.FillAsync("#query-code", code);
        await citizen.FillAsync("#status-id", OnlineForm.IdNumber("44078419790423153"));
        await citizen.ClickAsync("#status-submit");
        await citizen.WaitForSelectorAsync("#status-none");
        (await citizen.Locator("#status-stages").CountAsync()).ShouldBe(0);
        await Browser.ScreenshotAsync(citizen, "online-status-none");

        // The status form takes a few queries a minute from one address, then says so in Chinese.
        for (var i = 0; i < OnlineWebApps.StatusQueriesPerMinute && !(await citizen.ContentAsync()).Contains("查询过于频繁", StringComparison.Ordinal); i++)
        {
            await citizen.GotoAsync("apply/status");
            await citizen.FillAsync("#case-number", caseNumber);
            await citizen.ClickAsync("#status-submit");
            await citizen.WaitForLoadStateAsync();
        }

        (await citizen.Locator("#public-message-title").InnerTextAsync()).ShouldBe("查询过于频繁");
        await Browser.ScreenshotAsync(citizen, "online-too-many");

        // Plain HTTP at an intranet address is no secure context: no WebCrypto, and apply.js solves with its own SHA-256.
        var intranet = await browser.NewPageAsync(web.BaseAddress);
        await intranet.AddInitScriptAsync("Object.defineProperty(window, 'isSecureContext', { value: false });");
        await intranet.GotoAsync("apply");
        (await intranet.EvaluateAsync<bool>("() => window.isSecureContext")).ShouldBeFalse();
        await intranet.SelectOptionAsync("#body", "440784");
        await intranet.SelectOptionAsync("#kind", "Enterprise");
        await intranet.FillAsync("#name", "鹤山市沙坪好运来食品有限公司");
        await intranet.FillAsync("#id-number", "91440784MA4W0Q1K2" + Jixiao.Domain.Identity.UnifiedSocialCreditCode.ComputeCheckCharacter("91440784MA4W0Q1K2"));
        await intranet.FillAsync("#phone", "0750-8881234");
        await intranet.FillAsync("#address", "江门市鹤山市沙坪街道中山路3号");
        await intranet.FillAsync("#respondent", "鹤山市市场监督管理局");
        await intranet.FillAsync("#contested-act", "鹤市监罚〔2026〕18号行政处罚决定书");
        await intranet.FillAsync("#requests", "请求撤销该行政处罚决定。");
        await intranet.FillAsync("#facts", "同上一案件，涉案商品系退货待返品。");
        await intranet.ClickAsync("#apply-submit");
        await intranet.WaitForSelectorAsync("#receipt-number");
        (await intranet.Locator("#receipt-number").InnerTextAsync()).ShouldStartWith("鹤山府复〔");

        var staff = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(staff, "jx.case");
        await staff.WaitForSelectorAsync($"text=网上申请待审查：{caseNumber}");
        await Browser.OpenAsync(staff, "reconsideration/cases");
        await staff.FillAsync("#case-search-text", caseNumber);
        await staff.ClickAsync("#case-search");
        var row = staff.Locator("#cases-table tbody tr", new() { HasText = caseNumber });
        await row.WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("网上");
        await row.GetByText(caseNumber).ClickAsync();
        await staff.WaitForSelectorAsync("#online-attachments");
        (await staff.Locator("#online-application").InnerTextAsync()).ShouldContain("供应商退货");
        var download = await staff.RunAndWaitForDownloadAsync(() => staff.Locator("#online-attachments a", new() { HasText = "行政处罚决定书.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("行政处罚决定书.pdf");
        (await File.ReadAllBytesAsync(await download.PathAsync())).ShouldBe(OnlineForm.Pdf);
        await Browser.ScreenshotAsync(staff, "online-case-staff");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
