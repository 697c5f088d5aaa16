using Jixiao.Domain;
using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>
/// The scheme editor (考评方案): a year's scheme with its sections, indicators, assessing units and the units to be
/// assessed; every change goes through <see cref="AssessmentScheme"/>, which keeps the points within the full marks.
/// </summary>
public sealed class ManageScheme(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record IndicatorView(int Id, int SectionId, string Number, string Name, decimal Points, string? Method, int? AssessorId, string? AssessorName);

    public sealed record SectionView(int Id, int Sort, string Name, decimal Points, decimal IndicatorPoints, IReadOnlyList<IndicatorView> Indicators);

    public sealed record TargetView(int UnitId, string UnitCode, string UnitName);

    public sealed record SchemeView(
        int Id, int Year, string Title, string UnitName, decimal FullMarks, GradeThresholds Thresholds, bool Balanced,
        IReadOnlyList<SectionView> Sections, IReadOnlyList<(int Id, string Name)> Assessors, IReadOnlyList<TargetView> Targets)
    {
        public IEnumerable<IndicatorView> Indicators => Sections.SelectMany(s => s.Indicators);
    }

    /// <summary>The scheme of a year within the user's scope, or null.</summary>
    public async Task<SchemeView?> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheme = await LoadAsync(db, year, tracking: false, cancellationToken);
        if (scheme is null)
        {
            return null;
        }

        var unitIds = scheme.Targets.Select(t => t.UnitId).Append(scheme.UnitId).ToList();
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        return View(scheme, units);
    }

    /// <summary>The years that have a scheme, latest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AssessmentSchemes.AsNoTracking().Select(s => s.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
    }

    public sealed record Create(string UnitCode, int Year, string Title, decimal FullMarks, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom, IReadOnlyList<string> TargetUnitCodes);

    public async Task<int> CreateAsync(Create command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == command.UnitCode, cancellationToken)
            ?? throw new NotFoundException($"单位“{command.UnitCode}”不存在或不在您的数据范围内。");
        if (await db.AssessmentSchemes.AnyAsync(s => s.UnitId == unit.Id && s.Year == command.Year, cancellationToken))
        {
            throw new DomainException($"{unit.Name}{command.Year}年度的考评方案已存在。");
        }

        var scheme = new AssessmentScheme(unit.Id, command.Year, command.Title, command.FullMarks, new GradeThresholds(command.ExcellentFrom, command.GoodFrom, command.PassFrom));
        foreach (var code in command.TargetUnitCodes)
        {
            var target = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
                ?? throw new NotFoundException($"被考评单位“{code}”不存在或不在您的数据范围内。");
            scheme.AddTarget(target.Id);
        }

        db.AssessmentSchemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);
        return scheme.Id;
    }

    public Task SetThresholdsAsync(int year, GradeThresholds thresholds, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.SetThresholds(thresholds), cancellationToken);

    public Task AddSectionAsync(int year, string name, decimal points, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.AddSection(name, points), cancellationToken);

    public Task ChangeSectionAsync(int year, int sectionId, string name, decimal points, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.ChangeSection(Section(s, sectionId), name, points), cancellationToken);

    public Task RemoveSectionAsync(int year, int sectionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.RemoveSection(Section(s, sectionId)), cancellationToken);

    public Task AddAssessorAsync(int year, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.AddAssessor(name), cancellationToken);

    public Task AddIndicatorAsync(int year, int sectionId, string name, decimal points, int? assessorId, string? method, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.AddIndicator(Section(s, sectionId), name, points, Assessor(s, assessorId), method), cancellationToken);

    public Task ChangeIndicatorAsync(int year, int indicatorId, string name, decimal points, int? assessorId, string? method, CancellationToken cancellationToken = default) =>
        ChangeAsync(year, s => s.ChangeIndicator(Indicator(s, indicatorId), name, points, Assessor(s, assessorId), method), cancellationToken);

    /// <summary>Removes an indicator that has no scores yet.</summary>
    public async Task RemoveIndicatorAsync(int year, int indicatorId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scored = await db.AssessmentScores.IgnoreQueryFilters().CountAsync(s => s.IndicatorId == indicatorId, cancellationToken);
        if (scored > 0)
        {
            throw new DomainException($"该指标已有{scored}个得分，不能删除；请先清除得分。");
        }

        var scheme = await LoadAsync(db, year, tracking: true, cancellationToken) ?? throw NoScheme(year);
        scheme.RemoveIndicator(Indicator(scheme, indicatorId));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ChangeAsync(int year, Action<AssessmentScheme> change, CancellationToken cancellationToken)
    {
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheme = await LoadAsync(db, year, tracking: true, cancellationToken) ?? throw NoScheme(year);
        change(scheme);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static NotFoundException NoScheme(int year) => new($"{year}年度没有考评方案，或方案不在您的数据范围内。");

    /// <summary>The scheme of a year visible to the user, with everything below it.</summary>
    internal static async Task<AssessmentScheme?> LoadAsync(JixiaoDbContext db, int year, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.AssessmentSchemes
            .Include(s => s.Sections).ThenInclude(s => s.Indicators).ThenInclude(i => i.Assessor)
            .Include(s => s.Assessors)
            .Include(s => s.Targets)
            .AsSplitQuery()
            .Where(s => s.Year == year)
            .OrderBy(s => s.UnitId);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The number of an indicator as shown and imported: section sort and indicator sort, e.g. 2.5.</summary>
    public static string Number(AssessmentSection section, AssessmentIndicator indicator) =>
        FormattableString.Invariant($"{section.Sort}.{indicator.Sort}");

    internal static SchemeView View(AssessmentScheme s, IReadOnlyDictionary<int, Unit> units) => new(
        s.Id, s.Year, s.Title, units.TryGetValue(s.UnitId, out var u) ? u.Name : string.Empty, s.FullMarks, s.Thresholds, s.Balanced,
        [.. s.Sections.OrderBy(x => x.Sort).Select(x => new SectionView(x.Id, x.Sort, x.Name, x.Points, x.IndicatorPoints,
            [.. x.Indicators.OrderBy(i => i.Sort).Select(i => new IndicatorView(i.Id, x.Id, Number(x, i), i.Name, i.Points, i.Method, i.AssessorId, i.Assessor?.Name))]))],
        [.. s.Assessors.OrderBy(a => a.Sort).Select(a => (a.Id, a.Name))],
        [.. s.Targets.Select(t => units.TryGetValue(t.UnitId, out var tu) ? new TargetView(t.UnitId, tu.Code, tu.ShortName) : new TargetView(t.UnitId, string.Empty, string.Empty))
            .OrderBy(t => t.UnitCode, StringComparer.Ordinal)]);

    private static AssessmentSection Section(AssessmentScheme s, int id) =>
        s.Sections.FirstOrDefault(x => x.Id == id) ?? throw new NotFoundException("板块不存在。");

    private static AssessmentIndicator Indicator(AssessmentScheme s, int id) =>
        s.Indicators.FirstOrDefault(x => x.Id == id) ?? throw new NotFoundException("指标不存在。");

    private static AssessingUnit? Assessor(AssessmentScheme s, int? id) => id is null
        ? null
        : s.Assessors.FirstOrDefault(a => a.Id == id) ?? throw new NotFoundException("考评单位不存在。");
}
