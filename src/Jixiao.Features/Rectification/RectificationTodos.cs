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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await Due(db.RectificationItems.AsNoTracking(), today).Where(r => r.OwnerUserName == user.UserName).ToListAsync(cancellationToken);
        return [.. items.Select(r => Warning(r, today))];
    }

    /// <summary>The items not yet rectified whose deadline has passed or falls within the due-soon days.</summary>
    public static IQueryable<RectificationItem> Due(IQueryable<RectificationItem> items, DateOnly today)
    {
        var soon = today.AddDays(RectificationRules.DueSoonDays);
        return items.Where(r => (r.Status == RectificationStatus.Open || r.Status == RectificationStatus.InProgress) && r.Deadline != null && r.Deadline <= soon);
    }

    /// <summary>The warning of a due item, as on its owner's to-do list.</summary>
    public static TodoItem Warning(RectificationItem r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new TodoItem(
            Roles.AreaName(Area.Rectification),
            $"{(r.IsOverdue(today) ? "整改已逾期" : "整改临期")}：{Short(r.Problem)}",
            $"{RectificationRules.Name(r.Source)} · {RectificationRules.Name(r.Status)} · 期限 {r.Deadline:yyyy-MM-dd}",
            r.Deadline,
            r.IsOverdue(today) ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
            $"rectification?item={r.Id}");
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
