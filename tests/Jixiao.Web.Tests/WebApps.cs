using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Features.Demo;
using Jixiao.Features.Tests.Infrastructure;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Jixiao.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// The real web server (Kestrel on a random loopback port) with demo data, one per provider,
/// started on first use and shared by the tests of a class.
/// </summary>
public sealed class WebApps() : PerProvider<RunningWeb>(p => RunningWeb.StartAsync(p))
{
    public const int MaxFailedAccessAttempts = 3;
}

public sealed partial class RunningWeb : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string data;
    private readonly string? postgresDatabase;

    private RunningWeb(WebApplication app, string data, string? postgresDatabase)
    {
        this.app = app;
        this.data = data;
        this.postgresDatabase = postgresDatabase;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts a server; <paramref name="extra"/> settings override the test defaults.</summary>
    public static async Task<RunningWeb> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "jixiao-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = TestDatabase.Settings(provider, data, out var pgDatabase);
        settings["Logging:Format"] = "text";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Jixiao:Security:MaxFailedAccessAttempts"] = WebApps.MaxFailedAccessAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (pgDatabase is not null)
        {
            await TestDatabase.CreatePostgresDatabaseAsync(pgDatabase);
        }

        var app = WebApp.Build(data, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(settings));
        await WebApp.PrepareAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("测试");
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        await app.StartAsync();
        return new RunningWeb(app, data, pgDatabase);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed.</summary>
    public HttpClient Client(CookieContainer? cookies = null) => new(new HttpClientHandler
    {
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = false,
    })
    { BaseAddress = BaseAddress };

    /// <summary>Posts the sign-in form as a browser does (with its antiforgery token); returns the response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "account/login");
        return await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoData.DemoPassword)
    {
        var client = Client();
        var response = await PostLoginAsync(client, userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {userName} failed: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on " + page);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(postgresDatabase);
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
