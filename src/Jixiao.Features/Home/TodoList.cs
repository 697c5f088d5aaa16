using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Home;

/// <summary>One thing waiting for the user: what, for which record, by when, and where to act on it.</summary>
public sealed record TodoItem(string Area, string Title, string Detail, DateOnly? Due, TodoUrgency Urgency, string Link);

public enum TodoUrgency
{
    Normal,
    DueSoon,
    Overdue,
}

/// <summary>
/// A source of to-do items (待办): each area that has work waiting for a role registers one.
/// The home page shows the union, most urgent first.
/// </summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>The signed-in user's to-do list across every area.</summary>
public sealed class TodoList(IEnumerable<ITodoSource> sources, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<TodoItem>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var items = new List<TodoItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.GetAsync(user, today, cancellationToken));
        }

        return [.. items.OrderByDescending(i => i.Urgency).ThenBy(i => i.Due ?? DateOnly.MaxValue)];
    }
}
