using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledgers;

/// <summary>
/// The writes every simple register shares: records created (one, or many all-or-nothing for an import), changed
/// and deleted within the user's scope and write right, each refusal a Chinese message naming the record.
/// </summary>
public sealed class LedgerWriter(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    /// <summary>
    /// Builds every record or none: the unit of each must be in the user's scope, and each build may refuse with a
    /// <see cref="DomainException"/>; all problems are reported together, prefixed by <paramref name="label"/>.
    /// </summary>
    /// <returns>The ids of the new records, in order.</returns>
    public async Task<IReadOnlyList<int>> CreateAsync<TCommand, TEntity>(Area area, IReadOnlyList<TCommand> commands, Func<TCommand, string> unitCode,
        Func<JixiaoDbContext, TCommand, int, TEntity> build, Func<TEntity, int> id, Func<int, string> label, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(commands);
        user.Require(area, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = commands.Select(unitCode).Distinct().ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        var entities = new List<TEntity>();
        for (var i = 0; i < commands.Count; i++)
        {
            var code = unitCode(commands[i]);
            if (!units.TryGetValue(code, out var unitId))
            {
                problems.Add(new(label(i) + "单位", $"{label(i)}单位“{code}”不存在或不在您的数据范围内。"));
                continue;
            }

            try
            {
                entities.Add(build(db, commands[i], unitId));
            }
            catch (DomainException e)
            {
                problems.Add(new(label(i), label(i) + e.Message));
            }
        }

        ValidationException.ThrowIfAny(problems);
        db.Set<TEntity>().AddRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        return [.. entities.Select(id)];
    }

    /// <summary>Loads a record in scope by id, changes it and saves.</summary>
    public async Task UpdateAsync<TEntity>(Area area, int id, string what, Action<TEntity> change, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(change);
        user.Require(area, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken)
            ?? throw new NotFoundException($"{what}（编号{id}）不存在或不在您的数据范围内。");
        change(entity);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a record in scope by id.</summary>
    public async Task DeleteAsync<TEntity>(Area area, int id, string what, CancellationToken cancellationToken)
        where TEntity : class
    {
        user.Require(area, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken)
            ?? throw new NotFoundException($"{what}（编号{id}）不存在或不在您的数据范围内。");
        db.Set<TEntity>().Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Names of units by id, for list rows.</summary>
    public static async Task<Dictionary<int, (string Code, string Name)>> UnitNamesAsync(JixiaoDbContext db, IEnumerable<int> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = unitIds.Distinct().ToList();
        return await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Code, u.Name), cancellationToken);
    }

    /// <summary>The ids of the unit of a code (any unit in scope when null); an unknown code matches nothing.</summary>
    public static IQueryable<T> ForUnit<T>(JixiaoDbContext db, IQueryable<T> records, string? unitCode)
        where T : IUnitScoped
    {
        ArgumentNullException.ThrowIfNull(db);
        return string.IsNullOrWhiteSpace(unitCode) ? records : records.Where(r => db.Units.Any(u => u.Id == r.UnitId && u.Code == unitCode));
    }
}
