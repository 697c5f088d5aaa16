using Jixiao.Domain;
using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.NormativeDocuments;

/// <summary>The cleanup campaigns in scope with their counts, and the documents examined in them (filtered, paged, as Excel).</summary>
public sealed class ListCleanups(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Campaign(int Id, string UnitCode, string UnitName, string Name, DateOnly StartedOn, string? DecisionTitle, DateOnly? DecisionPublishedOn,
        int Examined, int Opinions);

    public sealed record Query(int? CampaignId = null, string? UnitCode = null, int? Year = null, DocumentLevel? Level = null, CleanupOpinion? Opinion = null,
        string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, int CampaignId, string CampaignName, string UnitCode, DocumentLevel Level, string Title, string IssuingBody,
        string? DocumentNumber, CleanupOpinion Opinion, string? Note)
    {
        public string LevelName => NormativeTermNames.Name(Level);

        public string OpinionName => NormativeTermNames.Name(Opinion);
    }

    public async Task<IReadOnlyList<Campaign>> CampaignsAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.CleanupCampaigns.AsNoTracking().OrderByDescending(c => c.StartedOn).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.CleanupItems.Where(i => ids.Contains(i.CampaignId)).GroupBy(i => i.CampaignId)
            .Select(g => new { g.Key, Examined = g.Count(), Opinions = g.Count(i => i.Opinion != CleanupOpinion.Keep) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, campaigns.Select(c => c.UnitId), cancellationToken);
        return [.. campaigns.Select(c => new Campaign(c.Id, units.GetValueOrDefault(c.UnitId).Code ?? "", units.GetValueOrDefault(c.UnitId).Name ?? "", c.Name,
            c.StartedOn, c.DecisionTitle, c.DecisionPublishedOn, counts.GetValueOrDefault(c.Id)?.Examined ?? 0, counts.GetValueOrDefault(c.Id)?.Opinions ?? 0))];
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
            ("Title", true) => filtered.OrderByDescending(r => r.Title).ThenBy(r => r.Id),
            ("Opinion", false) => filtered.OrderBy(r => r.Opinion).ThenBy(r => r.Id),
            ("Opinion", true) => filtered.OrderByDescending(r => r.Opinion).ThenBy(r => r.Id),
            ("IssuingBody", false) => filtered.OrderBy(r => r.IssuingBody).ThenBy(r => r.Id),
            ("IssuingBody", true) => filtered.OrderByDescending(r => r.IssuingBody).ThenBy(r => r.Id),
            ("Title", false) => filtered.OrderBy(r => r.Title).ThenBy(r => r.Id),
            _ => filtered.OrderBy(r => r.CampaignId).ThenBy(r => r.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.NormativeDocuments);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(r => r.CampaignId).ThenBy(r => r.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("单位代码", r => r.UnitCode),
            ("清理名称", r => r.CampaignName),
            ("文件类别", r => r.LevelName),
            ("文件名称", r => r.Title),
            ("制定机关", r => r.IssuingBody),
            ("文号", r => r.DocumentNumber),
            ("清理意见", r => r.OpinionName),
            ("备注", r => r.Note),
        ], CleanupLedger.SheetName);
    }

    private static IQueryable<CleanupItem> Filter(JixiaoDbContext db, Query query)
    {
        var items = LedgerWriter.ForUnit(db, db.CleanupItems.AsNoTracking(), query.UnitCode);
        if (query.CampaignId is { } campaign)
        {
            items = items.Where(i => i.CampaignId == campaign);
        }

        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            items = items.Where(i => db.CleanupCampaigns.Any(c => c.Id == i.CampaignId && c.StartedOn >= from && c.StartedOn <= to));
        }

        if (query.Level is { } level)
        {
            items = items.Where(i => i.Level == level);
        }

        if (query.Opinion is { } opinion)
        {
            items = items.Where(i => i.Opinion == opinion);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            items = items.Where(i => i.Title.Contains(text) || i.IssuingBody.Contains(text) || (i.DocumentNumber != null && i.DocumentNumber.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            items = items.Where(i => list.Contains(i.Id));
        }

        return items;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<CleanupItem> items, CancellationToken cancellationToken)
    {
        var list = await items.ToListAsync(cancellationToken);
        var campaignIds = list.Select(i => i.CampaignId).Distinct().ToList();
        var campaigns = await db.CleanupCampaigns.Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(i => i.UnitId), cancellationToken);
        return [.. list.Select(i => new Row(i.Id, i.CampaignId, campaigns.GetValueOrDefault(i.CampaignId, ""), units.GetValueOrDefault(i.UnitId).Code ?? "",
            i.Level, i.Title, i.IssuingBody, i.DocumentNumber, i.Opinion, i.Note))];
    }
}

/// <summary>Creates and changes cleanup campaigns and the documents examined in them.</summary>
public sealed class SaveCleanup(IDbContextFactory<JixiaoDbContext> dbFactory, LedgerWriter writer)
{
    public sealed record CampaignCommand(string UnitCode, string Name, DateOnly StartedOn, string? DecisionTitle, DateOnly? DecisionPublishedOn);

