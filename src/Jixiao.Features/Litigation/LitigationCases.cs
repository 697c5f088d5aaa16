using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Litigation;

/// <summary>Registers lawsuits against agencies (登记应诉案件), one or many in one transaction: all or none.</summary>
public sealed class RegisterLitigation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public sealed record HearingInput(DateOnly HeldOn, bool HeadAppeared, string? HeadName, string? AppearedInstead);

    public sealed record Command(
        string UnitCode,
        string Court,
        string CaseNumber,
        LitigationInstance Instance,
        string Plaintiff,
        string Defendant,
        bool ReconsiderationCoDefendant,
        DateOnly FiledOn,
        DateOnly? ComplaintReceivedOn = null,
        DateOnly? DefenceSubmittedOn = null,
        FirstInstanceOutcome? Outcome = null,
        DateOnly? ConcludedOn = null,
        HearingInput? Hearing = null);

    public async Task<int> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
        (await HandleManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public async Task<IReadOnlyList<int>> HandleManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rowLabel);
        user.Require(Area.Litigation, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var codes = commands.Select(c => c.UnitCode).Distinct().ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var numbers = commands.Select(c => c.CaseNumber?.Trim() ?? string.Empty).Distinct().ToList();
        var existing = (await db.LitigationCases.IgnoreQueryFilters().Where(c => numbers.Contains(c.CaseNumber)).Select(c => new { c.Court, c.CaseNumber }).ToListAsync(cancellationToken))
            .Select(c => (c.Court, c.CaseNumber)).ToHashSet();
        var problems = new List<ValidationProblem>();
        var cases = new List<LitigationCase>();
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            var label = rowLabel(i);
            void Problem(string field, string message) => problems.Add(new ValidationProblem(label + field, label + message));
            if (!units.TryGetValue(c.UnitCode ?? string.Empty, out var unitId))
            {
                Problem("单位", $"单位“{c.UnitCode}”不存在或不在您的数据范围内。");
                continue;
            }

            if (c.FiledOn > today)
            {
                Problem("立案日期", $"立案日期{c.FiledOn:yyyy-MM-dd}晚于今天。");
                continue;
            }

            var key = (c.Court?.Trim() ?? string.Empty, c.CaseNumber?.Trim() ?? string.Empty);
            if (!existing.Add(key))
            {
                Problem("案号", $"{key.Item1}案号“{key.Item2}”已登记。");
                continue;
            }

            try
            {
                var entity = new LitigationCase(unitId, c.Court!, c.CaseNumber!, c.Instance, c.Plaintiff, c.Defendant, c.ReconsiderationCoDefendant, c.FiledOn, c.ComplaintReceivedOn);
                if (c.DefenceSubmittedOn is { } defence)
                {
                    entity.SubmitDefence(defence);
                }

                if (c.Hearing is { } h)
                {
                    entity.RecordHearing(h.HeldOn, null, c.Instance, h.HeadAppeared, h.HeadName, h.AppearedInstead);
                }

                if (c.Outcome is { } outcome)
                {
                    entity.RecordJudgment(outcome, c.ConcludedOn ?? throw new DomainException("填写一审结案方式的，应填写结案日期。"), null, null);
                }
                else if (c.ConcludedOn is not null)
                {
                    throw new DomainException("填写结案日期的，应填写一审结案方式。");
                }

                cases.Add(entity);
            }
            catch (DomainException e)
            {
                Problem("案件", e.Message);
            }
        }

        ValidationException.ThrowIfAny(problems);
        db.LitigationCases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);
        return [.. cases.Select(c => c.Id)];
    }
}

