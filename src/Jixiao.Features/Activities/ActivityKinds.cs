using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

public sealed record ActivityKindRow(int Id, string? Code, string Name, int SortOrder, bool IsSelection, bool IsBuiltIn);

/// <summary>The kinds of activity: the built-in ones and those an administrator adds or renames.</summary>
public sealed class ManageActivityKinds(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public async Task<IReadOnlyList<ActivityKindRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ActivityKinds.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .Select(k => new ActivityKindRow(k.Id, k.Code, k.Name, k.SortOrder, k.IsSelection, k.Code != null)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a kind (administrators only).</summary>
    public async Task<int> AddAsync(string name, bool isSelection = false, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.Administrator, Area.Administration, "增加活动类型");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = new ActivityKind(name, 0, isSelection);
        if (await db.ActivityKinds.AnyAsync(k => k.Name == kind.Name, cancellationToken))
        {
            throw new DomainException($"活动类型“{kind.Name}”已存在。");
        }

        var sort = (await db.ActivityKinds.MaxAsync(k => (int?)k.SortOrder, cancellationToken) ?? 0) + 1;
        kind.Update(kind.Name, sort);
        db.ActivityKinds.Add(kind);
        await db.SaveChangesAsync(cancellationToken);
        return kind.Id;
    }

    /// <summary>Renames a kind an administrator added.</summary>
    public async Task RenameAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.Administrator, Area.Administration, "修改活动类型");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = await db.ActivityKinds.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException($"活动类型 {id} 不存在。");
        if (await db.ActivityKinds.AnyAsync(k => k.Id != id && k.Name == name.Trim(), cancellationToken))
        {
            throw new DomainException($"活动类型“{name.Trim()}”已存在。");
        }

        kind.Update(name, kind.SortOrder);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The kind of a name, for imports and the command line.</summary>
    public static async Task<ActivityKind> FindAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken) =>
        await db.ActivityKinds.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException($"活动类型 {id} 不存在。");
}
