using Jixiao.Domain;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

internal static class ProjectLoading
{
    /// <summary>A project with its budget, indicators and self-evaluation, within the user's scope.</summary>
    public static async Task<Project> LoadProjectAsync(this JixiaoDbContext db, int id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.Projects.Include(p => p.BudgetLines).Include(p => p.Adjustments).Include(p => p.Expenditures).Include(p => p.Indicators).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"项目 {id} 不存在或不在您的数据范围内。");
    }

    public static async Task<int> ProjectIdAsync(this JixiaoDbContext db, string code, int year, CancellationToken cancellationToken) =>
        await db.Projects.Where(p => p.Code == code && p.Year == year).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"{year} 年度项目“{code}”不存在或不在您的数据范围内。");

    public static Task<SelfEvaluation?> EvaluationOfAsync(this JixiaoDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.SelfEvaluations.FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken);
}