/// <summary>
/// The moves on a case: defence, hearing, judgment, appeal, second instance. Each loads the case in the user's scope,
/// calls the entity and saves once; a refused move saves nothing.
/// </summary>
public sealed class LitigationActions(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public Task SubmitDefenceAsync(int caseId, DateOnly on, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, c => c.SubmitDefence(on), cancellationToken);

    public Task RecordHearingAsync(int caseId, DateOnly heldOn, string? court, LitigationInstance instance, bool headAppeared, string? headName, string? appearedInstead, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, c => c.RecordHearing(heldOn, court, instance, headAppeared, headName, appearedInstead), cancellationToken);

    public Task RecordJudgmentAsync(int caseId, FirstInstanceOutcome outcome, DateOnly concludedOn, string? number, DateOnly? servedOn, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, c => c.RecordJudgment(outcome, concludedOn, number, servedOn), cancellationToken);

    public Task RecordAppealAsync(int caseId, DateOnly filedOn, string appellant, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, c => c.RecordAppeal(filedOn, appellant), cancellationToken);

    public Task RecordSecondInstanceAsync(int caseId, SecondInstanceOutcome outcome, DateOnly concludedOn, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, c => c.RecordSecondInstance(outcome, concludedOn), cancellationToken);

    private async Task MoveAsync(int caseId, Action<LitigationCase> move, CancellationToken cancellationToken)
    {
        user.Require(Area.Litigation, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LitigationCases.Include(x => x.Hearings).FirstOrDefaultAsync(x => x.Id == caseId, cancellationToken)
            ?? throw new NotFoundException($"应诉案件 {caseId} 不存在或不在您的数据范围内。");
        move(c);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// The litigation register: cases in the user's scope, filtered, sorted and paged, with the nearest running deadline;
/// also as Excel. Filters run on the indexes (UnitId, FiledOn), (UnitId, ConcludedOn) and (UnitId, Defendant).
/// </summary>
public sealed class ListLitigation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    public sealed record Query(
        string? UnitCode = null,
        LitigationInstance? Instance = null,
        bool? Open = null,
        FirstInstanceOutcome? Outcome = null,
        DateOnly? FiledFrom = null,
        DateOnly? FiledTo = null,
        DateOnly? ConcludedFrom = null,
        DateOnly? ConcludedTo = null,
        string? Defendant = null,
        string? Text = null,
        IReadOnlyList<int>? Ids = null);

    public sealed record Row(
        int Id, string UnitName, string Court, string CaseNumber, string Instance, string Plaintiff, string Defendant, bool CoDefendant,
        DateOnly FiledOn, DateOnly? DefenceSubmittedOn, string StateName, string? Outcome, string? OutcomeGroup, DateOnly? ConcludedOn, bool CarriedOver,
        int Hearings, int HeadAppearances, string? Appeal, string? NextDeadline, DateOnly? NextDue, DeadlineStatus? NextStatus);

    public async Task<Paged<Row>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Litigation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("CaseNumber", false) => filtered.OrderBy(c => c.CaseNumber),
            ("CaseNumber", true) => filtered.OrderByDescending(c => c.CaseNumber),
            ("ConcludedOn", false) => filtered.OrderBy(c => c.ConcludedOn).ThenBy(c => c.Id),
            ("ConcludedOn", true) => filtered.OrderByDescending(c => c.ConcludedOn).ThenByDescending(c => c.Id),
            ("Defendant", false) => filtered.OrderBy(c => c.Defendant).ThenBy(c => c.Id),
            ("Defendant", true) => filtered.OrderByDescending(c => c.Defendant).ThenByDescending(c => c.Id),
            ("FiledOn", false) => filtered.OrderBy(c => c.FiledOn).ThenBy(c => c.Id),
            _ => filtered.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id),
        };
        // The page's ids first, then its cases with their hearings (see ListCases).
        var ids = await sorted.Page(page).Select(c => c.Id).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, db.LitigationCases.AsNoTracking().Where(c => ids.Contains(c.Id)), cancellationToken);
        return new Paged<Row>([.. rows.OrderBy(r => ids.IndexOf(r.Id))], total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Litigation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(c => c.FiledOn).ThenBy(c => c.Id), cancellationToken);
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Xlsx.Write(rows,
        [
            ("单位", r => r.UnitName),
            ("受理法院", r => r.Court),
            ("案号", r => r.CaseNumber),
            ("审级", r => r.Instance),
            ("原告", r => r.Plaintiff),
            ("被告", r => r.Defendant),
            ("复议机关共同被告", r => r.CoDefendant ? "是" : "否"),
            ("立案日期", r => D(r.FiledOn)),
            ("提交答辩状日期", r => D(r.DefenceSubmittedOn)),
            ("状态", r => r.StateName),
            ("一审结案方式", r => r.Outcome),
            ("结果分组", r => r.OutcomeGroup),
            ("结案日期", r => D(r.ConcludedOn)),
            ("上年结转", r => r.CarriedOver ? "是" : "否"),
            ("庭审次数", r => r.Hearings),
            ("负责人出庭次数", r => r.HeadAppearances),
            ("上诉", r => r.Appeal),
            ("最近期限", r => r.NextDeadline),
            ("届满日", r => D(r.NextDue)),
        ], "行政应诉台账");
    }

    public sealed record DefenceDue(int Id, string CaseNumber, string Court, string Plaintiff, string Defendant, DateOnly? Due, DeadlineStatus Status);

    /// <summary>Open cases in scope whose defence is not yet submitted and is due within 3 working days or overdue, most urgent first.</summary>
    public async Task<IReadOnlyList<DefenceDue>> DefenceDueAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Litigation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.LitigationCases.AsNoTracking()
            .Where(c => c.DefenceSubmittedOn == null && c.ConcludedOn == null && c.AppealConcludedOn == null)
            .OrderBy(c => c.ComplaintReceivedOn).Take(PageRequest.MaxPageSize).ToListAsync(cancellationToken);
        var today = clock.Today();
        var result = new List<DefenceDue>();
        foreach (var c in pending)
        {
            Deadline d;
            try
            {
                d = c.DefenceDeadline(today, calendar.Calendar);
            }
            catch (DomainException)
            {
                continue;
            }

            if (d.Status is DeadlineStatus.Warning or DeadlineStatus.Overdue)
            {
                result.Add(new DefenceDue(c.Id, c.CaseNumber, c.Court, c.Plaintiff, c.Defendant, d.Due, d.Status));
            }
        }

        return [.. result.OrderBy(r => r.Status == DeadlineStatus.Overdue ? 0 : 1).ThenBy(r => r.Due)];
    }

    private static IQueryable<LitigationCase> Filter(JixiaoDbContext db, Query query)
    {
        var cases = db.LitigationCases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            // An uncorrelated scalar subquery: the database looks the unit up once and then reads the (UnitId, …) indexes.
            var code = query.UnitCode.Trim();
            cases = cases.Where(c => c.UnitId == db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstOrDefault());
        }

        if (query.Instance is { } instance)
        {
            cases = cases.Where(c => c.Instance == instance);
        }

        if (query.Open is { } open)
        {
            cases = open
                ? cases.Where(c => (c.Instance == LitigationInstance.First && c.AppealFiledOn == null && c.ConcludedOn == null) || ((c.Instance == LitigationInstance.Second || c.AppealFiledOn != null) && c.AppealConcludedOn == null))
                : cases.Where(c => !((c.Instance == LitigationInstance.First && c.AppealFiledOn == null && c.ConcludedOn == null) || ((c.Instance == LitigationInstance.Second || c.AppealFiledOn != null) && c.AppealConcludedOn == null)));
        }

        if (query.Outcome is { } outcome)
        {
            cases = cases.Where(c => c.Outcome == outcome);
        }

        if (query.FiledFrom is { } ff)
        {
            cases = cases.Where(c => c.FiledOn >= ff);
        }

        if (query.FiledTo is { } ft)
        {
            cases = cases.Where(c => c.FiledOn <= ft);
        }

        if (query.ConcludedFrom is { } cf)
        {
            cases = cases.Where(c => c.ConcludedOn >= cf);
        }

        if (query.ConcludedTo is { } ct)
        {
            cases = cases.Where(c => c.ConcludedOn <= ct);
        }

        if (!string.IsNullOrWhiteSpace(query.Defendant))
        {
            var defendant = query.Defendant.Trim();
            cases = cases.Where(c => c.Defendant.Contains(defendant));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            cases = cases.Where(c => c.CaseNumber.Contains(text) || c.Plaintiff.Contains(text) || c.Defendant.Contains(text) || c.Court.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            cases = cases.Where(c => list.Contains(c.Id));
        }

        return cases;
    }

    private async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<LitigationCase> cases, CancellationToken cancellationToken)
    {
        var page = await cases.Include(c => c.Hearings).AsSplitQuery().ToListAsync(cancellationToken);
        var unitIds = page.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var today = clock.Today();
        return [.. page.Select(c =>
        {
            var next = LitigationSupport.MostUrgent(c, today, calendar.Calendar);
            return new Row(c.Id, units.GetValueOrDefault(c.UnitId, string.Empty), c.Court, c.CaseNumber, LitigationCase.InstanceName(c.Instance), c.Plaintiff, c.Defendant,
                c.ReconsiderationCoDefendant, c.FiledOn, c.DefenceSubmittedOn, LitigationCase.StateName(c.State),
                c.Outcome is { } o ? LitigationOutcomes.Name(o) : null, c.Outcome is { } g ? LitigationOutcomes.GroupName(LitigationOutcomes.Group(g)) : null,
                c.ConcludedOn, c.CarriedOver, c.Hearings.Count, c.Hearings.Count(h => h.HeadAppeared),
                c.AppealFiledOn is { } a ? $"{c.Appellant}于{a:yyyy-MM-dd}上诉{(c.AppealOutcome is { } ao ? "，" + LitigationOutcomes.Name(ao) : string.Empty)}" : null,
                next?.Name, next?.Due, next?.Status);
        })];
    }
}