    /// <summary>A document of a campaign, named by the campaign's unit and name.</summary>
    public sealed record ItemCommand(string UnitCode, string CampaignName, DocumentLevel Level, string Title, string IssuingBody, string? DocumentNumber,
        CleanupOpinion Opinion, string? Note);

    public async Task<int> CreateCampaignAsync(CampaignCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (await writer.CreateAsync(Area.NormativeDocuments, [command], c => c.UnitCode, (db, c, unitId) =>
        {
            if (db.CleanupCampaigns.Any(x => x.UnitId == unitId && x.Name == c.Name.Trim()))
            {
                throw new DomainException($"已有名为“{c.Name.Trim()}”的清理。");
            }

            return new CleanupCampaign(unitId, c.Name, c.StartedOn, c.DecisionTitle, c.DecisionPublishedOn);
        }, c => c.Id, _ => string.Empty, cancellationToken))[0];
    }

    public Task UpdateCampaignAsync(int id, CampaignCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<CleanupCampaign>(Area.NormativeDocuments, id, "清理",
            c => c.Update(command.Name, command.StartedOn, command.DecisionTitle, command.DecisionPublishedOn), cancellationToken);
    }

    /// <summary>Deletes a campaign with every document examined in it.</summary>
    public Task DeleteCampaignAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<CleanupCampaign>(Area.NormativeDocuments, id, "清理", cancellationToken);

    public async Task<int> CreateItemAsync(ItemCommand command, CancellationToken cancellationToken = default) =>
        (await CreateItemsAsync([command], _ => string.Empty, cancellationToken))[0];

    /// <summary>Every document or none; each names an existing campaign of its unit.</summary>
    public async Task<IReadOnlyList<int>> CreateItemsAsync(IReadOnlyList<ItemCommand> commands, Func<int, string> label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = commands.Select(c => c.CampaignName.Trim()).Distinct().ToList();
        var campaigns = await lookup.CleanupCampaigns.AsNoTracking().Where(c => names.Contains(c.Name)).ToListAsync(cancellationToken);
        return await writer.CreateAsync(Area.NormativeDocuments, commands, c => c.UnitCode, (_, c, unitId) =>
        {
            var campaign = campaigns.FirstOrDefault(x => x.UnitId == unitId && x.Name == c.CampaignName.Trim())
                ?? throw new DomainException($"清理“{c.CampaignName.Trim()}”不存在，请先在清理页面新建该清理。");
            return new CleanupItem(campaign, c.Level, c.Title, c.IssuingBody, c.DocumentNumber, c.Opinion, c.Note);
        }, i => i.Id, label, cancellationToken);
    }

    public Task UpdateItemAsync(int id, ItemCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<CleanupItem>(Area.NormativeDocuments, id, "清理文件",
            i => i.Update(command.Level, command.Title, command.IssuingBody, command.DocumentNumber, command.Opinion, command.Note), cancellationToken);
    }

    public Task DeleteItemAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<CleanupItem>(Area.NormativeDocuments, id, "清理文件", cancellationToken);
}

/// <summary>The documents examined in cleanups as an <see cref="ILedger"/> (<c>normative-cleanup</c>); the campaigns are created on the page.</summary>
public sealed class CleanupLedger(SaveCleanup save, ListCleanups list) : ILedger
{
    public const string SheetName = "清理文件";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public string CampaignName { get; set; } = string.Empty;
        public DocumentLevel Level { get; set; }
        public string Title { get; set; } = string.Empty;
        public string IssuingBody { get; set; } = string.Empty;
        public string? DocumentNumber { get; set; }
        public CleanupOpinion Opinion { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.Text("清理名称", (r, v) => r.CampaignName = v, required: true, maxLength: 100, example: "2023年市级规范性文件全面清理", help: "须为清理页面中已建立的清理"),
        ImportColumn<ImportRow>.Choice("文件类别", (r, v) => r.Level = v, [.. Enum.GetValues<DocumentLevel>().Select(l => (NormativeTermNames.Name(l), l))], required: true),
        ImportColumn<ImportRow>.Text("文件名称", (r, v) => r.Title = v, required: true, maxLength: 200, example: "江门市城市供水管理办法"),
        ImportColumn<ImportRow>.Text("制定机关", (r, v) => r.IssuingBody = v, required: true, maxLength: 100, example: "江门市人民政府"),
        ImportColumn<ImportRow>.Text("文号", (r, v) => r.DocumentNumber = v, maxLength: 60, example: "江府〔2018〕12号"),
        ImportColumn<ImportRow>.Choice("清理意见", (r, v) => r.Opinion = v, [.. Enum.GetValues<CleanupOpinion>().Select(o => (NormativeTermNames.Name(o), o))], required: true),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ]);

    public string Name => "normative-cleanup";

    public string Title => "规范性文件清理文件";

    public Area Area => Area.NormativeDocuments;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateItemsAsync(
            [.. rows.Select(r => new SaveCleanup.ItemCommand(r.UnitCode, r.CampaignName, r.Level, r.Title, r.IssuingBody, r.DocumentNumber, r.Opinion, r.Note))],
            i => $"第{i + 1}条（{rows[i].Title}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListCleanups.Query(UnitCode: unitCode, Year: year), cancellationToken);
}
