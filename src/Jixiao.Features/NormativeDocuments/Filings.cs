using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.NormativeDocuments;

/// <summary>The filing reviews (备案审查) in scope: filtered, sorted, paged, and as Excel. A year selects by date filed.</summary>
public sealed class ListFilings(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, string? FilingGovernment = null, FilingResult? Result = null,
        bool? OnTime = null, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, string FilingGovernment, string Title, string? DocumentNumber,
        DateOnly PublishedOn, DateOnly FiledOn, bool FiledOnTime, DateOnly? ReviewedOn, FilingResult? Result, string? Note)
    {
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
            ("FilingGovernment", false) => filtered.OrderBy(r => r.FilingGovernment).ThenBy(r => r.Id),
            ("FilingGovernment", true) => filtered.OrderByDescending(r => r.FilingGovernment).ThenBy(r => r.Id),
            ("PublishedOn", false) => filtered.OrderBy(r => r.PublishedOn).ThenBy(r => r.Id),
            ("PublishedOn", true) => filtered.OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id),
            ("FiledOn", false) => filtered.OrderBy(r => r.FiledOn).ThenBy(r => r.Id),
            _ => filtered.OrderByDescending(r => r.FiledOn).ThenByDescending(r => r.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(r => r.FiledOn).ThenBy(r => r.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("审查机关代码", r => r.UnitCode),
            ("审查机关", r => r.UnitName),
            ("报备机关", r => r.FilingGovernment),
            ("文件名称", r => r.Title),
            ("文号", r => r.DocumentNumber),
            ("公布日期", r => ListReviews.Day(r.PublishedOn)),
            ("报备日期", r => ListReviews.Day(r.FiledOn)),
            ("按时报备", r => r.FiledOnTime ? "是" : "否"),
            ("审查日期", r => ListReviews.Day(r.ReviewedOn)),
            ("审查结果", r => r.ResultName),
            ("备注", r => r.Note),
        ], FilingsLedger.SheetName);
    }

    private static IQueryable<FilingReview> Filter(JixiaoDbContext db, Query query)
    {
        var filings = LedgerWriter.ForUnit(db, db.FilingReviews.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            filings = filings.Where(r => r.FiledOn >= from && r.FiledOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.FilingGovernment))
        {
            var g = query.FilingGovernment.Trim();
            filings = filings.Where(r => r.FilingGovernment.Contains(g));
        }

        if (query.Result is { } result)
        {
            filings = filings.Where(r => r.Result == result);
        }

        if (query.OnTime is { } onTime)
        {
            // NormativeRules.FiledOnTime in a form both databases translate.
            filings = onTime
                ? filings.Where(r => r.FiledOn <= r.PublishedOn.AddDays(NormativeRules.FilingDays))
                : filings.Where(r => r.FiledOn > r.PublishedOn.AddDays(NormativeRules.FilingDays));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            filings = filings.Where(r => r.Title.Contains(text) || (r.DocumentNumber != null && r.DocumentNumber.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            filings = filings.Where(r => list.Contains(r.Id));
        }

        return filings;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<FilingReview> filings, CancellationToken cancellationToken)
    {
        var list = await filings.ToListAsync(cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(r => r.UnitId), cancellationToken);
        return [.. list.Select(r => new Row(r.Id, units.GetValueOrDefault(r.UnitId).Code ?? "", units.GetValueOrDefault(r.UnitId).Name ?? "", r.FilingGovernment,
            r.Title, r.DocumentNumber, r.PublishedOn, r.FiledOn, r.FiledOnTime, r.ReviewedOn, r.Result, r.Note))];
    }
}

/// <summary>Records, changes and deletes filing reviews.</summary>
public sealed class SaveFiling(LedgerWriter writer)
{
    public sealed record Command(string UnitCode, string FilingGovernment, string Title, string? DocumentNumber, DateOnly PublishedOn, DateOnly FiledOn,
        DateOnly? ReviewedOn, FilingResult? Result, string? Note);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default) =>
        writer.CreateAsync(Area.NormativeDocuments, commands, c => c.UnitCode,
            (_, c, unitId) => new FilingReview(unitId, c.FilingGovernment, c.Title, c.DocumentNumber, c.PublishedOn, c.FiledOn, c.ReviewedOn, c.Result, c.Note),
            r => r.Id, label, cancellationToken);

    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<FilingReview>(Area.NormativeDocuments, id, "备案审查记录",
            r => r.Update(command.FilingGovernment, command.Title, command.DocumentNumber, command.PublishedOn, command.FiledOn, command.ReviewedOn, command.Result, command.Note),
            cancellationToken);
    }

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<FilingReview>(Area.NormativeDocuments, id, "备案审查记录", cancellationToken);
}

/// <summary>The filing reviews as an <see cref="ILedger"/> (<c>normative-filings</c>).</summary>
public sealed class FilingsLedger(SaveFiling save, ListFilings list) : ILedger
{
    public const string SheetName = "备案审查";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public string FilingGovernment { get; set; } = string.Empty;
        public string Title { get; set; } = string.Empty;
        public string? DocumentNumber { get; set; }
        public DateOnly PublishedOn { get; set; }
        public DateOnly FiledOn { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        public FilingResult? Result { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("审查机关代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Text("报备机关", (r, v) => r.FilingGovernment = v, required: true, maxLength: 100, example: "台山市人民政府"),
        ImportColumn<ImportRow>.Text("文件名称", (r, v) => r.Title = v, required: true, maxLength: 200, example: "台山市农村宅基地管理办法"),
        ImportColumn<ImportRow>.Text("文号", (r, v) => r.DocumentNumber = v, maxLength: 60, example: "台府〔2023〕5号"),
        ImportColumn<ImportRow>.Date("公布日期", (r, v) => r.PublishedOn = v, required: true, example: new DateOnly(2023, 4, 3)),
        ImportColumn<ImportRow>.Date("报备日期", (r, v) => r.FiledOn = v, required: true, example: new DateOnly(2023, 4, 12)),
        ImportColumn<ImportRow>.Date("审查日期", (r, v) => r.ReviewedOn = v, example: new DateOnly(2023, 5, 8)),
        ImportColumn<ImportRow>.Choice("审查结果", (r, v) => r.Result = v, [.. Enum.GetValues<FilingResult>().Select(x => (NormativeTermNames.Name(x), (FilingResult?)x))]),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => r.FiledOn < r.PublishedOn
            ? [("报备日期", "报备日期早于公布日期")]
            : (r.ReviewedOn is null) != (r.Result is null) ? [(r.Result is null ? "审查结果" : "审查日期", "审查日期和审查结果须同时填写")] : [],
    };

    public string Name => "normative-filings";

    public string Title => "规范性文件备案审查";

    public Area Area => Area.NormativeDocuments;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveFiling.Command(r.UnitCode, r.FilingGovernment, r.Title, r.DocumentNumber, r.PublishedOn, r.FiledOn, r.ReviewedOn, r.Result, r.Note))],
            i => $"第{i + 1}条（{rows[i].Title}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListFilings.Query(unitCode, year), cancellationToken);
}
