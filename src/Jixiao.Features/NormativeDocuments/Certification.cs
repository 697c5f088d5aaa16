using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.NormativeDocuments;

/// <summary>The certification items under 告知承诺制 in scope: filtered, sorted, paged, and as Excel. A year selects by date included.</summary>
public sealed class ListCertificationItems(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, CertificationField? Field = null, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, string Name, CertificationField Field, string Agency, DateOnly IncludedOn,
        int CasesHandled, DateOnly? CasesAsOf, string? Note)
    {
        public string FieldName => NormativeTermNames.Name(Field);
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
            ("Name", false) => filtered.OrderBy(r => r.Name).ThenBy(r => r.Id),
            ("Name", true) => filtered.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
            ("Field", false) => filtered.OrderBy(r => r.Field).ThenBy(r => r.Id),
            ("Field", true) => filtered.OrderByDescending(r => r.Field).ThenBy(r => r.Id),
            ("CasesHandled", false) => filtered.OrderBy(r => r.CasesHandled).ThenBy(r => r.Id),
            ("CasesHandled", true) => filtered.OrderByDescending(r => r.CasesHandled).ThenBy(r => r.Id),
            ("IncludedOn", true) => filtered.OrderByDescending(r => r.IncludedOn).ThenByDescending(r => r.Id),
            _ => filtered.OrderBy(r => r.IncludedOn).ThenBy(r => r.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(r => r.IncludedOn).ThenBy(r => r.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("单位代码", r => r.UnitCode),
            ("单位", r => r.UnitName),
            ("证明事项名称", r => r.Name),
            ("所属领域", r => r.FieldName),
            ("实施机关", r => r.Agency),
            ("纳入日期", r => ListReviews.Day(r.IncludedOn)),
            ("办件数", r => r.CasesHandled),
            ("办件数截止日期", r => ListReviews.Day(r.CasesAsOf)),
            ("备注", r => r.Note),
        ], CertificationLedger.SheetName);
    }

    private static IQueryable<CertificationItem> Filter(JixiaoDbContext db, Query query)
    {
        var items = LedgerWriter.ForUnit(db, db.CertificationItems.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            items = items.Where(i => i.IncludedOn >= from && i.IncludedOn <= to);
        }

        if (query.Field is { } field)
        {
            items = items.Where(i => i.Field == field);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            items = items.Where(i => i.Name.Contains(text) || i.Agency.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            items = items.Where(i => list.Contains(i.Id));
        }

        return items;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<CertificationItem> items, CancellationToken cancellationToken)
    {
        var list = await items.ToListAsync(cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(i => i.UnitId), cancellationToken);
        return [.. list.Select(i => new Row(i.Id, units.GetValueOrDefault(i.UnitId).Code ?? "", units.GetValueOrDefault(i.UnitId).Name ?? "", i.Name, i.Field,
            i.Agency, i.IncludedOn, i.CasesHandled, i.CasesAsOf, i.Note))];
    }
}

/// <summary>Records, changes and deletes certification items.</summary>
public sealed class SaveCertificationItem(LedgerWriter writer)
{
    public sealed record Command(string UnitCode, string Name, CertificationField Field, string Agency, DateOnly IncludedOn, int CasesHandled,
        DateOnly? CasesAsOf, string? Note);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default) =>
        writer.CreateAsync(Area.NormativeDocuments, commands, c => c.UnitCode,
            (_, c, unitId) => new CertificationItem(unitId, c.Name, c.Field, c.Agency, c.IncludedOn, c.CasesHandled, c.CasesAsOf, c.Note),
            i => i.Id, label, cancellationToken);

    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<CertificationItem>(Area.NormativeDocuments, id, "证明事项",
            i => i.Update(command.Name, command.Field, command.Agency, command.IncludedOn, command.CasesHandled, command.CasesAsOf, command.Note), cancellationToken);
    }

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<CertificationItem>(Area.NormativeDocuments, id, "证明事项", cancellationToken);
}

/// <summary>The certification items as an <see cref="ILedger"/> (<c>certification-items</c>).</summary>
public sealed class CertificationLedger(SaveCertificationItem save, ListCertificationItems list) : ILedger
{
    public const string SheetName = "告知承诺制证明事项";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public CertificationField Field { get; set; }
        public string Agency { get; set; } = string.Empty;
        public DateOnly IncludedOn { get; set; }
        public int CasesHandled { get; set; }
        public DateOnly? CasesAsOf { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Text("证明事项名称", (r, v) => r.Name = v, required: true, maxLength: 200, example: "无犯罪记录证明"),
        ImportColumn<ImportRow>.Choice("所属领域", (r, v) => r.Field = v, [.. Enum.GetValues<CertificationField>().Select(f => (NormativeTermNames.Name(f), f))], required: true),
        ImportColumn<ImportRow>.Text("实施机关", (r, v) => r.Agency = v, required: true, maxLength: 100, example: "江门市公安局"),
        ImportColumn<ImportRow>.Date("纳入日期", (r, v) => r.IncludedOn = v, required: true, example: new DateOnly(2023, 5, 1)),
        ImportColumn<ImportRow>.WholeNumber("办件数", (r, v) => r.CasesHandled = v, min: 0, example: 1200),
        ImportColumn<ImportRow>.Date("办件数截止日期", (r, v) => r.CasesAsOf = v, example: new DateOnly(2023, 12, 31)),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => r.CasesAsOf < r.IncludedOn ? [("办件数截止日期", "办件数截止日期早于纳入日期")] : [],
    };

    public string Name => "certification-items";

    public string Title => "告知承诺制证明事项";

    public Area Area => Area.NormativeDocuments;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveCertificationItem.Command(r.UnitCode, r.Name, r.Field, r.Agency, r.IncludedOn, r.CasesHandled, r.CasesAsOf, r.Note))],
            i => $"第{i + 1}条（{rows[i].Name}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListCertificationItems.Query(unitCode, year), cancellationToken);
}
