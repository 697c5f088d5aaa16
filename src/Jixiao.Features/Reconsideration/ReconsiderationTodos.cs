using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Features.Home;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// Deadline warnings on the case handlers' and the head's to-do list: each open case whose nearest
/// deadline is due within 3 working days (yellow) or already passed (red).
/// </summary>
public sealed class ReconsiderationTodos(OpenCaseDeadlines deadlines) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.CaseHandler) && !user.IsInRole(Roles.ReconsiderationHead))
        {
            return [];
        }

        return [.. (await deadlines.HandleAsync(warningsOnly: true, cancellationToken)).Select(c => new TodoItem(
            Roles.AreaName(Area.Reconsideration),
            $"{(c.NextStatus == DeadlineStatus.Overdue ? "已超期" : "临期")}：{c.CaseNumber} {c.NextDeadline}",
            $"{c.ApplicantName} 诉 {c.RespondentName} · {c.StateName}",
            c.NextDue,
            c.NextStatus == DeadlineStatus.Overdue ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
            $"reconsideration/cases/{c.Id}"))];
    }
}
