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

/// <summary>The advisers' matters (办件) in scope; a year selects by date received.</summary>
public sealed class ListMatters(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, int? AdviserId = null, MatterType? Type = null, bool? WrittenOpinion = null,
        bool? Pooled = null, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, int AdviserId, string AdviserName, bool Pooled, MatterType Type, string Subject, DateOnly ReceivedOn,
        DateOnly? FinishedOn, bool WrittenOpinion, string? Note)
    {
        public string TypeName => LegalAdviceNames.Name(Type);
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
            ("Subject", false) => filtered.OrderBy(m => m.Subject).ThenBy(m => m.Id),
            ("Subject", true) => filtered.OrderByDescending(m => m.Subject).ThenBy(m => m.Id),
            ("FinishedOn", false) => filtered.OrderBy(m => m.FinishedOn).ThenBy(m => m.Id),
            ("FinishedOn", true) => filtered.OrderByDescending(m => m.FinishedOn).ThenBy(m => m.Id),
            ("ReceivedOn", false) => filtered.OrderBy(m => m.ReceivedOn).ThenBy(m => m.Id),
            _ => filtered.OrderByDescending(m => m.ReceivedOn).ThenByDescending(m => m.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.LegalAdvice);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(m => m.ReceivedOn).ThenBy(m => m.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("单位代码", r => r.UnitCode),
            ("法律顾问", r => r.AdviserName),
            ("办件类型", r => r.TypeName),
            ("事项", r => r.Subject),
            ("收件日期", r => ListReviews.Day(r.ReceivedOn)),
            ("办结日期", r => ListReviews.Day(r.FinishedOn)),
            ("出具书面意见", r => r.WrittenOpinion ? "是" : "否"),
            ("备注", r => r.Note),
        ], MattersLedger.SheetName);
    }

    private static IQueryable<AdviceMatter> Filter(JixiaoDbContext db, Query query)
    {
        var matters = LedgerWriter.ForUnit(db, db.AdviceMatters.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            matters = matters.Where(m => m.ReceivedOn >= from && m.ReceivedOn <= to);
        }

        if (query.AdviserId is { } adviser)
        {
            matters = matters.Where(m => m.AdviserId == adviser);
        }

        if (query.Type is { } type)
        {
            matters = matters.Where(m => m.Type == type);
        }

        if (query.WrittenOpinion is { } written)
        {
            matters = matters.Where(m => m.WrittenOpinion == written);
        }

        if (query.Pooled is { } pooled)
        {
            matters = matters.Where(m => db.LegalAdvisers.Any(a => a.Id == m.AdviserId && a.Pooled == pooled));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            matters = matters.Where(m => m.Subject.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            matters = matters.Where(m => list.Contains(m.Id));
        }

        return matters;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<AdviceMatter> matters, CancellationToken cancellationToken)
    {
        var list = await matters.ToListAsync(cancellationToken);
        var adviserIds = list.Select(m => m.AdviserId).Distinct().ToList();
        var advisers = await db.LegalAdvisers.Where(a => adviserIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(m => m.UnitId), cancellationToken);
        return [.. list.Select(m => new Row(m.Id, units.GetValueOrDefault(m.UnitId).Code ?? "", m.AdviserId, advisers.GetValueOrDefault(m.AdviserId)?.Name ?? "",
            advisers.GetValueOrDefault(m.AdviserId)?.Pooled ?? false, m.Type, m.Subject, m.ReceivedOn, m.FinishedOn, m.WrittenOpinion, m.Note))];
    }
}

/// <summary>The meetings and lectures of the advisers in scope; a year selects by date held.</summary>
public sealed class ListActivities(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Row(int Id, string UnitCode, int AdviserId, string AdviserName, ActivityKind Kind, DateOnly HeldOn, string Subject)
    {
        public string KindName => LegalAdviceNames.Name(Kind);
    }

    public async Task<IReadOnlyList<Row>> HandleAsync(string? unitCode, int? year, IReadOnlyList<int>? ids, CancellationToken cancellationToken = default)
    {
        user.Require(Area.LegalAdvice);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activities = LedgerWriter.ForUnit(db, db.AdviserActivities.AsNoTracking(), unitCode);
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            activities = activities.Where(a => a.HeldOn >= from && a.HeldOn <= to);
        }

        if (ids is not null)
        {
            var list = ids.ToList();
            activities = activities.Where(a => list.Contains(a.Id));
        }

        var rows = await activities.OrderByDescending(a => a.HeldOn).ThenBy(a => a.Id).Take(PageRequest.MaxPageSize).ToListAsync(cancellationToken);
        var adviserIds = rows.Select(a => a.AdviserId).Distinct().ToList();
        var advisers = await db.LegalAdvisers.Where(a => adviserIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, rows.Select(a => a.UnitId), cancellationToken);
        return [.. rows.Select(a => new Row(a.Id, units.GetValueOrDefault(a.UnitId).Code ?? "", a.AdviserId, advisers.GetValueOrDefault(a.AdviserId, ""), a.Kind, a.HeldOn, a.Subject))];
    }
}

