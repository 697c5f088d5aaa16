using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Organization;

/// <summary>A unit as the units page and the API show it.</summary>
public sealed record UnitRow(int Id, string Code, string Name, string ShortName, UnitLevel Level, UnitKind Kind,
    int? ParentId, string? ParentName, int Depth, bool IsActive, int SortOrder, int UserCount)
{
    public string LevelName => UnitNames.LevelName(Level);

    public string KindName => UnitNames.KindName(Kind);
}

/// <summary>The units the user may see, in tree order (parent before children, by sort order and code).</summary>
public sealed class ListUnits(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public async Task<IReadOnlyList<UnitRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        return await VisibleUnitsAsync(cancellationToken);
    }

    /// <summary>The units in the user's scope, for pickers in any area (no administration right needed).</summary>
    public async Task<IReadOnlyList<UnitRow>> VisibleUnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.ShortName, u.Level, u.Kind, u.ParentId, null, 0, u.IsActive, u.SortOrder, 0))
            .ToListAsync(cancellationToken);
        var userCounts = await db.Users.AsNoTracking().GroupBy(u => u.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, cancellationToken);
        var byId = units.ToDictionary(u => u.Id);
        var childrenOf = units.Where(u => u.ParentId is { } p && byId.ContainsKey(p)).ToLookup(u => u.ParentId!.Value);
        var roots = units.Where(u => u.ParentId is not { } p || !byId.ContainsKey(p));
        var result = new List<UnitRow>(units.Count);

        void Visit(IEnumerable<UnitRow> level, int depth)
        {
            foreach (var u in level.OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal))
            {
                result.Add(u with
                {
                    ParentName = u.ParentId is { } pid && byId.TryGetValue(pid, out var parent) ? parent.Name : null,
                    Depth = depth,
                    UserCount = userCounts.GetValueOrDefault(u.Id),
                });
                Visit(childrenOf[u.Id], depth + 1);
            }
        }

        Visit(roots, 0);
        return result;
    }

    /// <summary>One unit by code, or null when it does not exist or lies outside the user's scope.</summary>
    public async Task<UnitRow?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Where(u => u.Code == code)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.ShortName, u.Level, u.Kind, u.ParentId,
                db.Units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault(),
                0, u.IsActive, u.SortOrder, db.Users.Count(x => x.UnitId == u.Id)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
