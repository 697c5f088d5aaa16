using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Inserts many new rows of one entity type with ONE prepared INSERT … RETURNING key command reused for every row,
/// inside the context's current transaction: what a 100,000-row import needs (ADR-018), where the change tracker
/// costs about half a millisecond a row. Columns, names and value conversions come from the EF model, exactly as
/// SaveChanges would write them, on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// Bypasses the change tracker and therefore the <c>AuditInterceptor</c>: the caller checks the data scope and writes
/// the audit line itself (see RegisterApplication.ImportAsync). Only for entity types without owned or complex
/// properties, with a single generated integer key.
/// </remarks>
public sealed class BulkInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> columns = [];
    private readonly Dictionary<string, DbParameter> shadow = new(StringComparer.Ordinal);
    private readonly IProperty key;
    private readonly List<string> parameterNames = [];

    private BulkInsert(DbCommand command, IProperty key)
    {
        this.command = command;
        this.key = key;
    }

    /// <summary>Prepares the command for <typeparamref name="TEntity"/> on the context's open transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the type is not a plain table with one generated key.</exception>
    public static BulkInsert<TEntity> Create(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("批量写入须在事务中进行。");
        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} 不是模型中的实体。");
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new InvalidOperationException($"{type.DisplayName()} 含有复杂或从属属性，不能批量写入。");
        }

        var keyProperties = type.FindPrimaryKey()?.Properties;
        if (keyProperties is not [var key] || key.ValueGenerated != ValueGenerated.OnAdd)
        {
            throw new InvalidOperationException($"{type.DisplayName()} 没有单一的自动生成主键，不能批量写入。");
        }

        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var insert = new BulkInsert<TEntity>(connection.CreateCommand(), key);
        insert.command.Transaction = transaction;
        var names = new List<string>();
        var values = new List<string>();
        foreach (var property in type.GetProperties().Where(p => p != key && p.GetColumnName(table) is not null))
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var name = "p" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = mapping.CreateParameter(insert.command, sql.GenerateParameterName(name), null, property.IsNullable);
            insert.parameterNames.Add(sql.GenerateParameterName(name));
            insert.command.Parameters.Add(parameter);
            insert.columns.Add((property, parameter, mapping));
            if (property.IsShadowProperty())
            {
                insert.shadow[property.Name] = parameter;
            }

            names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            values.Add(sql.GenerateParameterNamePlaceholder(name));
        }

        insert.command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        return insert;
    }

    /// <summary>Inserts one entity and sets its generated key; <paramref name="shadowValues"/> gives shadow properties such as a foreign key.</summary>
    public async Task InsertAsync(TEntity entity, IReadOnlyDictionary<string, object?>? shadowValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var (property, parameter, mapping) in columns)
        {
            var value = ValueOf(property, entity, shadowValues);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        SetKey(entity, await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Inserts the entities in order and sets their keys: one round trip for the lot where the provider batches
    /// commands (PostgreSQL), else the prepared command row by row (SQLite, in process).
    /// </summary>
    public async Task InsertAllAsync(IReadOnlyList<TEntity> entities, Func<TEntity, IReadOnlyDictionary<string, object?>?> shadowValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(shadowValues);
        var connection = command.Connection!;
        if (!connection.CanCreateBatch)
        {
            foreach (var entity in entities)
            {
                await InsertAsync(entity, shadowValues(entity), cancellationToken);
            }

            return;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = command.Transaction;
        foreach (var entity in entities)
        {
            var one = batch.CreateBatchCommand();
            one.CommandText = command.CommandText;
            var shadows = shadowValues(entity);
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, _, mapping) = columns[i];
                one.Parameters.Add(mapping.CreateParameter(command, parameterNames[i], ValueOf(property, entity, shadows), property.IsNullable));
            }

            batch.BatchCommands.Add(one);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var entity in entities)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("批量写入未返回主键。");
            }

            SetKey(entity, reader.GetValue(0));
            await reader.NextResultAsync(cancellationToken);
        }
    }

    private static object? ValueOf(IProperty property, TEntity entity, IReadOnlyDictionary<string, object?>? shadowValues) =>
        property.IsShadowProperty()
            ? shadowValues is not null && shadowValues.TryGetValue(property.Name, out var given) ? given : throw new InvalidOperationException($"缺少 {property.Name} 的值。")
            : property.GetGetter().GetClrValueUsingContainingEntity(entity);

    private void SetKey(TEntity entity, object? id)
    {
        var generated = Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        if (key.FieldInfo is { } field)
        {
            field.SetValue(entity, generated);
        }
        else
        {
            key.PropertyInfo!.SetValue(entity, generated);
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
