using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// Deadline warnings on the case handlers' and the head's to-do list: each open case whose nearest
/// deadline is due within 3 working days (yellow) or already passed (red). Applications that came in
/// online and wait for the acceptance review are listed too, with the review's due date, because no
/// one handed them over at a counter.
/// </summary>
public sealed class ReconsiderationTodos(OpenCaseDeadlines deadlines) : ITodoSource
{
    private static readonly string Online = CaseTermNames.Name(ApplicationChannel.Online);

    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.CaseHandler) && !user.IsInRole(Roles.ReconsiderationHead))
        {
            return [];
        }

        var items = new List<TodoItem>();
        foreach (var c in await deadlines.HandleAsync(cancellationToken: cancellationToken))
        {
            if (Warning(c) is { } warning)
            {
                items.Add(warning);
            }
            else if (c.State == CaseState.UnderReview && c.Channel == Online)
            {
                items.Add(new TodoItem(
                    Roles.AreaName(Area.Reconsideration),
                    $"网上申请待审查：{c.CaseNumber}",
                    $"{c.ApplicantName} 诉 {c.RespondentName} · {c.ReceivedOn:yyyy-MM-dd}收到" + (c.NextDue is { } due ? $" · 审查受理期限至{due:yyyy-MM-dd}" : string.Empty),
                    c.NextDue,
                    TodoUrgency.Normal,
                    $"reconsideration/cases/{c.Id}"));
            }
        }

        return items;
    }

    /// <summary>The deadline warning of a case whose nearest deadline is due soon (yellow) or passed (red); null otherwise.</summary>
    public static TodoItem? Warning(ListCases.CaseRow c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.NextStatus is DeadlineStatus.Warning or DeadlineStatus.Overdue
            ? new TodoItem(
                Roles.AreaName(Area.Reconsideration),
                $"{(c.NextStatus == DeadlineStatus.Overdue ? "已超期" : "临期")}：{c.CaseNumber} {c.NextDeadline}",
                $"{c.ApplicantName} 诉 {c.RespondentName} · {c.StateName}",
                c.NextDue,
                c.NextStatus == DeadlineStatus.Overdue ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
                $"reconsideration/cases/{c.Id}")
            : null;
    }
}
