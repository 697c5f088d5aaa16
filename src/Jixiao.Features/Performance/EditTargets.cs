using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>Adds, changes and removes level-3 indicators while the targets are a draft or returned.</summary>
public sealed class EditTargets(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public async Task<int> AddAsync(int projectId, Indicator indicator, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "设置绩效目标");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var added = project.AddIndicator(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return added.Id;
    }

    public async Task UpdateAsync(int projectId, int indicatorId, Indicator indicator, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "设置绩效目标");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        project.UpdateIndicator(indicatorId, indicator);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(int projectId, int indicatorId, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "设置绩效目标");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        project.RemoveIndicator(indicatorId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
