using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>Declares a new project, changes its details, or copies last year's project (texts and targets, figures blank).</summary>
public sealed class SaveProject(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Command(int? Id, string UnitCode, string Code, int Year, ProjectDetails Details);

    public async Task<int> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "申报和修改项目");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.Id is { } id)
        {
            var existing = await db.LoadProjectAsync(id, cancellationToken);
            existing.UpdateDetails(command.Details);
            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }

        var unitId = await db.Units.Where(u => u.Code == command.UnitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new("UnitCode", $"单位“{command.UnitCode}”不存在或不在您的数据范围内。")]);
        await EnsureCodeFreeAsync(db, command.Year, command.Code, cancellationToken);
        var project = new Project(unitId, command.Code, command.Year, command.Details);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }

    /// <summary>上年复制: a project of the next year with the same texts and targets, no figures.</summary>
    public async Task<int> CopyToNextYearAsync(int projectId, string newCode, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "申报和修改项目");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        await EnsureCodeFreeAsync(db, source.Year + 1, newCode, cancellationToken);
        var copy = source.CopyToYear(source.Year + 1, newCode);
        db.Projects.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return copy.Id;
    }

    private static async Task EnsureCodeFreeAsync(JixiaoDbContext db, int year, string code, CancellationToken cancellationToken)
    {
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Year == year && p.Code == code.Trim(), cancellationToken))
        {
            throw new ValidationException([new("Code", $"{year} 年度已有编码为“{code}”的项目。")]);
        }
    }
}
