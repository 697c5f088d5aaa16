using Jixiao.Domain.Organization;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public sealed class AccountBrowserTests(WebApps apps) : IClassFixture<WebApps>, IAsyncDisposable
{
    private readonly Browser browser = new();

    [Fact]
    public async Task NewUser_MustChangePasswordAtFirstSignIn_ThenWorks()
    {
        var web = await apps.Get();
        string password;
        await using (var scope = web.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("测试");
            password = (await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command("first.login", "初次登录", "440781", [Roles.Leader]))).Password;
        }

        var page = await browser.NewPageAsync(web.BaseAddress);
        await page.GotoAsync("account/login");
        await page.FillAsync("#username", "first.login");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("text=请先设置新密码");
        await page.GotoAsync("performance/projects");
        page.Url.ShouldContain("/account/password");

        await page.FillAsync("#old", password);
        await page.FillAsync("#new", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("#password-submit");
        (await page.Locator("#password-error").InnerTextAsync()).ShouldContain("至少需要 8 个字符");

        await page.FillAsync("#old", password);
        await page.FillAsync("#new", "NewPass2026");
        await page.FillAsync("#confirm", "NewPass2026");
        await page.ClickAsync("#password-submit");
        await page.WaitForSelectorAsync("#password-done");
        await Browser.ScreenshotAsync(page, "password-changed");
        await Browser.OpenAsync(page, "");
        (await page.Locator("#home-unit").InnerTextAsync()).ShouldBe("台山市司法局");
    }

    [Fact]
    public async Task Setup_OnAnInstallWithAnAdministrator_IsClosed()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await page.GotoAsync("account/setup");
        (await page.Locator("#setup-closed").InnerTextAsync()).ShouldContain("初始化页面已关闭");
    }

    [Fact]
    public async Task Profiles_AdministratorCopiesTheNationalProfile()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "admin");
        await Browser.OpenAsync(page, "admin/profiles");
        await page.Locator("#profiles-table tr", new() { HasText = "national-2020 / 第 1 版" }).GetByRole(AriaRole.Button).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#profile-name").FillAsync("jiangmen-2024");
        await dialog.Locator("#profile-display").FillAsync("江门市方案（执行率20分）");
        await dialog.GetByLabel("预算执行分值").FillAsync("20");
        await dialog.GetByLabel("固定一级指标权重").UncheckAsync();
        await dialog.Locator("#profile-yellow").FillAsync("25");
        await dialog.Locator("#profile-red").FillAsync("20");
        await dialog.Locator("#profile-save").ClickAsync();
        await dialog.Locator(".mud-alert", new() { HasText = "黄灯" }).WaitForAsync();
        await dialog.Locator("#profile-yellow").FillAsync("15");
        await dialog.Locator("#profile-red").FillAsync("30");
        await dialog.Locator("#profile-save").ClickAsync();
        await page.WaitForSelectorAsync("#profiles-table >> text=江门市方案（执行率20分）");
        (await page.Locator("#profiles-table tr", new() { HasText = "jiangmen-2024" }).InnerTextAsync()).ShouldContain("20 分");
        (await page.Locator("#profiles-table tr", new() { HasText = "jiangmen-2024" }).InnerTextAsync()).ShouldContain("落后 15 点黄、30 点红");
        await Browser.ScreenshotAsync(page, "profiles");
    }

    [Fact]
    public async Task Calendar_AdministratorEntersAYear_AndABadDateIsExplained()
    {
        var web = await apps.Get();
        var page = await browser.NewPageAsync(web.BaseAddress);
        await Browser.SignInAsync(page, "admin");
        await Browser.OpenAsync(page, "admin/calendar");
        await page.WaitForSelectorAsync("#calendar-table >> text=国办发明电〔2022〕16号");
        await page.ClickAsync("#calendar-add");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#calendar-year").FillAsync("2097");
        await dialog.Locator("#calendar-off").FillAsync("2097-01-01~2097-01-32");
        await dialog.Locator("#calendar-source").FillAsync("测试用安排（非真实通知）");
        await dialog.Locator("#calendar-save").ClickAsync();
        await page.WaitForSelectorAsync(".mud-dialog >> text=不是有效日期");
        await dialog.Locator("#calendar-off").FillAsync("2097-01-01~2097-01-02");
        await dialog.Locator("#calendar-save").ClickAsync();
        await page.WaitForSelectorAsync("#calendar-table >> text=测试用安排（非真实通知）");
        (await page.Locator("#calendar-table tr", new() { HasText = "2097" }).InnerTextAsync()).ShouldContain("管理员录入");
        await Browser.ScreenshotAsync(page, "calendar");
    }

    [Fact]
    public async Task FirstRun_CreatesTheFirstAdministrator_ThenCloses()
    {
        var data = Path.Combine(Path.GetTempPath(), "jixiao-web-tests", Guid.NewGuid().ToString("N"));
        var app = Jixiao.Web.WebApp.Build(data, "http://127.0.0.1:0", b => b.Configuration["Logging:LogLevel:Default"] = "Warning");
        await Jixiao.Web.WebApp.PrepareAsync(app);
        await app.StartAsync();
        try
        {
            var page = await browser.NewPageAsync(new Uri(app.Urls.First()));
            await page.GotoAsync("account/login");
            await page.ClickAsync("text=初始化系统");
            await page.FillAsync("#unitcode", "440700");
            await page.FillAsync("#unitname", "江门市司法局");
            await page.FillAsync("#username", "chief");
            await page.FillAsync("#displayname", "系统管理员");
            await page.FillAsync("#password", "Chief2026x");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/account/login");
            await page.FillAsync("#username", "chief");
            await page.FillAsync("#password", "Chief2026x");
            await page.ClickAsync("#login-submit");
            await page.WaitForSelectorAsync("text=我的待办");
            await page.GotoAsync("account/setup");
            await page.WaitForSelectorAsync("#setup-closed");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    public ValueTask DisposeAsync() => browser.DisposeAsync();
}
