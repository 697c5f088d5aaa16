using Jixiao.Domain;
using Jixiao.Domain.LegalAdvice;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Features.NormativeDocuments;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.LegalAdvice;

/// <summary>The advisers in scope with their matters and opinions; a year selects the advisers engaged during it.</summary>
public sealed class ListAdvisers(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, bool? Pooled = null, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, string Name, AdviserKind Kind, string? Organisation, bool Pooled,
        DateOnly EngagedFrom, DateOnly EngagedTo, string? Note, int Matters, int Opinions)
    {
        public string KindName => LegalAdviceNames.Name(Kind);
    }

    public async Task<Paged<Row>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.LegalAdvice);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Name", true) => filtered.OrderByDescending(a => a.Name).ThenBy(a => a.Id),
            ("EngagedFrom", false) => filtered.OrderBy(a => a.EngagedFrom).ThenBy(a => a.Id),
            ("EngagedFrom", true) => filtered.OrderByDescending(a => a.EngagedFrom).ThenBy(a => a.Id),
            _ => filtered.OrderBy(a => a.Pooled).ThenBy(a => a.Name).ThenBy(a => a.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), query.Year, cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    /// <summary>Every adviser in scope, for choosing one in a form.</summary>
    public async Task<IReadOnlyList<Row>> AllAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.LegalAdvice);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, db.LegalAdvisers.AsNoTracking().OrderBy(a => a.Pooled).ThenBy(a => a.Name), null, cancellationToken);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.LegalAdvice);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(a => a.Pooled).ThenBy(a => a.Name), query.Year, cancellationToken);
        return Xlsx.Write(rows,
        [
            ("单位代码", r => r.UnitCode),
            ("顾问名称", r => r.Name),
            ("类型", r => r.KindName),
            ("执业机构", r => r.Organisation),
            ("统筹使用", r => r.Pooled ? "是" : "否"),
            ("聘期开始", r => ListReviews.Day(r.EngagedFrom)),
            ("聘期结束", r => ListReviews.Day(r.EngagedTo)),
            ("办件数", r => r.Matters),
            ("书面意见数", r => r.Opinions),
            ("备注", r => r.Note),
        ], AdvisersLedger.SheetName);
    }

    private static IQueryable<LegalAdviser> Filter(JixiaoDbContext db, Query query)
    {
        var advisers = LedgerWriter.ForUnit(db, db.LegalAdvisers.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            advisers = advisers.Where(a => a.EngagedFrom <= to && a.EngagedTo >= from);
        }

        if (query.Pooled is { } pooled)
        {
            advisers = advisers.Where(a => a.Pooled == pooled);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            advisers = advisers.Where(a => a.Name.Contains(text) || (a.Organisation != null && a.Organisation.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            advisers = advisers.Where(a => list.Contains(a.Id));
        }

        return advisers;
    }

    /// <summary>The rows with the matters received (and written opinions among them) in the year, or in all years.</summary>
    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<LegalAdviser> advisers, int? year, CancellationToken cancellationToken)
    {
        var list = await advisers.ToListAsync(cancellationToken);
        var ids = list.Select(a => a.Id).ToList();
        var matters = db.AdviceMatters.Where(m => ids.Contains(m.AdviserId));
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            matters = matters.Where(m => m.ReceivedOn >= from && m.ReceivedOn <= to);
        }

        var counts = await matters.GroupBy(m => m.AdviserId).Select(g => new { g.Key, Matters = g.Count(), Opinions = g.Count(m => m.WrittenOpinion) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(a => a.UnitId), cancellationToken);
        return [.. list.Select(a => new Row(a.Id, units.GetValueOrDefault(a.UnitId).Code ?? "", units.GetValueOrDefault(a.UnitId).Name ?? "", a.Name, a.Kind,
            a.Organisation, a.Pooled, a.EngagedFrom, a.EngagedTo, a.Note, counts.GetValueOrDefault(a.Id)?.Matters ?? 0, counts.GetValueOrDefault(a.Id)?.Opinions ?? 0))];
    }
}

/// <summary>Engages, changes and removes advisers (one with matters or activities cannot be removed).</summary>
public sealed class SaveAdviser(IDbContextFactory<JixiaoDbContext> dbFactory, LedgerWriter writer)
{
    public sealed record Command(string UnitCode, string Name, AdviserKind Kind, string? Organisation, bool Pooled, DateOnly EngagedFrom, DateOnly EngagedTo, string? Note);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default) =>
        writer.CreateAsync(Area.LegalAdvice, commands, c => c.UnitCode,
            (_, c, unitId) => new LegalAdviser(unitId, c.Name, c.Kind, c.Organisation, c.Pooled, c.EngagedFrom, c.EngagedTo, c.Note),
            a => a.Id, label, cancellationToken);

    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<LegalAdviser>(Area.LegalAdvice, id, "法律顾问",
            a => a.Update(command.Name, command.Kind, command.Organisation, command.Pooled, command.EngagedFrom, command.EngagedTo, command.Note), cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.AdviceMatters.AnyAsync(m => m.AdviserId == id, cancellationToken) || await db.AdviserActivities.AnyAsync(m => m.AdviserId == id, cancellationToken))
            {
                throw new DomainException("该法律顾问已有办件或会议讲座记录，不能删除；聘期届满请修改聘期。");
            }
        }

        await writer.DeleteAsync<LegalAdviser>(Area.LegalAdvice, id, "法律顾问", cancellationToken);
    }
}

/// <summary>The advisers as an <see cref="ILedger"/> (<c>legal-advisers</c>).</summary>
public sealed class AdvisersLedger(SaveAdviser save, ListAdvisers list) : ILedger
{
    public const string SheetName = "法律顾问";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public AdviserKind Kind { get; set; }
        public string? Organisation { get; set; }
        public bool Pooled { get; set; }
        public DateOnly EngagedFrom { get; set; }
        public DateOnly EngagedTo { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Text("顾问名称", (r, v) => r.Name = v, required: true, maxLength: 100, example: "陈律师"),
        ImportColumn<ImportRow>.Choice("类型", (r, v) => r.Kind = v, [.. Enum.GetValues<AdviserKind>().Select(k => (LegalAdviceNames.Name(k), k))], required: true),
        ImportColumn<ImportRow>.Text("执业机构", (r, v) => r.Organisation = v, maxLength: 100, example: "广东五邑律师事务所"),
        ImportColumn<ImportRow>.YesNo("统筹使用", (r, v) => r.Pooled = v, example: false),
        ImportColumn<ImportRow>.Date("聘期开始", (r, v) => r.EngagedFrom = v, required: true, example: new DateOnly(2023, 1, 1)),
        ImportColumn<ImportRow>.Date("聘期结束", (r, v) => r.EngagedTo = v, required: true, example: new DateOnly(2024, 12, 31)),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => r.EngagedTo < r.EngagedFrom ? [("聘期结束", "聘期结束早于聘期开始")] : [],
    };

    public string Name => "legal-advisers";

    public string Title => "法律顾问";

    public Area Area => Area.LegalAdvice;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveAdviser.Command(r.UnitCode, r.Name, r.Kind, r.Organisation, r.Pooled, r.EngagedFrom, r.EngagedTo, r.Note))],
            i => $"第{i + 1}条（{rows[i].Name}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListAdvisers.Query(unitCode, year), cancellationToken);
}