/// <summary>Records, changes and deletes matters and activities; an import names each adviser by unit and name.</summary>
public sealed class SaveMatter(IDbContextFactory<JixiaoDbContext> dbFactory, LedgerWriter writer)
{
    public sealed record Command(string UnitCode, string AdviserName, MatterType Type, string Subject, DateOnly ReceivedOn, DateOnly? FinishedOn, bool WrittenOpinion, string? Note);

    public sealed record ActivityCommand(string UnitCode, string AdviserName, ActivityKind Kind, DateOnly HeldOn, string Subject);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public async Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var advisers = await AdvisersAsync(commands.Select(c => c.AdviserName), cancellationToken);
        return await writer.CreateAsync(Area.LegalAdvice, commands, c => c.UnitCode,
            (_, c, unitId) => new AdviceMatter(Find(advisers, unitId, c.AdviserName), c.Type, c.Subject, c.ReceivedOn, c.FinishedOn, c.WrittenOpinion, c.Note),
            m => m.Id, label, cancellationToken);
    }

    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<AdviceMatter>(Area.LegalAdvice, id, "办件",
            m => m.Update(command.Type, command.Subject, command.ReceivedOn, command.FinishedOn, command.WrittenOpinion, command.Note), cancellationToken);
    }

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<AdviceMatter>(Area.LegalAdvice, id, "办件", cancellationToken);

    public async Task<IReadOnlyList<int>> CreateActivitiesAsync(IReadOnlyList<ActivityCommand> commands, Func<int, string> label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var advisers = await AdvisersAsync(commands.Select(c => c.AdviserName), cancellationToken);
        return await writer.CreateAsync(Area.LegalAdvice, commands, c => c.UnitCode,
            (_, c, unitId) => new AdviserActivity(Find(advisers, unitId, c.AdviserName), c.Kind, c.HeldOn, c.Subject), a => a.Id, label, cancellationToken);
    }

    public Task DeleteActivityAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<AdviserActivity>(Area.LegalAdvice, id, "会议讲座记录", cancellationToken);

    private async Task<List<LegalAdviser>> AdvisersAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var list = names.Select(n => n.Trim()).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LegalAdvisers.AsNoTracking().Where(a => list.Contains(a.Name)).ToListAsync(cancellationToken);
    }

    private static LegalAdviser Find(List<LegalAdviser> advisers, int unitId, string name) =>
        advisers.FirstOrDefault(a => a.UnitId == unitId && a.Name == name.Trim())
        ?? throw new DomainException($"本单位没有名为“{name.Trim()}”的法律顾问，请先登记该顾问。");
}

/// <summary>The matters as an <see cref="ILedger"/> (<c>legal-matters</c>).</summary>
public sealed class MattersLedger(SaveMatter save, ListMatters list) : ILedger
{
    public const string SheetName = "法律顾问办件";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public string AdviserName { get; set; } = string.Empty;
        public MatterType Type { get; set; }
        public string Subject { get; set; } = string.Empty;
        public DateOnly ReceivedOn { get; set; }
        public DateOnly? FinishedOn { get; set; }
        public bool WrittenOpinion { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Text("法律顾问", (r, v) => r.AdviserName = v, required: true, maxLength: 100, example: "陈律师", help: "须为已登记的本单位法律顾问"),
        ImportColumn<ImportRow>.Choice("办件类型", (r, v) => r.Type = v, [.. Enum.GetValues<MatterType>().Select(t => (LegalAdviceNames.Name(t), t))], required: true),
        ImportColumn<ImportRow>.Text("事项", (r, v) => r.Subject = v, required: true, maxLength: 200, example: "市政府与某公司合作协议审查"),
        ImportColumn<ImportRow>.Date("收件日期", (r, v) => r.ReceivedOn = v, required: true, example: new DateOnly(2023, 3, 1)),
        ImportColumn<ImportRow>.Date("办结日期", (r, v) => r.FinishedOn = v, example: new DateOnly(2023, 3, 8)),
        ImportColumn<ImportRow>.YesNo("出具书面意见", (r, v) => r.WrittenOpinion = v),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => r.FinishedOn < r.ReceivedOn ? [("办结日期", "办结日期早于收件日期")]
            : r.WrittenOpinion && r.FinishedOn is null ? [("办结日期", "出具书面意见的办件须填写办结日期")] : [],
    };

    public string Name => "legal-matters";

    public string Title => "法律顾问办件";

    public Area Area => Area.LegalAdvice;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveMatter.Command(r.UnitCode, r.AdviserName, r.Type, r.Subject, r.ReceivedOn, r.FinishedOn, r.WrittenOpinion, r.Note))],
            i => $"第{i + 1}条（{rows[i].Subject}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListMatters.Query(unitCode, year), cancellationToken);
}
