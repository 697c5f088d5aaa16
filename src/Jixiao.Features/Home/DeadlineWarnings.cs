using Jixiao.Domain.Organization;
using Jixiao.Features.Reconsideration;
using Jixiao.Features.Rectification;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Jobs;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Home;

/// <summary>
/// The daily deadline warnings (每日期限提醒): the same warnings as the to-do lists — open reconsideration cases whose
/// nearest deadline is due within 3 working days or passed, and rectification items due within 7 days or overdue —
/// recorded as notifications: a case's to the case handlers and heads of the reconsideration body whose scope holds
/// the case's unit, an item's to its owner. Runs once a day on one node (<see cref="DailyJobScheduler"/>).
/// </summary>
public sealed class DeadlineWarnings(OpenCaseDeadlines deadlines, UnitDirectory units, IOptions<JobOptions> options, TimeProvider clock) : IDailyJob
{
    public const string JobName = "deadline-warnings";

    public string Name => JobName;

    public TimeOnly At => options.Value.DeadlineWarningsAt;

    public async Task<int> RunAsync(DateOnly day, JixiaoDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var tree = (await units.GetAsync(cancellationToken)).Tree;
        var notifications = new Dictionary<(string User, string Key), Notification>();
        void Add(string userId, string key, TodoItem todo) =>
            notifications.TryAdd((userId, key), new Notification(userId, todo.Area, key, todo.Title, todo.Detail, todo.Link, todo.Due,
                todo.Urgency == TodoUrgency.Overdue, day, now));

        var cases = (await deadlines.HandleAsync(warningsOnly: true, cancellationToken))
            .Select(c => (Case: c, Warning: ReconsiderationTodos.Warning(c))).Where(c => c.Warning is not null).ToList();
        if (cases.Count > 0)
        {
            var ids = cases.Select(c => c.Case.Id).ToList();
            var unitOf = await db.ReconsiderationCases.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.UnitId }).ToDictionaryAsync(c => c.Id, c => c.UnitId, cancellationToken);
            var roleIds = db.Roles.Where(r => r.Name == Roles.CaseHandler || r.Name == Roles.ReconsiderationHead).Select(r => r.Id);
            var handlers = await db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.UnitId }).ToListAsync(cancellationToken);
            foreach (var (c, warning) in cases)
            {
                foreach (var handler in handlers.Where(h => unitOf.TryGetValue(c.Id, out var unit) && tree.IsInSubtree(h.UnitId, unit)))
                {
                    Add(handler.Id, $"reconsideration:{c.Id}", warning!);
                }
            }
        }

        var items = await RectificationTodos.Due(db.RectificationItems.AsNoTracking(), day).ToListAsync(cancellationToken);
        var owners = items.Select(i => i.OwnerUserName).OfType<string>().Distinct().ToList();
        var userIds = await db.Users.Where(u => !u.IsDisabled && owners.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        foreach (var item in items)
        {
            if (item.OwnerUserName is { } owner && userIds.TryGetValue(owner, out var userId))
            {
                Add(userId, $"rectification:{item.Id}", RectificationTodos.Warning(item, day));
            }
        }

        db.Notifications.AddRange(notifications.Values);
        return notifications.Count;
    }
}

/// <summary>The signed-in user's notifications (提醒): unread first on the home page, marked read one by one or all.</summary>
public sealed class MyNotifications(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public sealed record Row(long Id, string Area, string Title, string Detail, string Link, DateOnly? Due, bool Overdue, DateOnly RunDate, bool Read);

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } me)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<Row>> UnreadAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } me)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == me && n.ReadAt == null)
            .OrderByDescending(n => n.RunDate).ThenByDescending(n => n.Overdue).ThenBy(n => n.Due).Take(Math.Clamp(take, 1, 500))
            .Select(n => new Row(n.Id, n.Area, n.Title, n.Detail, n.Link, n.Due, n.Overdue, n.RunDate, false))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the user's notifications (or, with null, all of them) read.</summary>
    public async Task MarkReadAsync(long? id, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } me)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
