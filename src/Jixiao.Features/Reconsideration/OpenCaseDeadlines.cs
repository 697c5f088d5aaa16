using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Common;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// Every case in the user's scope with a running deadline and its nearest one, most urgent first: the open
/// cases, and the closed cases whose opinion or recommendation letter awaits its rectification reply. The
/// deadline page of the head of the reconsideration body and the warnings on the handlers' to-do list.
/// </summary>
public sealed class OpenCaseDeadlines(ListCases cases)
{
    private static readonly CaseState[] Open = [CaseState.UnderReview, CaseState.AwaitingSupplement, CaseState.Accepted, CaseState.Suspended];

    public async Task<IReadOnlyList<ListCases.CaseRow>> HandleAsync(bool warningsOnly = false, CancellationToken cancellationToken = default)
    {
        var rows = new List<ListCases.CaseRow>();
        foreach (var state in Open)
        {
            var page = await cases.HandleAsync(new ListCases.Query(State: state), new PageRequest(1, PageRequest.MaxPageSize, "ReceivedOn", Descending: true), cancellationToken);
            rows.AddRange(page.Items);
        }

        var awaitingReply = await cases.HandleAsync(new ListCases.Query(State: CaseState.Closed, AwaitingReply: true), new PageRequest(1, PageRequest.MaxPageSize, "ReceivedOn", Descending: true), cancellationToken);
        rows.AddRange(awaitingReply.Items);

        return [.. rows
            .Where(r => !warningsOnly || r.NextStatus is DeadlineStatus.Warning or DeadlineStatus.Overdue)
            .OrderBy(r => r.NextStatus switch { DeadlineStatus.Overdue => 0, DeadlineStatus.Warning => 1, null => 3, _ => 2 })
            .ThenBy(r => r.NextDue ?? DateOnly.MaxValue)];
    }
}
