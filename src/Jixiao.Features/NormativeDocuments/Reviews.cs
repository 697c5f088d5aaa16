using System.Globalization;
using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.NormativeDocuments;

/// <summary>The legality reviews (合法性审核) in scope: filtered, sorted, paged, and as Excel.</summary>
/// <remarks>A year selects the reviews finished in it, and the open ones received in it (the figures count by review date).</remarks>
public sealed class ListReviews(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, DocumentLevel? Level = null, ReviewResult? Result = null,
        bool OpenOnly = false, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, DocumentLevel Level, string Title, string DraftingUnit,
        DateOnly ReceivedOn, DateOnly? ReviewedOn, ReviewResult? Result, int? DaysTaken, string? Note)
    {
        public string LevelName => NormativeTermNames.Name(Level);

        public string? ResultName => Result is { } r ? NormativeTermNames.Name(r) : null;
    }

    public async Task<Paged<Row>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Title", false) => filtered.OrderBy(r => r.Title).ThenBy(r => r.Id),
            ("Title", true) => filtered.OrderByDescending(r => r.Title).ThenBy(r => r.Id),
            ("ReviewedOn", false) => filtered.OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id),
            ("ReviewedOn", true) => filtered.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id),
            ("ReceivedOn", false) => filtered.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id),
            _ => filtered.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("审核机关代码", r => r.UnitCode),
            ("审核机关", r => r.UnitName),
            ("文件类别", r => r.LevelName),
            ("文件名称", r => r.Title),
            ("起草单位", r => r.DraftingUnit),
            ("收文日期", r => Day(r.ReceivedOn)),
            ("审核日期", r => Day(r.ReviewedOn)),
            ("审核结果", r => r.ResultName),
            ("用时（天）", r => r.DaysTaken),
            ("备注", r => r.Note),
        ], ReviewsLedger.SheetName);
    }

    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IQueryable<LegalityReview> Filter(JixiaoDbContext db, Query query)
    {
        var reviews = LedgerWriter.ForUnit(db, db.LegalityReviews.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            reviews = reviews.Where(r => (r.ReviewedOn >= from && r.ReviewedOn <= to) || (r.ReviewedOn == null && r.ReceivedOn >= from && r.ReceivedOn <= to));
        }

        if (query.Level is { } level)
        {
            reviews = reviews.Where(r => r.Level == level);
        }

        if (query.Result is { } result)
        {
            reviews = reviews.Where(r => r.Result == result);
        }

        if (query.OpenOnly)
        {
            reviews = reviews.Where(r => r.ReviewedOn == null);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            reviews = reviews.Where(r => r.Title.Contains(text) || r.DraftingUnit.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            reviews = reviews.Where(r => list.Contains(r.Id));
        }

        return reviews;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<LegalityReview> reviews, CancellationToken cancellationToken)
    {
        var list = await reviews.ToListAsync(cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(r => r.UnitId), cancellationToken);
        return [.. list.Select(r => new Row(r.Id, units.GetValueOrDefault(r.UnitId).Code ?? "", units.GetValueOrDefault(r.UnitId).Name ?? "", r.Level, r.Title,
            r.DraftingUnit, r.ReceivedOn, r.ReviewedOn, r.Result, r.DaysTaken, r.Note))];
    }
}

/// <summary>Records, changes and deletes legality reviews.</summary>
public sealed class SaveReview(LedgerWriter writer)
{
    public sealed record Command(string UnitCode, DocumentLevel Level, string Title, string DraftingUnit, DateOnly ReceivedOn,
        DateOnly? ReviewedOn, ReviewResult? Result, string? Note);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    /// <summary>Every review or none.</summary>
    public Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default) =>
        writer.CreateAsync(Area.NormativeDocuments, commands, c => c.UnitCode,
            (_, c, unitId) => new LegalityReview(unitId, c.Level, c.Title, c.DraftingUnit, c.ReceivedOn, c.ReviewedOn, c.Result, c.Note),
            r => r.Id, label, cancellationToken);

    /// <summary>Changes a review (its unit stays).</summary>
    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<LegalityReview>(Area.NormativeDocuments, id, "审核记录",
            r => r.Update(command.Level, command.Title, command.DraftingUnit, command.ReceivedOn, command.ReviewedOn, command.Result, command.Note), cancellationToken);
    }

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<LegalityReview>(Area.NormativeDocuments, id, "审核记录", cancellationToken);
}

/// <summary>The legality reviews as an <see cref="ILedger"/> (<c>normative-reviews</c>).</summary>
public sealed class ReviewsLedger(SaveReview save, ListReviews list) : ILedger
{
    public const string SheetName = "合法性审核";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public DocumentLevel Level { get; set; }
        public string Title { get; set; } = string.Empty;
        public string DraftingUnit { get; set; } = string.Empty;
        public DateOnly ReceivedOn { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        public ReviewResult? Result { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("审核机关代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Choice("文件类别", (r, v) => r.Level = v, [.. Enum.GetValues<DocumentLevel>().Select(l => (NormativeTermNames.Name(l), l))], required: true),
        ImportColumn<ImportRow>.Text("文件名称", (r, v) => r.Title = v, required: true, maxLength: 200, example: "江门市养老服务补贴管理办法（送审稿）"),
        ImportColumn<ImportRow>.Text("起草单位", (r, v) => r.DraftingUnit = v, required: true, maxLength: 100, example: "江门市民政局"),
        ImportColumn<ImportRow>.Date("收文日期", (r, v) => r.ReceivedOn = v, required: true, example: new DateOnly(2023, 3, 1)),
        ImportColumn<ImportRow>.Date("审核日期", (r, v) => r.ReviewedOn = v, example: new DateOnly(2023, 3, 10)),
        ImportColumn<ImportRow>.Choice("审核结果", (r, v) => r.Result = v, [.. Enum.GetValues<ReviewResult>().Select(x => (NormativeTermNames.Name(x), (ReviewResult?)x))]),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => (r.ReviewedOn is null) != (r.Result is null)
            ? [(r.Result is null ? "审核结果" : "审核日期", "审核日期和审核结果须同时填写")]
            : r.ReviewedOn < r.ReceivedOn ? [("审核日期", "审核日期早于收文日期")] : [],
    };

    public string Name => "normative-reviews";

    public string Title => "规范性文件合法性审核";

    public Area Area => Area.NormativeDocuments;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveReview.Command(r.UnitCode, r.Level, r.Title, r.DraftingUnit, r.ReceivedOn, r.ReviewedOn, r.Result, r.Note))],
            i => $"第{i + 1}条（{rows[i].Title}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListReviews.Query(unitCode, year), cancellationToken);
}
