using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Infrastructure.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> for the SQLite migration set.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJixiaoDbContext>
{
    public SqliteJixiaoDbContext CreateDbContext(string[] args) =>
        (SqliteJixiaoDbContext)new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db", new AuditInterceptor(TimeProvider.System))
            .Create(CurrentUser.System());
}

/// <summary>Used by <c>dotnet ef migrations add</c> for the PostgreSQL migration set (no server needed).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJixiaoDbContext>
{
    public PostgresJixiaoDbContext CreateDbContext(string[] args) =>
        (PostgresJixiaoDbContext)new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=jixiao_design", new AuditInterceptor(TimeProvider.System))
            .Create(CurrentUser.System());
}
