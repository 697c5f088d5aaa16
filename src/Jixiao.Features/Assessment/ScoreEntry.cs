using Jixiao.Domain;
using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>
/// Score entry (评分录入) for one assessed unit: the grid of the scheme's indicators with the unit's scores and notes,
/// saved all together or not at all; a score above the indicator's points is refused with the indicator named.
/// </summary>
public sealed class ScoreEntry(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Line(int IndicatorId, string Number, string Section, string Indicator, decimal Points, string? Assessor, decimal? Score, string? Note);

    /// <summary>A score to save for an indicator; a null score clears it.</summary>
    public sealed record Entry(int IndicatorId, decimal? Score, string? Note);

    public async Task<IReadOnlyList<Line>> GridAsync(int year, string unitCode, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheme = await ManageScheme.LoadAsync(db, year, tracking: false, cancellationToken) ?? throw ManageScheme.NoScheme(year);
        var unit = await TargetAsync(db, scheme, unitCode, cancellationToken);
        var scores = await db.AssessmentScores.AsNoTracking().Where(s => s.SchemeId == scheme.Id && s.UnitId == unit.Id)
            .ToDictionaryAsync(s => s.IndicatorId, cancellationToken);
        return [.. scheme.Sections.OrderBy(s => s.Sort).SelectMany(s => s.Indicators.OrderBy(i => i.Sort).Select(i =>
            new Line(i.Id, ManageScheme.Number(s, i), s.Name, i.Name, i.Points, i.Assessor?.Name,
                scores.TryGetValue(i.Id, out var sc) ? sc.Score : null, scores.TryGetValue(i.Id, out var sn) ? sn.Note : null)))];
    }

    /// <summary>Saves the entries of one unit; every entry is checked first and nothing is written if any is wrong.</summary>
    /// <returns>The number of scores written or cleared.</returns>
    public async Task<int> SaveAsync(int year, string unitCode, IReadOnlyList<Entry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheme = await ManageScheme.LoadAsync(db, year, tracking: false, cancellationToken) ?? throw ManageScheme.NoScheme(year);
        var unit = await TargetAsync(db, scheme, unitCode, cancellationToken);
        var changed = Apply(db, scheme, [.. entries.Select(e => (unit.Id, e, $"{unit.ShortName} "))], await ExistingAsync(db, scheme, [unit.Id], cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    internal static async Task<Dictionary<(int IndicatorId, int UnitId), AssessmentScore>> ExistingAsync(
        JixiaoDbContext db, AssessmentScheme scheme, IReadOnlyList<int> unitIds, CancellationToken cancellationToken) =>
        await db.AssessmentScores.Where(s => s.SchemeId == scheme.Id && unitIds.Contains(s.UnitId))
            .ToDictionaryAsync(s => (s.IndicatorId, s.UnitId), cancellationToken);

    /// <summary>Checks every entry, then adds, changes or removes the scores; throws a <see cref="ValidationException"/> before any change.</summary>
    internal static int Apply(JixiaoDbContext db, AssessmentScheme scheme, IReadOnlyList<(int UnitId, Entry Entry, string Label)> entries,
        Dictionary<(int IndicatorId, int UnitId), AssessmentScore> existing)
    {
        var indicators = scheme.Sections.SelectMany(s => s.Indicators.Select(i => (Section: s, Indicator: i))).ToDictionary(x => x.Indicator.Id);
        var problems = new List<ValidationProblem>();
        var seen = new HashSet<(int, int)>();
        foreach (var (unitId, e, label) in entries)
        {
            if (!indicators.TryGetValue(e.IndicatorId, out var x))
            {
                problems.Add(new ValidationProblem(label + "指标", $"{label}指标（编号{e.IndicatorId}）不属于{scheme.Year}年度方案。"));
                continue;
            }

            var field = $"{label}{ManageScheme.Number(x.Section, x.Indicator)} {x.Indicator.Name}";
            if (!seen.Add((e.IndicatorId, unitId)))
            {
                problems.Add(new ValidationProblem(field, $"{field}：重复录入。"));
            }

            if (e.Score is { } score && AssessmentRules.ScoreProblem(score, x.Indicator.Points) is { } problem)
            {
                problems.Add(new ValidationProblem(field, $"{field}：{problem}"));
            }

            if (e.Note is { Length: > 500 })
            {
                problems.Add(new ValidationProblem(field, $"{field}：扣分说明不能超过500字。"));
            }
        }

        ValidationException.ThrowIfAny(problems);
        var changed = 0;
        foreach (var (unitId, e, _) in entries)
        {
            var indicator = indicators[e.IndicatorId].Indicator;
            existing.TryGetValue((e.IndicatorId, unitId), out var current);
            if (e.Score is { } score)
            {
                if (current is null)
                {
                    db.AssessmentScores.Add(new AssessmentScore(scheme, indicator, unitId, score, e.Note));
                    changed++;
                }
                else if (current.Score != score || current.Note != (string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim()))
                {
                    current.Change(indicator, score, e.Note);
                    changed++;
                }
            }
            else if (current is not null)
            {
                db.AssessmentScores.Remove(current);
                changed++;
            }
        }

        return changed;
    }

    internal static async Task<Unit> TargetAsync(JixiaoDbContext db, AssessmentScheme scheme, string unitCode, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"被考评单位“{unitCode}”不存在或不在您的数据范围内。");
        return scheme.IsTarget(unit.Id) ? unit : throw new DomainException($"{unit.Name}不是{scheme.Year}年度的被考评单位。");
    }
}
