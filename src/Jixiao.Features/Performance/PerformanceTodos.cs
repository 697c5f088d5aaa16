using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>The performance work waiting for each role: returned items for officers, submissions for reviewers, approvals for finance.</summary>
public sealed class PerformanceTodos(IDbContextFactory<JixiaoDbContext> dbFactory) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MayRead(Area.Performance))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = new List<TodoItem>();
        var area = Roles.AreaName(Area.Performance);
        if (user.IsInRole(Roles.PerformanceOfficer))
        {
            items.AddRange((await db.Projects.AsNoTracking().Where(p => p.TargetStatus == TargetDeclarationStatus.Returned)
                    .Select(p => new { p.Id, p.Name, p.Year, p.TargetReturnComment }).ToListAsync(cancellationToken))
                .Select(p => new TodoItem(area, $"绩效目标被退回：{p.Name}", $"{p.Year}年度 · 退回意见：{p.TargetReturnComment}", null, TodoUrgency.DueSoon, $"performance/projects/{p.Id}")));
            items.AddRange((await db.SelfEvaluations.AsNoTracking()
                    .Where(e => e.Status == SelfEvaluationStatus.Returned || e.Status == SelfEvaluationStatus.ReturnedByFinance)
                    .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { p.Id, p.Name, p.Year, e.LastComment })
                    .ToListAsync(cancellationToken))
                .Select(p => new TodoItem(area, $"绩效自评被退回：{p.Name}", $"{p.Year}年度 · 退回意见：{p.LastComment}", null, TodoUrgency.DueSoon, $"performance/projects/{p.Id}")));
        }

        if (user.IsInRole(Roles.Reviewer))
        {
            items.AddRange((await db.Projects.AsNoTracking().Where(p => p.TargetStatus == TargetDeclarationStatus.Submitted)
                    .Select(p => new { p.Id, p.Name, p.Year }).ToListAsync(cancellationToken))
                .Select(p => new TodoItem(area, $"审核绩效目标：{p.Name}", $"{p.Year}年度 · 待审核", null, TodoUrgency.Normal, $"performance/projects/{p.Id}")));
            items.AddRange(await EvaluationsAsync(db, SelfEvaluationStatus.Submitted, "审核绩效自评", area, cancellationToken));
        }

        if (user.IsInRole(Roles.FinanceReviewer))
        {
            items.AddRange(await EvaluationsAsync(db, SelfEvaluationStatus.Approved, "财政确认绩效自评", area, cancellationToken));
        }

        return items;
    }

    private static async Task<IEnumerable<TodoItem>> EvaluationsAsync(JixiaoDbContext db, SelfEvaluationStatus status, string title, string area, CancellationToken cancellationToken) =>
        (await db.SelfEvaluations.AsNoTracking().Where(e => e.Status == status)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { p.Id, p.Name, p.Year })
            .ToListAsync(cancellationToken))
        .Select(p => new TodoItem(area, $"{title}：{p.Name}", $"{p.Year}年度", null, TodoUrgency.Normal, $"performance/projects/{p.Id}"));
}
