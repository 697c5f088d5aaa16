using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>Loading a case in the user's scope, the acting user as a case actor, and the office's day.</summary>
internal static class CaseSupport
{
    /// <summary>A case with its steps, suspensions, letters and 抄告 records, within the user's scope.</summary>
    public static async Task<ReconsiderationCase> LoadCaseAsync(this JixiaoDbContext db, int id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.ReconsiderationCases.Include(c => c.Steps).Include(c => c.Suspensions).Include(c => c.Letters).Include(c => c.Copies).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"行政复议案件 {id} 不存在或不在您的数据范围内。");
    }

    public static CaseActor Actor(this CurrentUser user) => new(0, user.DisplayName, user.UserName);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// The case's deadlines as of <paramref name="today"/>, or the reason they cannot be counted (e.g. a
    /// year missing from the working-day calendar), so that one case never breaks a list.
    /// </summary>
    public static (IReadOnlyList<StepDeadline> Deadlines, string? Problem) DeadlinesOf(ReconsiderationCase c, WorkdayCalendar calendar, DateOnly today)
    {
        try
        {
            var deadlines = ReconsiderationDeadlines.ComputeAvailable(c.ToFacts(), today, calendar, out var problems);
            return (deadlines, problems.Count == 0 ? null : string.Join("；", problems));
        }
        catch (DomainException e)
        {
            return ([], e.Message);
        }
    }

    /// <summary>The most urgent open deadline: overdue before near before running, earliest due first.</summary>
    public static StepDeadline? MostUrgent(IReadOnlyList<StepDeadline> deadlines) =>
        deadlines.Where(d => d.Deadline.Status is DeadlineStatus.Overdue or DeadlineStatus.Warning or DeadlineStatus.Ok)
            .OrderBy(d => d.Deadline.Status switch { DeadlineStatus.Overdue => 0, DeadlineStatus.Warning => 1, _ => 2 })
            .ThenBy(d => d.Deadline.Due)
            .FirstOrDefault();

    public static readonly CaseState[] OpenStates = [CaseState.UnderReview, CaseState.AwaitingSupplement, CaseState.Accepted, CaseState.Suspended];

    /// <summary>
    /// The deadlines that still run: every step of an open case; of a closed case only the letters' feedback,
    /// since the steps of the hearing ended with the decision.
    /// </summary>
    public static IReadOnlyList<StepDeadline> Running(ReconsiderationCase c, IReadOnlyList<StepDeadline> deadlines) =>
        OpenStates.Contains(c.State) ? deadlines : [.. deadlines.Where(d => d.Step == ReconsiderationStep.OpinionFeedback)];

    /// <summary>Whether the case has a running deadline: it is open, or a letter of it awaits its rectification reply.</summary>
    public static bool HasRunningDeadline(ReconsiderationCase c) => OpenStates.Contains(c.State) || c.Letters.Any(l => l.AwaitingReply);
}

/// <summary>
/// Case numbers (案号) of a reconsideration body: <c>江府复〔2023〕1号</c>, numbered per unit and year of
/// receipt. The prefix is the body's place name: one character for the city (江府复), two for a county
/// (蓬江府复), so that numbers of different bodies never collide.
/// </summary>
public static class CaseNumbers
{
    public static string Prefix(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var place = unit.Name.Trim();
        var length = unit.Level == UnitLevel.City ? 1 : 2;
        return place[..Math.Min(length, place.Length)] + "府复";
    }

    public static string Format(string prefix, int year, int sequence) => $"{prefix}〔{year}〕{sequence}号";

    /// <summary>The sequence of a number with this prefix and year, or null for another series.</summary>
    public static int? SequenceOf(string number, string prefix, int year)
    {
        var head = $"{prefix}〔{year}〕";
        return number.StartsWith(head, StringComparison.Ordinal) && number.EndsWith('号')
            && int.TryParse(number.AsSpan(head.Length, number.Length - head.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>The next free number of the unit's series for the year.</summary>
    public static async Task<string> NextAsync(JixiaoDbContext db, Unit unit, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = Prefix(unit);
        var saved = await LastSavedAsync(db, unit, year, cancellationToken);

        // Cases added in this context but not yet saved take their numbers too.
        var local = db.ReconsiderationCases.Local.Where(c => c.UnitId == unit.Id).Select(c => SequenceOf(c.CaseNumber, prefix, year) ?? 0).DefaultIfEmpty(0).Max();
        return Format(prefix, year, Math.Max(saved, local) + 1);
    }

    /// <summary>The highest sequence of the unit's series for the year in the database (0 when none).</summary>
    public static async Task<int> LastSavedAsync(JixiaoDbContext db, Unit unit, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var prefix = Prefix(unit);
        var head = $"{prefix}〔{year}〕";
        var numbers = await db.ReconsiderationCases.IgnoreQueryFilters()
            .Where(c => c.UnitId == unit.Id && c.CaseNumber.StartsWith(head))
            .Select(c => c.CaseNumber)
            .ToListAsync(cancellationToken);
        return numbers.Select(n => SequenceOf(n, prefix, year) ?? 0).DefaultIfEmpty(0).Max();
    }
}

/// <summary>
/// Numbers for a batch of new cases (an import): each unit's series of a year is read from the database once, then
/// counted on in memory, so that numbering n cases costs one query per unit and year instead of one per case.
/// </summary>
internal sealed class CaseNumberSeries(JixiaoDbContext db)
{
    private readonly Dictionary<(int Unit, int Year), int> last = [];

    public async Task<string> NextAsync(Unit unit, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!last.TryGetValue((unit.Id, year), out var sequence))
        {
            sequence = await CaseNumbers.LastSavedAsync(db, unit, year, cancellationToken);
        }

        last[(unit.Id, year)] = ++sequence;
        return CaseNumbers.Format(CaseNumbers.Prefix(unit), year, sequence);
    }
}
