using System.Security.Claims;
using Jixiao.Features;
using Jixiao.Features.Demo;
using Jixiao.Infrastructure;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jixiao.Features.Tests.Infrastructure;

/// <summary>
/// The product's real DI container on a fresh database of one provider, migrated and seeded with
/// the demo units and accounts. Tests act as a demo user through <see cref="As"/>.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string? postgresDatabase;
    private readonly string dataDirectory;
    private readonly Dictionary<string, string?> settings;

    private TestApp(IHost host, DatabaseProvider provider, string dataDirectory, string? postgresDatabase, Dictionary<string, string?> settings)
    {
        this.host = host;
        Provider = provider;
        this.dataDirectory = dataDirectory;
        this.postgresDatabase = postgresDatabase;
        this.settings = settings;
    }

    public DatabaseProvider Provider { get; }

    public IServiceProvider Services => host.Services;

    public static async Task<TestApp> StartAsync(DatabaseProvider provider)
    {
        var data = Path.Combine(Path.GetTempPath(), "jixiao-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = TestDatabase.Settings(provider, data, out var pgDatabase);
        var host = BuildHost(settings);
        if (pgDatabase is not null)
        {
            await TestDatabase.CreatePostgresDatabaseAsync(pgDatabase);
        }

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var app = new TestApp(host, provider, data, pgDatabase, settings);
        await using (var scope = app.AsSystem())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        return app;
    }

    /// <summary>
    /// Another node of the product on the same database and data folder (as a second <c>jixiao serve</c>
    /// behind a load balancer): its own container, caches and Data Protection key ring.
    /// </summary>
    public IHost StartSecondNode(Action<IServiceCollection>? configure = null) => BuildHost(settings, configure);

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddInfrastructure().AddFeatures();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    private readonly SemaphoreSlim seedGate = new(1, 1);
    private readonly HashSet<Type> seeded = [];

    /// <summary>Seeds a demo data set once for this app, however many tests of the class ask for it.</summary>
    public async Task<TestApp> WithDemoAsync<TDemo>(Func<TDemo, Task> seed)
        where TDemo : notnull
    {
        ArgumentNullException.ThrowIfNull(seed);
        await seedGate.WaitAsync();
        try
        {
            if (seeded.Add(typeof(TDemo)))
            {
                await using var scope = AsSystem();
                await seed(scope.ServiceProvider.GetRequiredService<TDemo>());
            }
        }
        finally
        {
            seedGate.Release();
        }

        return this;
    }

    /// <summary>A scope acting as the command line (every unit, every role).</summary>
    public AsyncServiceScope AsSystem()
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("测试");
        return scope;
    }

    /// <summary>A scope acting as the named user, signed in as the web server would sign them in.</summary>
    public async Task<AsyncServiceScope> As(string userName)
    {
        var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var authenticated = new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "Test"));
        await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(scope.ServiceProvider.GetRequiredService<CurrentUser>(), authenticated, "10.0.0.1");
        return scope;
    }

    /// <summary>A fresh context that sees everything, for asserting what was stored.</summary>
    public JixiaoDbContext Db() => host.Services.GetRequiredService<DatabaseSettings>().Create(CurrentUser.System("断言"));

    public async ValueTask DisposeAsync()
    {
        seedGate.Dispose();
        host.Dispose();
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(postgresDatabase);
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// Where the tests' databases live: SQLite files in a temp folder always; PostgreSQL when
/// JIXIAO_TEST_POSTGRES holds a connection string to a server (as .ci/run sets it).
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "JIXIAO_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    public static DatabaseProvider Require(string provider)
    {
        var parsed = Enum.Parse<DatabaseProvider>(provider);
        if (parsed == DatabaseProvider.Postgres && PostgresServer is null)
        {
            Assert.Skip($"PostgreSQL not configured: set {PostgresVariable} (the .ci/run script does).");
        }

        return parsed;
    }

    public static Dictionary<string, string?> Settings(DatabaseProvider provider, string dataDirectory, out string? postgresDatabase)
    {
        postgresDatabase = null;
        var settings = new Dictionary<string, string?>
        {
            ["Jixiao:DataDirectory"] = dataDirectory,
            ["Database:Provider"] = provider.ToString(),
        };
        if (provider == DatabaseProvider.Postgres)
        {
            postgresDatabase = "jixiao_test_" + Guid.NewGuid().ToString("N")[..12];
            settings["ConnectionStrings:Jixiao"] = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresDatabase }.ConnectionString;
        }

        return settings;
    }

    public static async Task CreatePostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropPostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One started instance per database provider, shared by the tests of a class and started on first use.</summary>
public class PerProvider<T>(Func<DatabaseProvider, Task<T>> start) : IAsyncDisposable
    where T : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<T>> started = [];
    private readonly Lock gate = new();

    /// <summary>The instance for the provider; skips the test when that provider is not configured.</summary>
    public Task<T> Get(string provider = "Sqlite")
    {
        var p = TestDatabase.Require(provider);
        lock (gate)
        {
            if (!started.TryGetValue(p, out var instance))
            {
                started[p] = instance = start(p);
            }

            return instance;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in started.Values)
        {
            await (await instance).DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The product's container on a fresh database, one per provider.</summary>
public sealed class Apps() : PerProvider<TestApp>(TestApp.StartAsync);
