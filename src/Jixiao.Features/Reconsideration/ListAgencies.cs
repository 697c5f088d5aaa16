using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>The maintained list of agencies with their superiors, for choosing the addressee of a letter and the recipient of a 抄告 copy.</summary>
public sealed class ListAgencies(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record AgencyRow(int Id, string Name, string? SuperiorName);

    public async Task<IReadOnlyList<AgencyRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyRow(a.Id, a.Name, a.SuperiorName)).ToListAsync(cancellationToken);
    }
}