/// <summary>One case with its hearings and its deadlines as of today.</summary>
public sealed class GetLitigation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    public sealed record Details(LitigationCase Case, string UnitName, IReadOnlyList<(LitigationStep Step, Deadline Deadline)> Deadlines, IReadOnlyList<string> DeadlineProblems);

    public async Task<Details> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Litigation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LitigationCases.AsNoTracking().Include(x => x.Hearings).FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException($"应诉案件 {id} 不存在或不在您的数据范围内。");
        var unit = await db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var (deadlines, problems) = c.AvailableDeadlines(clock.Today(), calendar.Calendar);
        return new Details(c, unit, deadlines, problems);
    }
}

internal static class LitigationSupport
{
    /// <summary>The most urgent running deadline of a case, or null (none running, or the calendar lacks a year).</summary>
    public static Deadline? MostUrgent(LitigationCase c, DateOnly today, WorkdayCalendar calendar)
    {
        // An open case shows its running limits; a concluded one only the appeal window while it is open
        // (a lapsed appeal period is not overdue: nobody appealed).
        return c.AvailableDeadlines(today, calendar).Deadlines
            .Where(d => c.IsOpen ? d.Step != LitigationStep.Appeal : d.Step == LitigationStep.Appeal && d.Deadline.Status != DeadlineStatus.Overdue)
            .Select(d => d.Deadline)
            .Where(d => d.Status is DeadlineStatus.Ok or DeadlineStatus.Warning or DeadlineStatus.Overdue)
            .OrderBy(d => d.Status switch { DeadlineStatus.Overdue => 0, DeadlineStatus.Warning => 1, _ => 2 })
            .ThenBy(d => d.Due ?? DateOnly.MaxValue).FirstOrDefault();
    }
}
