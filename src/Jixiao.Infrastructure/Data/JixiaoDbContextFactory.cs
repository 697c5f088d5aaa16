using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The provider-specific context options, built once per process from configuration: SQLite (a file
/// in the data folder) unless <c>Database:Provider</c> says Postgres with <c>ConnectionStrings:Jixiao</c>.
/// </summary>
public sealed class DatabaseSettings
{
    private readonly DbContextOptions<SqliteJixiaoDbContext>? sqlite;
    private readonly DbContextOptions<PostgresJixiaoDbContext>? postgres;

    public DatabaseSettings(DatabaseProvider provider, string connectionString, AuditInterceptor interceptor)
    {
        Provider = provider;
        ConnectionString = connectionString;
        // Lists of ids (the user's units in every scope filter, a page's ids): SQLite binds each named parameter by
        // a linear search, so a province user's 144 units in several filters cost more than the query; they go in as
        // constants there, and as one array parameter (= ANY) on PostgreSQL.
        if (provider == DatabaseProvider.Sqlite)
        {
            sqlite = new DbContextOptionsBuilder<SqliteJixiaoDbContext>()
                .UseSqlite(connectionString, o => o.MigrationsHistoryTable("__migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Constant))
                .AddInterceptors(interceptor)
                .Options;
        }
        else
        {
            postgres = new DbContextOptionsBuilder<PostgresJixiaoDbContext>()
                .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(interceptor)
                .Options;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Connection string from configuration, or the SQLite file in the data folder.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string dataDirectory)
    {
        var providerText = configuration[$"{DatabaseOptions.Section}:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new Domain.DomainException($"配置项 Database:Provider 的值“{providerText}”无效：应为 Sqlite 或 Postgres。");
        }

        var configured = configuration.GetConnectionString("Jixiao");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (provider, configured);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new Domain.DomainException("使用 PostgreSQL 时必须配置连接字符串 ConnectionStrings:Jixiao（环境变量 ConnectionStrings__Jixiao）。");
        }

        var full = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(full);
        return (provider, $"Data Source={Path.Combine(full, "jixiao.db")};Foreign Keys=True;Default Timeout=30");
    }

    public JixiaoDbContext Create(CurrentUser user) => Provider == DatabaseProvider.Sqlite
        ? new SqliteJixiaoDbContext(sqlite!, user)
        : new PostgresJixiaoDbContext(postgres!, user);
}

/// <summary>Creates a context per operation for the current request, circuit or command.</summary>
public sealed class JixiaoDbContextFactory(DatabaseSettings settings, CurrentUser currentUser) : IDbContextFactory<JixiaoDbContext>
{
    public JixiaoDbContext CreateDbContext() => settings.Create(currentUser);

    /// <summary>A context that sees every unit, for resolving scopes and background work.</summary>
    public JixiaoDbContext CreateSystemContext() => settings.Create(CurrentUser.System("系统"));
}
