using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Rectification;

/// <summary>
/// Overdue and due-soon warnings on the owner's to-do list: each item the user owns that is not yet rectified and
/// whose deadline has passed (red) or falls within <see cref="RectificationRules.DueSoonDays"/> days (yellow).
/// </summary>
public sealed class RectificationTodos(IDbContextFactory<JixiaoDbContext> dbFactory) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MayRead(Area.Rectification) || string.IsNullOrEmpty(user.UserName))
        {
            return [];
        }

        var soon = today.AddDays(RectificationRules.DueSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.RectificationItems.AsNoTracking()
            .Where(r => r.OwnerUserName == user.UserName && (r.Status == RectificationStatus.Open || r.Status == RectificationStatus.InProgress)
                && r.Deadline != null && r.Deadline <= soon)
            .ToListAsync(cancellationToken);
        return [.. items.Select(r => new TodoItem(
            Roles.AreaName(Area.Rectification),
            $"{(r.IsOverdue(today) ? "整改已逾期" : "整改临期")}：{Short(r.Problem)}",
            $"{RectificationRules.Name(r.Source)} · {RectificationRules.Name(r.Status)} · 期限 {r.Deadline:yyyy-MM-dd}",
            r.Deadline,
            r.IsOverdue(today) ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
            $"rectification?item={r.Id}"))];
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
