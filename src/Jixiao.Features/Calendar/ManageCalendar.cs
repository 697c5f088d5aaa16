using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Calendar;

/// <summary>A year of the working-day calendar as the administration page shows it.</summary>
public sealed record CalendarYearRow(int Year, string OffDays, string WorkDays, string? Source, bool Stored, int HolidayDays, int AdjustedWorkDays);

/// <summary>
/// The working-day calendar (工作日历): the shipped years and administrators' additions and corrections.
/// A year is checked before it is saved (ranges in order, adjusted working days on weekends outside holidays).
/// </summary>
public sealed class ManageCalendar(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, WorkdayCalendarProvider provider, TimeProvider clock)
{
    public async Task<IReadOnlyList<CalendarYearRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        return [.. provider.Calendar.Arrangements.OrderBy(y => y.Year).Select(y => new CalendarYearRow(
            y.Year, CalendarYear.Format(y), CalendarYear.FormatWork(y), y.Source, stored.Contains(y.Year),
            y.Off.Sum(r => r.To.DayNumber - r.From.DayNumber + 1), y.Work.Count))];
    }

    public async Task SaveAsync(int year, string offDays, string workDays, string source, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration, write: true);
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException([new("Year", $"年度 {year} 无效。")]);
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ValidationException([new("Source", "请填写依据（国务院办公厅节假日安排通知的名称或文号）。")]);
        }

        var record = new CalendarYear { Year = year, OffDays = offDays ?? string.Empty, WorkDays = workDays ?? string.Empty, Source = source.Trim() };
        var checkedYear = record.ToWorkdayYear();
        if (checkedYear.Off.Concat(checkedYear.Work.Select(d => new DayRange(d, d))).Any(r => r.From.Year != year && r.To.Year != year))
        {
            throw new ValidationException([new("OffDays", $"日期应属于 {year} 年（跨年的元旦假期可包含相邻日期）。")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (existing is null)
        {
            existing = new CalendarYear { Year = year };
            db.CalendarYears.Add(existing);
        }

        existing.OffDays = CalendarYear.Format(checkedYear);
        existing.WorkDays = CalendarYear.FormatWork(checkedYear);
        existing.Source = record.Source;
        existing.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        existing.UpdatedBy = user.DisplayName;
        await db.SaveChangesAsync(cancellationToken);
        provider.Invalidate();
    }

    /// <summary>Removes an administrator's entry: the shipped arrangement of that year, if any, applies again.</summary>
    public async Task RemoveAsync(int year, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken)
            ?? throw new NotFoundException($"{year} 年没有管理员录入的安排。");
        db.CalendarYears.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        provider.Invalidate();
    }
}
