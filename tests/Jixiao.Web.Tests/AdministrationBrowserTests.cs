using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class AdministrationBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task Administrator_CreatesUser_AndFindsItInTheAuditLog()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "admin");
        await Browser.ScreenshotAsync(page, "home-admin");

        await Browser.OpenAsync(page, "admin/users");
        await page.WaitForSelectorAsync("text=cz.review");
        await page.ClickAsync("#user-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("用户名").FillAsync("hs.perf");
        await dialog.GetByLabel("姓名").FillAsync("何淑贞");
        await dialog.Locator("div.mud-select.mud-input-control", new() { HasText = "所属单位" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "鹤山市司法局" }).ClickAsync();
        await dialog.Locator("div.mud-select.mud-input-control", new() { HasText = "角色" }).ClickAsync();
        var roleItem = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "绩效填报人" });
        await roleItem.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await Task.Delay(300); // the list slides open; a click during the animation can miss
        await roleItem.ClickAsync();
        await dialog.Locator("div.mud-select.mud-input-control", new() { HasText = "角色" }).Locator("input").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-dialog input')].some(i => i.value.includes('绩效填报人'))");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "绩效填报人" }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await Browser.ScreenshotAsync(page, "user-dialog");
        await dialog.Locator("#user-save").ClickAsync();
        await page.WaitForSelectorAsync("text=初始密码");
        (await page.Locator(".mud-dialog", new() { HasText = "用户已创建" }).InnerTextAsync()).ShouldMatch(@"初始密码[\s\S]*[A-Za-z0-9]{14}");
        await page.GetByRole(AriaRole.Button, new() { Name = "我已记下" }).ClickAsync();
        await page.WaitForSelectorAsync("#users-table >> text=何淑贞");
        (await page.Locator("#users-table tr", new() { HasText = "hs.perf" }).InnerTextAsync()).ShouldContain("鹤山市司法局");
        await Browser.ScreenshotAsync(page, "users");

        await Browser.OpenAsync(page, "admin/audit");
        await page.WaitForSelectorAsync("#audit-table");
        await page.GetByLabel("变更内容包含").FillAsync("何淑贞");
        await page.ClickAsync("#audit-search");
        var row = page.Locator("#audit-table tbody tr", new() { HasText = "何淑贞" }).First;
        await row.WaitForAsync();
        var text = await row.InnerTextAsync();
        text.ShouldContain("新增");
        text.ShouldContain("用户");
        text.ShouldContain("陈志明");
        await Browser.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task SignInPage_ShowsChineseAndRefusesWrongPassword()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await page.GotoAsync("admin/units");
        page.Url.ShouldContain("/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login-submit");
        (await page.Locator("#login-error").InnerTextAsync()).ShouldBe("用户名或密码错误。");
        await Browser.ScreenshotAsync(page, "login-error");
    }

    [Fact]
    public async Task Units_AdministratorAddsACountyOffice()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "admin");
        await Browser.OpenAsync(page, "admin/units");
        await page.WaitForSelectorAsync("#units-table >> text=恩平市司法局");
        await page.ClickAsync("#unit-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("单位代码").FillAsync("440785-01");
        await dialog.GetByLabel("单位名称").FillAsync("恩平市司法局办公室");
        await dialog.Locator("div.mud-select.mud-input-control", new() { HasText = "上级单位" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "恩平市司法局" }).First.ClickAsync();
        await dialog.Locator("#unit-save").ClickAsync();
        await page.WaitForSelectorAsync("#units-table >> text=恩平市司法局办公室");
        await Browser.ScreenshotAsync(page, "units");
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
