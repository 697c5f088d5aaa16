using System.CommandLine;
using Jixiao.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class DatabaseCommand
{
    public static Command Create()
    {
        var db = new Command("db", "数据库维护。Database maintenance.");
        var migrate = new Command("migrate", "应用尚未执行的数据库迁移。Apply pending migrations to the configured database (SQLite or PostgreSQL).");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            var settings = host.Services.GetRequiredService<DatabaseSettings>();
            var applied = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"数据库（{settings.Provider}）已是最新，无需迁移。"
                : $"数据库（{settings.Provider}）已应用 {applied.Count} 个迁移：{string.Join(", ", applied)}");
            return CommandLine.Ok;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
