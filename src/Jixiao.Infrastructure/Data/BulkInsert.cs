using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Writes whole aggregates (a root entity with the entities of its collection navigations) straight to the
/// tables, without change tracking: for generated data sets of millions of rows. Table names, column names,
/// column types and value converters come from the EF model, so the writer follows schema changes. The roots
/// get their ids here (the next free ones), the dependents the foreign key of their parent; all rows are
/// written in one transaction, which the caller commits. SQLite: a prepared INSERT per table with the journal
/// kept in memory and synchronous off for the duration; PostgreSQL: binary COPY.
/// </summary>
/// <remarks>
/// Not audited row by row: the caller writes one audit entry for the run (through the context, in the same
/// transaction). One writer at a time: ids are allocated from the tables' maximum at the first write.
/// </remarks>
public sealed class BulkInsert : IAsyncDisposable
{
    private readonly JixiaoDbContext db;
    private readonly DbConnection connection;
    private readonly IDbContextTransaction transaction;
    private readonly Dictionary<Type, TablePlan> plans = [];
    private readonly string? sqliteJournalMode;
    private bool committed;

    private BulkInsert(JixiaoDbContext db, IDbContextTransaction transaction, string? sqliteJournalMode)
    {
        this.db = db;
        this.transaction = transaction;
        this.sqliteJournalMode = sqliteJournalMode;
        connection = db.Database.GetDbConnection();
    }

    /// <summary>Rows written so far, per table.</summary>
    public IReadOnlyDictionary<string, long> RowsPerTable => plans.Values.Where(p => p.Rows > 0).ToDictionary(p => p.Table, p => p.Rows);

    public long Rows => plans.Values.Sum(p => p.Rows);

    public bool IsPostgres => connection is NpgsqlConnection;

    /// <summary>
    /// Opens the context's connection and begins the transaction that every write (and any SaveChanges of the
    /// context) joins. On SQLite the journal goes to memory and syncing is off until <see cref="CommitAsync"/>.
    /// </summary>
    public static async Task<BulkInsert> BeginAsync(JixiaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            // Leaving WAL needs the only open connection to the file: idle pooled ones (the migration's, the sign-in
            // keys', the calendar's) are closed first.
            SqliteConnection.ClearAllPools();
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        string? journal = null;
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            journal = Scalar(sqlite, "PRAGMA journal_mode;");
            Scalar(sqlite, "PRAGMA journal_mode=MEMORY;");
            Scalar(sqlite, "PRAGMA synchronous=OFF;");
            Scalar(sqlite, "PRAGMA cache_size=-200000;");
            Scalar(sqlite, "PRAGMA temp_store=MEMORY;");
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new BulkInsert(db, transaction, journal);
    }

    /// <summary>Writes the roots and, recursively, the entities of their collection navigations; sets the roots' ids.</summary>
    /// <returns>The rows written.</returns>
    public async Task<long> InsertAsync<T>(IReadOnlyList<T> roots, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0)
        {
            return 0;
        }

        var plan = await PlanAsync(typeof(T), null, cancellationToken);
        var before = Rows;
        var ids = new long[roots.Count];
        for (var i = 0; i < roots.Count; i++)
        {
            ids[i] = ++plan.LastId;
            plan.SetKey(roots[i], ids[i]);
        }

