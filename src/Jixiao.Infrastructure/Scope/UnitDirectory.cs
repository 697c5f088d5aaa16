using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Infrastructure.Scope;

/// <summary>A unit as the rest of the product shows it.</summary>
public sealed record UnitInfo(int Id, string Code, string Name, string ShortName, int? ParentId, UnitLevel Level, UnitKind Kind, bool IsActive, int SortOrder);

/// <summary>
/// The unit tree, read from the database and kept for a short time, so that every request can
/// resolve its user's scope without a query. Changes to units call <see cref="Invalidate"/>; other
/// nodes pick changes up within <see cref="Lifetime"/>.
/// </summary>
public sealed class UnitDirectory(DatabaseSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;

    public sealed record Snapshot(UnitTree Tree, IReadOnlyDictionary<int, UnitInfo> Units, DateTimeOffset LoadedAt)
    {
        public UnitInfo? Find(int id) => Units.GetValueOrDefault(id);

        public UnitInfo? FindByCode(string code) => Units.Values.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));

        public string NameOf(int id) => Units.TryGetValue(id, out var u) ? u.Name : $"单位{id}";
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Lifetime)
        {
            return snapshot;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Lifetime)
            {
                return snapshot;
            }

            await using var db = settings.Create(CurrentUser.System("系统"));
            var units = await db.Units.AsNoTracking()
                .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.ShortName, u.ParentId, u.Level, u.Kind, u.IsActive, u.SortOrder))
                .ToListAsync(cancellationToken);
            current = snapshot = new Snapshot(new UnitTree(units.Select(u => (u.Id, u.ParentId))), units.ToDictionary(u => u.Id), clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => current = null;
}
