using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>
/// Scores from Excel (考评得分表): one row per assessed unit and indicator, all rows of a file written or none, each
/// problem named by row and column (an indicator number not in the scheme, a unit not assessed, a score above the points).
/// </summary>
public sealed class ImportScores(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public const string SheetName = "考评得分";

    public sealed class Row
    {
        public int Year { get; set; }
        public string UnitCode { get; set; } = string.Empty;
        public string Number { get; set; } = string.Empty;
        public decimal Score { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.WholeNumber("考评年度", (r, v) => r.Year = v, required: true, min: 2000, max: 9999, example: 2023),
        ImportColumn<Row>.Text("被考评单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440703"),
        ImportColumn<Row>.Text("指标编号", (r, v) => r.Number = v, required: true, maxLength: 10, example: "1.1", help: "板块序号.指标序号，见考评方案页"),
        ImportColumn<Row>.Custom<decimal>("得分", (r, v) => r.Score = v, ParseScore, "数字，0至该指标分值，最多两位小数", "2.5", required: true),
        ImportColumn<Row>.Text("扣分说明", (r, v) => r.Note = string.IsNullOrWhiteSpace(v) ? null : v, maxLength: 500, example: "未按时报送年度法治政府建设报告，扣0.5分"),
    ]);

    /// <returns>The number of scores written.</returns>
    public async Task<int> HandleAsync(Stream xlsx, long? length, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problems = new List<ValidationProblem>();
        var total = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var year in result.Rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Year))
        {
            var scheme = await ManageScheme.LoadAsync(db, year.Key, tracking: false, cancellationToken);
            if (scheme is null)
            {
                problems.AddRange(year.Select(x => Problem(x.i, "考评年度", $"{year.Key}年度没有考评方案，或方案不在您的数据范围内")));
                continue;
            }

            var numbers = scheme.Sections.SelectMany(s => s.Indicators.Select(i => (Number: ManageScheme.Number(s, i), i.Id))).ToDictionary(x => x.Number, x => x.Id);
            var units = new Dictionary<string, int>(StringComparer.Ordinal);
            var entries = new List<(int UnitId, ScoreEntry.Entry Entry, string Label)>();
            foreach (var (r, i) in year)
            {
                if (!units.TryGetValue(r.UnitCode, out var unitId))
                {
                    var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == r.UnitCode, cancellationToken);
                    unitId = unit is not null && scheme.IsTarget(unit.Id) ? unit.Id : 0;
                    units[r.UnitCode] = unitId;
                }

                if (unitId == 0)
                {
                    problems.Add(Problem(i, "被考评单位代码", $"“{r.UnitCode}”不是{year.Key}年度的被考评单位，或不在您的数据范围内"));
                }

                if (!numbers.TryGetValue(r.Number, out var indicatorId))
                {
                    problems.Add(Problem(i, "指标编号", $"{year.Key}年度方案没有编号为“{r.Number}”的指标"));
                }

                if (unitId != 0 && indicatorId != 0)
                {
                    entries.Add((unitId, new ScoreEntry.Entry(indicatorId, r.Score, r.Note), $"第{i + 1}条记录（{r.UnitCode} 指标{r.Number}）“得分”列："));
                }
            }

            if (problems.Count > 0)
            {
                continue;
            }

            try
            {
                total += ScoreEntry.Apply(db, scheme, entries, await ScoreEntry.ExistingAsync(db, scheme, [.. units.Values.Where(v => v != 0)], cancellationToken));
            }
            catch (ValidationException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    private static ValidationProblem Problem(int index, string column, string message) =>
        new($"{SheetName}第{index + 1}条记录“{column}”", $"第{index + 1}条记录“{column}”列：{message}。");

    private static (decimal, string?) ParseScore(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? (v, v < 0 ? "得分不能为负数" : decimal.Round(v, 2) != v ? "得分最多保留两位小数" : null)
            : (0, $"应为数字，实际为“{text}”");

    /// <summary>The scores of a year as the import sheet (unit, indicator number, score, note), with names for reading.</summary>
    public async Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schemes = await db.AssessmentSchemes.AsNoTracking().Where(s => year == null || s.Year == year).Select(s => s.Year).ToListAsync(cancellationToken);
        var rows = new List<(int Year, string UnitCode, string UnitName, string Number, string Indicator, decimal Points, decimal Score, string? Note)>();
        foreach (var y in schemes.Distinct().Order())
        {
            var scheme = (await ManageScheme.LoadAsync(db, y, tracking: false, cancellationToken))!;
            var indicators = scheme.Sections.SelectMany(s => s.Indicators.Select(i => (Number: ManageScheme.Number(s, i), Indicator: i))).ToDictionary(x => x.Indicator.Id);
            var scores = await db.AssessmentScores.AsNoTracking().Where(s => s.SchemeId == scheme.Id)
                .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.IndicatorId, s.Score, s.Note, u.Code, u.ShortName })
                .Where(s => unitCode == null || s.Code == unitCode)
                .ToListAsync(cancellationToken);
            rows.AddRange(scores.Select(s => (y, s.Code, s.ShortName, indicators[s.IndicatorId].Number, indicators[s.IndicatorId].Indicator.Name, indicators[s.IndicatorId].Indicator.Points, s.Score, s.Note))
                .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => indicators.Values.ToList().FindIndex(x => x.Number == r.Item4)));
        }

        return Xlsx.Write(rows,
        [
            ("考评年度", r => r.Year),
            ("被考评单位代码", r => r.UnitCode),
            ("被考评单位", r => r.UnitName),
            ("指标编号", r => r.Number),
            ("指标名称", r => r.Indicator),
            ("分值", r => r.Points),
            ("得分", r => r.Score),
            ("扣分说明", r => r.Note),
        ], SheetName);
    }
}
