using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>The results of a year's assessment (考评结果): each assessed unit's total, section subtotals, rank and grade; coverage.</summary>
public sealed class AssessmentResults(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Row(int TargetId, string UnitCode, string UnitName, IReadOnlyList<decimal> SectionTotals, decimal Total, int Scored, bool Complete, AssessmentGrade? Grade, int? Rank)
    {
        public string GradeName => Grade is { } g ? AssessmentRules.GradeName(g) : "未完成";
    }

    public sealed record Result(int Year, string Title, decimal FullMarks, GradeThresholds Thresholds, IReadOnlyList<string> Sections, int IndicatorCount,
        IReadOnlyList<Row> Rows, int Assessed, int ToBeAssessed, decimal? Coverage);

    public async Task<Result?> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheme = await ManageScheme.LoadAsync(db, year, tracking: false, cancellationToken);
        return scheme is null ? null : await ComputeAsync(db, scheme, cancellationToken);
    }

    internal static async Task<Result> ComputeAsync(JixiaoDbContext db, AssessmentScheme scheme, CancellationToken cancellationToken)
    {
        var targetUnits = scheme.Targets.Select(t => t.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => targetUnits.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var scores = await db.AssessmentScores.AsNoTracking().Where(s => s.SchemeId == scheme.Id)
            .Select(s => new { s.UnitId, s.IndicatorId, s.Score }).ToListAsync(cancellationToken);
        var sections = scheme.Sections.OrderBy(s => s.Sort).ToList();
        var sectionOf = sections.SelectMany((s, i) => s.Indicators.Select(ind => (ind.Id, Index: i))).ToDictionary(x => x.Id, x => x.Index);
        var indicatorCount = sectionOf.Count;

        // A unit outside the user's scope is left out; so are its scores (the scope filter removes them).
        var visible = scheme.Targets.Where(t => units.ContainsKey(t.UnitId)).ToList();
        var byUnit = visible.ToDictionary(t => t.UnitId, t => (IReadOnlyList<decimal>)[.. scores.Where(s => s.UnitId == t.UnitId && sectionOf.ContainsKey(s.IndicatorId)).Select(s => s.Score)]);
        var results = AssessmentRules.Results(byUnit, indicatorCount, scheme.Thresholds);
        var rows = results.Select(r =>
        {
            var subtotals = sections.Select((_, i) => scores.Where(s => s.UnitId == r.UnitId && sectionOf.TryGetValue(s.IndicatorId, out var si) && si == i).Sum(s => s.Score)).ToList();
            var unit = units[r.UnitId];
            return new Row(visible.First(t => t.UnitId == r.UnitId).Id, unit.Code, unit.ShortName, subtotals, r.Total, r.Scored, r.Complete, r.Grade, r.Rank);
        }).ToList();
        var assessed = rows.Count(r => r.Complete);
        return new Result(scheme.Year, scheme.Title, scheme.FullMarks, scheme.Thresholds, [.. sections.Select(s => $"{s.Name}（{s.Points:0.##}分）")], indicatorCount,
            rows, assessed, visible.Count, AssessmentRules.Coverage(assessed, visible.Count));
    }

    /// <summary>
    /// The records behind a figure of <see cref="AssessmentMetrics"/> (drill-down): assessed units with their result, or the
    /// scheme's assessing units, sections or indicators, as name and detail.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Detail)>> RecordsAsync(string key, IReadOnlyList<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = ids.ToList();
        switch (key)
        {
            case "assessment.assessing_units":
                return [.. (await db.AssessmentSchemes.AsNoTracking().SelectMany(s => s.Assessors.Select(a => new { a.Id, a.Name, s.Title, a.Sort }))
                    .Where(a => list.Contains(a.Id)).ToListAsync(cancellationToken)).OrderBy(a => a.Sort).Select(a => (a.Name, a.Title))];
            case "assessment.sections":
                return [.. (await db.AssessmentSchemes.AsNoTracking().SelectMany(s => s.Sections.Select(x => new { x.Id, x.Name, x.Points, x.Sort, s.Title }))
                    .Where(x => list.Contains(x.Id)).ToListAsync(cancellationToken)).OrderBy(x => x.Sort).Select(x => (x.Name, $"{x.Title}，{x.Points:0.##}分"))];
            case "assessment.indicators":
                var schemes = await db.AssessmentSchemes.AsNoTracking().Include(s => s.Sections).ThenInclude(s => s.Indicators).ThenInclude(i => i.Assessor)
                    .AsSplitQuery().Where(s => s.Sections.Any(x => x.Indicators.Any(i => list.Contains(i.Id)))).ToListAsync(cancellationToken);
                return [.. schemes.SelectMany(s => s.Sections.OrderBy(x => x.Sort).SelectMany(x => x.Indicators.OrderBy(i => i.Sort)
                    .Where(i => list.Contains(i.Id))
                    .Select(i => ($"{ManageScheme.Number(x, i)} {i.Name}", $"{x.Name}，{i.Points:0.##}分，考评单位：{i.Assessor?.Name ?? "—"}"))))];
            default:
                var targets = await db.AssessmentSchemes.AsNoTracking().SelectMany(s => s.Targets.Select(t => new { t.Id, t.UnitId, s.Year }))
                    .Where(t => list.Contains(t.Id)).ToListAsync(cancellationToken);
                var rows = new List<(string, string)>();
                foreach (var y in targets.Select(t => t.Year).Distinct().Order())
                {
                    var result = await GetAsync(y, cancellationToken);
                    rows.AddRange(result?.Rows.Where(r => list.Contains(r.TargetId))
                        .Select(r => (r.UnitName, $"{y}年度 总分{r.Total:0.##}，排名{r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}，{r.GradeName}")) ?? []);
                }

                return rows;
        }
    }

    /// <summary>The results as .xlsx: one row per assessed unit with section subtotals, total, rank and grade.</summary>
    public async Task<byte[]> ExportAsync(int year, CancellationToken cancellationToken = default)
    {
        var result = await GetAsync(year, cancellationToken) ?? throw ManageScheme.NoScheme(year);
        var columns = new List<(string Header, Func<Row, object?> Value)>
        {
            ("排名", r => r.Rank),
            ("被考评单位", r => r.UnitName),
            ("单位代码", r => r.UnitCode),
        };
        for (var i = 0; i < result.Sections.Count; i++)
        {
            var index = i;
            columns.Add((result.Sections[i], r => r.SectionTotals[index]));
        }

        columns.Add(("总分", r => r.Total));
        columns.Add(("已评指标", r => $"{r.Scored}/{result.IndicatorCount}"));
        columns.Add(("等次", r => r.GradeName));
        return Xlsx.Write(result.Rows, columns, $"{year}年度考评结果");
    }
}
