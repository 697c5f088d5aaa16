using System.ComponentModel.DataAnnotations;

namespace Jixiao.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database" (environment: Database__Provider).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when <c>jixiao serve</c> starts (default on).</summary>
    public bool MigrateAtStartup { get; set; } = true;
}

/// <summary>Configuration section "Jixiao": where data lives and how the product behaves.</summary>
public sealed class JixiaoOptions
{
    public const string Section = "Jixiao";

    /// <summary>Folder for the SQLite file and stored files; <c>--data</c> on the command line.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FilesDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "files");
}
