using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The register (台账): the cases in the user's scope, filtered, sorted and paged, with the most urgent
/// deadline of each open case; also as Excel. ID numbers are always masked here.
/// </summary>
/// <remarks>
/// Filters on unit, dates, state, outcome, matter, channel, respondent, handler and performance run in the database on
/// the indexes (UnitId, ReceivedOn), (UnitId, State), (UnitId, HandlerName) and (UnitId, Performance). “Overdue” needs
/// the deadline engine: it is computed for the cases with a running deadline only (open cases, and closed ones with a
/// letter awaiting its rectification reply), then applied as a list of ids.
/// </remarks>
public sealed class ListCases(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    public sealed record Query(
        string? UnitCode = null,
        CaseState? State = null,
        ReconsiderationOutcome? Outcome = null,
        MatterCategory? Matter = null,
        ApplicationChannel? Channel = null,
        DateOnly? ReceivedFrom = null,
        DateOnly? ReceivedTo = null,
        bool? EnterpriseRelated = null,
        bool OverdueOnly = false,
        string? Text = null,
        IReadOnlyList<int>? Ids = null,
        PerformanceFilter? Performance = null,
        bool AwaitingReply = false,
        string? Respondent = null,
        string? Handler = null);

    public sealed record CaseRow(
        int Id, string CaseNumber, string UnitName, DateOnly ReceivedOn, string ApplicantName, string? ApplicantIdNumber,
        string RespondentName, string Matter, string Channel, bool EnterpriseRelated, CaseState State, string StateName,
        string? Outcome, DateOnly? AcceptedOn, DateOnly? ClosedOn, string? NextDeadline, DateOnly? NextDue, DeadlineStatus? NextStatus,
        string? DecisionNumber = null, string? Performance = null, bool PerformanceOverdue = false, string? HandlerName = null);

    /// <summary>The name of a 履行情况 filter value.</summary>
    public static string Name(PerformanceFilter filter) => filter switch
    {
        PerformanceFilter.Required => "需履行（全部）",
        PerformanceFilter.Pending => "待履行",
        PerformanceFilter.Overdue => "逾期未履行",
        PerformanceFilter.Urged => "已责令限期履行",
        PerformanceFilter.EnforcementApplied => "已申请强制执行",
        PerformanceFilter.Performed => "已履行",
        _ => filter.ToString(),
    };

    public async Task<Paged<CaseRow>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(db, query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("CaseNumber", false) => filtered.OrderBy(c => c.CaseNumber),
            ("CaseNumber", true) => filtered.OrderByDescending(c => c.CaseNumber),
            ("State", false) => filtered.OrderBy(c => c.State).ThenByDescending(c => c.ReceivedOn),
            ("State", true) => filtered.OrderByDescending(c => c.State).ThenByDescending(c => c.ReceivedOn),
            ("ClosedOn", false) => filtered.OrderBy(c => c.ClosedOn).ThenBy(c => c.Id),
            ("ClosedOn", true) => filtered.OrderByDescending(c => c.ClosedOn).ThenByDescending(c => c.Id),
            ("ReceivedOn", false) => filtered.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id),
            _ => filtered.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id),
        };
        // The page's ids first (an index walk), then its cases with their suspensions and letters: loading them with the
        // page query would repeat the sort and the offset once per included collection.
        var ids = await sorted.Page(page).Select(c => c.Id).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, db.ReconsiderationCases.AsNoTracking().Where(c => ids.Contains(c.Id)), cancellationToken);
        return new Paged<CaseRow>([.. rows.OrderBy(r => ids.IndexOf(r.Id))], total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, (await FilterAsync(db, query, cancellationToken)).OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("案号", r => r.CaseNumber),
            ("复议机关", r => r.UnitName),
            ("收到申请日期", r => r.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("申请人", r => r.ApplicantName),
            ("证件号码", r => r.ApplicantIdNumber),
            ("被申请人", r => r.RespondentName),
            ("案件类别", r => r.Matter),
            ("申请方式", r => r.Channel),
            ("涉企", r => r.EnterpriseRelated ? "是" : "否"),
            ("承办人", r => r.HandlerName),
            ("状态", r => r.StateName),
            ("结案方式", r => r.Outcome),
            ("受理日期", r => r.AcceptedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("结案日期", r => r.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("结案文书文号", r => r.DecisionNumber),
            ("履行情况", r => r.Performance is null ? null : r.PerformanceOverdue ? r.Performance + "（逾期）" : r.Performance),
            ("最近期限", r => r.NextDeadline),
            ("届满日", r => r.NextDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ], "行政复议台账");
    }

    private async Task<IQueryable<ReconsiderationCase>> FilterAsync(JixiaoDbContext db, Query query, CancellationToken cancellationToken)
    {
        var cases = db.ReconsiderationCases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            // An uncorrelated scalar subquery: the database looks the unit up once and then reads the (UnitId, …) indexes.
            var code = query.UnitCode.Trim();
            cases = cases.Where(c => c.UnitId == db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstOrDefault());
        }

        if (query.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        if (query.Outcome is { } outcome)
        {
            cases = cases.Where(c => c.Outcome == outcome);
        }

        if (query.Matter is { } matter)
        {
            cases = cases.Where(c => c.Matter == matter);
        }

        if (query.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }

        if (query.ReceivedFrom is { } from)
        {
            cases = cases.Where(c => c.ReceivedOn >= from);
        }

        if (query.ReceivedTo is { } to)
        {
            cases = cases.Where(c => c.ReceivedOn <= to);
        }

        if (query.EnterpriseRelated is { } enterprise)
        {
            cases = cases.Where(c => c.EnterpriseRelated == enterprise);
        }

        if (!string.IsNullOrWhiteSpace(query.Respondent))
        {
            var respondent = query.Respondent.Trim();
            cases = cases.Where(c => c.RespondentName.Contains(respondent));
        }

        if (!string.IsNullOrWhiteSpace(query.Handler))
        {
            var handler = query.Handler.Trim();
            cases = handler == ReconsiderationMetrics.Unassigned ? cases.Where(c => c.HandlerName == null) : cases.Where(c => c.HandlerName == handler);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            cases = cases.Where(c => c.CaseNumber.Contains(text) || c.ApplicantName.Contains(text) || c.RespondentName.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            cases = cases.Where(c => list.Contains(c.Id));
        }

        if (query.Performance is { } performance)
        {
            var today = clock.Today();
            cases = performance switch
            {
                PerformanceFilter.Required => cases.Where(c => c.Performance != null),
                PerformanceFilter.Pending => cases.Where(c => c.Performance == PerformanceStatus.Pending),
                PerformanceFilter.Overdue => cases.Where(c => (c.Performance == PerformanceStatus.Pending || c.Performance == PerformanceStatus.Urged) && c.PerformanceDueOn < today),
                PerformanceFilter.Urged => cases.Where(c => c.Performance == PerformanceStatus.Urged),
                PerformanceFilter.EnforcementApplied => cases.Where(c => c.Performance == PerformanceStatus.EnforcementApplied),
                PerformanceFilter.Performed => cases.Where(c => c.Performance == PerformanceStatus.Performed),
                _ => throw new DomainException("履行情况筛选条件不正确。"),
            };
        }

        if (query.AwaitingReply)
        {
            cases = cases.Where(c => c.Letters.Any(l => l.ReplyReceivedOn == null));
        }

        if (query.OverdueOnly)
        {
            var today = clock.Today();
            var running = await cases.Where(c => CaseSupport.OpenStates.Contains(c.State) || c.Letters.Any(l => l.ReplyReceivedOn == null))
                .Include(c => c.Suspensions).Include(c => c.Letters).AsSplitQuery().ToListAsync(cancellationToken);
            var overdue = running.Where(c => CaseSupport.Running(c, CaseSupport.DeadlinesOf(c, calendar.Calendar, today).Deadlines).Any(d => d.Deadline.Status == DeadlineStatus.Overdue))
                .Select(c => c.Id).ToList();
            cases = cases.Where(c => overdue.Contains(c.Id));
        }

        return cases;
    }

    private async Task<List<CaseRow>> RowsAsync(JixiaoDbContext db, IQueryable<ReconsiderationCase> cases, CancellationToken cancellationToken)
    {
        var page = await cases.Include(c => c.Suspensions).Include(c => c.Letters).AsSplitQuery().ToListAsync(cancellationToken);
        var unitIds = page.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var today = clock.Today();
        return [.. page.Select(c =>
        {
            var next = CaseSupport.HasRunningDeadline(c) ? CaseSupport.MostUrgent(CaseSupport.Running(c, CaseSupport.DeadlinesOf(c, calendar.Calendar, today).Deadlines)) : null;
            return new CaseRow(c.Id, c.CaseNumber, units.GetValueOrDefault(c.UnitId, string.Empty), c.ReceivedOn, c.ApplicantName,
                Masking.MaskIdNumber(c.ApplicantIdNumber), c.RespondentName, CaseTermNames.Name(c.Matter), CaseTermNames.Name(c.Channel),
                c.EnterpriseRelated, c.State, ReconsiderationCase.StateName(c.State), c.Outcome is { } o ? Outcomes.Name(o) : null,
                c.AcceptedOn, c.ClosedOn, next?.ShortName, next?.Deadline.Due, next?.Deadline.Status,
                c.DecisionNumber, c.Performance is { } p ? FollowUpNames.Name(p) : null, c.PerformanceOverdue(today), c.HandlerName);
        })];
    }
}

/// <summary>The register's 履行情况 filter: every case to be performed, or those in one state; 逾期未履行 is pending or urged past its period.</summary>
public enum PerformanceFilter
{
    Required = 1,
    Pending = 2,
    Overdue = 3,
    Urged = 4,
    EnforcementApplied = 5,
    Performed = 6,
}
