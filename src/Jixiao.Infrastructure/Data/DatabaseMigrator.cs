using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Applies the provider's pending migrations (<c>jixiao db migrate</c>, and <c>serve</c> at start), then copies
/// files kept in the data folder by an older version into the database (ADR-016).
/// </summary>
public sealed class DatabaseMigrator(DatabaseSettings settings, Documents.FileStore files, IDataProtectionProvider dataProtection, ILogger<DatabaseMigrator> logger)
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

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Table statistics for the query planner (SQLite keeps none by itself); cheap when they are current.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }

        // The first sign-in key, created here (once, by whoever migrates) rather than by each node on its
        // first request: nodes started together then all begin with the same key ring.
        dataProtection.CreateProtector("Jixiao.KeyRing").Protect([1]);

        // Files this node kept in its data folder before they moved into the database (ADR-016).
        await files.ImportLegacyFilesAsync(cancellationToken);

        return pending;
    }
}