        await WriteAsync(plan, roots.Cast<object>().ToList(), ids, null, cancellationToken);
        return Rows - before;
    }

    /// <summary>Brings the id sequences past the written ids (PostgreSQL), commits, and restores SQLite's journal settings.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (connection is NpgsqlConnection)
        {
            foreach (var plan in plans.Values.Where(p => p.WritesKey && p.Rows > 0))
            {
                var table = Quote(plan.Table, plan.Schema);
                var literal = plan.Schema is null ? Quote(plan.Table, null) : $"{Quote(plan.Schema, null)}.{Quote(plan.Table, null)}";
                await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{literal.Replace("'", "''", StringComparison.Ordinal)}', '{plan.KeyColumn}'), (SELECT MAX({Quote(plan.KeyColumn, null)}) FROM {table}));", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        committed = true;
        RestoreSqlite();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plan in plans.Values)
        {
            plan.Dispose();
        }

        if (!committed)
        {
            await transaction.RollbackAsync();
            RestoreSqlite();
        }

        await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private void RestoreSqlite()
    {
        if (connection is SqliteConnection sqlite && sqliteJournalMode is not null)
        {
            Scalar(sqlite, "PRAGMA synchronous=NORMAL;");
            Scalar(sqlite, $"PRAGMA journal_mode={sqliteJournalMode};");
        }
    }

    private async Task WriteAsync(TablePlan plan, List<object> rows, long[]? ids, long[]? parentIds, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, plan, rows, ids, parentIds, cancellationToken);
        }
        else
        {
            InsertSqlite((SqliteConnection)connection, plan, rows, ids, parentIds);
        }

        plan.Rows += rows.Count;
        foreach (var child in plan.Children)
        {
            var childRows = new List<object>();
            var childParents = new List<long>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (child.Navigation.GetGetter().GetClrValue(rows[i]) is IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        childRows.Add(item);
                        childParents.Add(ids![i]);
                    }
                }
            }

            if (childRows.Count == 0)
            {
                continue;
            }

            long[]? childIds = null;
            if (child.Plan.WritesKey)
            {
                childIds = new long[childRows.Count];
                for (var i = 0; i < childRows.Count; i++)
                {
                    childIds[i] = ++child.Plan.LastId;
                    child.Plan.SetKey(childRows[i], childIds[i]);
                }
            }

            await WriteAsync(child.Plan, childRows, childIds, [.. childParents], cancellationToken);
        }
    }

    /// <summary>
    /// One prepared single-row INSERT per table, executed per row: Microsoft.Data.Sqlite binds parameters by name,
    /// which SQLite looks up linearly, so multi-row statements with thousands of parameters cost more than they save.
    /// </summary>
    private void InsertSqlite(SqliteConnection sqlite, TablePlan plan, List<object> rows, long[]? ids, long[]? parentIds)
    {
        var command = plan.SqliteCommand(sqlite, (SqliteTransaction)transaction.GetDbTransaction());
        for (var i = 0; i < rows.Count; i++)
        {
            Bind(plan, command.Parameters, rows[i], ids?[i], parentIds?[i]);
            command.ExecuteNonQuery();
        }
    }

    private static void Bind(TablePlan plan, SqliteParameterCollection parameters, object row, long? id, long? parentId)
    {
        for (var c = 0; c < plan.Columns.Count; c++)
        {
            parameters[c].Value = plan.Columns[c].Value(row, id, parentId) ?? DBNull.Value;
        }
    }

    private async Task CopyAsync(NpgsqlConnection npgsql, TablePlan plan, List<object> rows, long[]? ids, long[]? parentIds, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", plan.Columns.Select(c => Quote(c.Name, null)));
        await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {Quote(plan.Table, plan.Schema)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            importer.StartRow();
            foreach (var column in plan.Columns)
            {
                var value = column.Value(rows[i], ids?[i], parentIds?[i]);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value, column.PostgresType);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The table plan of a root (<paramref name="parentKey"/> null) or of a dependent written under its parent.</summary>
    private async Task<TablePlan> PlanAsync(Type clrType, IForeignKey? parentKey, CancellationToken cancellationToken)
    {
        if (plans.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity of the model.");
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.GetDerivedTypes().Any() || entityType.BaseType is not null)
        {
            throw new NotSupportedException($"BulkInsert writes plain entities only; {clrType.Name} has owned, complex or derived types.");
        }

        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var key = entityType.FindPrimaryKey() ?? throw new NotSupportedException($"{clrType.Name} has no key.");
        if (key.Properties.Count != 1 || key.Properties[0].ClrType is var keyType && keyType != typeof(int) && keyType != typeof(long))
        {
            throw new NotSupportedException($"BulkInsert needs a single integer key; {clrType.Name} has another.");
        }

        var children = entityType.GetNavigations().Where(n => n.IsCollection && n.ForeignKey.PrincipalEntityType == entityType).ToList();
        var writesKey = parentKey is null || children.Count > 0;
        var keyProperty = key.Properties[0];
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no column.");
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            var pgType = PostgresTypeName(mapping.StoreType);
            if (property == keyProperty)
            {
                if (writesKey)
                {
                    columns.Add(new Column(name, mapping, pgType, (_, id, _) => ConvertKey(id!.Value, keyProperty.ClrType)));
                }

                continue;
            }

            if (parentKey is not null && parentKey.Properties.Contains(property))
            {
                var type = property.ClrType;
                columns.Add(new Column(name, mapping, pgType, (_, _, parent) => ConvertKey(parent!.Value, Nullable.GetUnderlyingType(type) ?? type)));
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"BulkInsert cannot read the shadow property {clrType.Name}.{property.Name}.");
            }

            var getter = property.GetGetter();
            columns.Add(new Column(name, mapping, pgType, converter is null
                ? (row, _, _) => getter.GetClrValue(row)
                : (row, _, _) => getter.GetClrValue(row) is { } v ? converter.ConvertToProvider(v) : null));
        }

        var plan = new TablePlan(table, schema, keyProperty.GetColumnName(store)!, writesKey, columns, KeySetter(keyProperty));
        plans[clrType] = plan;
        if (writesKey)
        {
            plan.LastId = await MaxIdAsync(plan, cancellationToken);
        }

        foreach (var navigation in children)
        {
            plan.Children.Add((navigation, await PlanAsync(navigation.TargetEntityType.ClrType, navigation.ForeignKey, cancellationToken)));
        }

        return plan;
    }

    private static object ConvertKey(long value, Type type) => type == typeof(int) ? (object)checked((int)value) : value;

    /// <summary>Sets the key on the entity object through its backing field, as EF does when it materializes one.</summary>
    private static Action<object, long> KeySetter(IProperty key)
    {
        var field = key.FieldInfo;
        if (field is not null)
        {
            return (entity, id) => field.SetValue(entity, ConvertKey(id, key.ClrType));
        }

        var property = key.PropertyInfo?.DeclaringType?.GetProperty(key.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        return property?.SetMethod is { } setter
            ? (entity, id) => setter.Invoke(entity, [ConvertKey(id, key.ClrType)])
            : (_, _) => { };
    }

    private async Task<long> MaxIdAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"SELECT MAX({Quote(plan.KeyColumn, null)}) FROM {Quote(plan.Table, plan.Schema)}";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Scalar(SqliteConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    /// <summary>The PostgreSQL type name of a store type without its facets: <c>character varying(40)</c> → <c>character varying</c>.</summary>
    private static string PostgresTypeName(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return storeType;
        }

        var close = storeType.IndexOf(')', open);
        return (storeType[..open] + (close < 0 ? string.Empty : storeType[(close + 1)..])).Trim();
    }

    private static string Quote(string name, string? schema) =>
        schema is null ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : $"{Quote(schema, null)}.{Quote(name, null)}";

    private sealed record Column(string Name, RelationalTypeMapping Mapping, string PostgresType, Func<object, long?, long?, object?> Value);

    private sealed class TablePlan(string table, string? schema, string keyColumn, bool writesKey, List<Column> columns, Action<object, long> setKey) : IDisposable
    {
        private SqliteCommand? sqliteCommand;

        public string Table => table;

        public string? Schema => schema;

        public string KeyColumn => keyColumn;

        public bool WritesKey => writesKey;

        public List<Column> Columns => columns;

        public List<(INavigation Navigation, TablePlan Plan)> Children { get; } = [];

        public long LastId { get; set; }

        public long Rows { get; set; }

        public void SetKey(object entity, long id) => setKey(entity, id);

        /// <summary>The prepared INSERT of one row, its parameters made by the columns' type mappings.</summary>
        public SqliteCommand SqliteCommand(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (sqliteCommand is not null)
            {
                return sqliteCommand;
            }

            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = columns.Select((_, c) => $"@p{c}").ToList();
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, names[c], null));
            }

            command.CommandText = $"INSERT INTO {Quote(table, schema)} ({string.Join(", ", columns.Select(c => Quote(c.Name, null)))}) VALUES ({string.Join(", ", names)})";
            command.Prepare();
            return sqliteCommand = command;
        }

        public void Dispose() => sqliteCommand?.Dispose();
    }
}
