using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download). Screenshots go to
/// TestResults/screenshots at the repository root, to be looked at.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"{ChromiumPath} not installed (apt-get install chromium; .ci/run does).");
        }

        playwright ??= await Playwright.CreateAsync();
        browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Opens a signed-in page and waits until it is interactive (the circuit is connected).</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#jx-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public static async Task SignInAsync(IPage page, string userName, string password = Jixiao.Features.Demo.DemoData.DemoPassword)
    {
        await page.GotoAsync("account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("text=我的待办");
        await page.Locator("#jx-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Opens a MudSelect by its label inside a container and picks the item with the given text.</summary>
    public static async Task SelectAsync(IPage page, ILocator container, string label, string item)
    {
        await container.Locator("div.mud-select.mud-input-control", new() { HasText = label }).First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First;
        await option.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await Task.Delay(300); // the list slides open; a click during the animation can miss
        await option.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item }).First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
