using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jixiao.Infrastructure.Data;

/// <summary>Applies the provider's pending migrations (<c>jixiao db migrate</c>, and <c>serve</c> at start).</summary>
public sealed class DatabaseMigrator(DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <returns>The migrations that were applied.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = settings.Create(CurrentUser.System("数据库迁移"));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while one writer commits; the setting persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Nothing pending (every start but the first after an upgrade): skip Migrate, which would also diff the model
        // snapshot against the model, the slowest part of a cold start.
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        return pending;
    }
}
