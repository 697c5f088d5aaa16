using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Common;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// Deadline warnings on the case handlers' and the head's to-do list: each open case whose nearest
/// deadline is due within 3 working days (yellow) or already passed (red).
/// </summary>
public sealed class ReconsiderationTodos(ListCases cases) : ITodoSource
{
    private static readonly CaseState[] Open = [CaseState.UnderReview, CaseState.AwaitingSupplement, CaseState.Accepted, CaseState.Suspended];

    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.CaseHandler) && !user.IsInRole(Roles.ReconsiderationHead))
        {
            return [];
        }

        var items = new List<TodoItem>();
        foreach (var state in Open)
        {
            var page = await cases.HandleAsync(new ListCases.Query(State: state), new PageRequest(1, PageRequest.MaxPageSize, "ReceivedOn", Descending: true), cancellationToken);
            items.AddRange(page.Items
                .Where(c => c.NextStatus is DeadlineStatus.Warning or DeadlineStatus.Overdue)
                .Select(c => new TodoItem(
                    Roles.AreaName(Area.Reconsideration),
                    $"{(c.NextStatus == DeadlineStatus.Overdue ? "已超期" : "临期")}：{c.CaseNumber} {c.NextDeadline}",
                    $"{c.ApplicantName} 诉 {c.RespondentName} · {c.StateName}",
                    c.NextDue,
                    c.NextStatus == DeadlineStatus.Overdue ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
                    $"reconsideration/cases/{c.Id}")));
        }

        return items;
    }
}
