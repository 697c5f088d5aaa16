using Jixiao.Domain.Legislation;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Ledgers;
using Jixiao.Features.NormativeDocuments;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Legislation;

/// <summary>The legislation projects in scope; a year selects by plan year.</summary>
public sealed class ListProjects(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Query(string? UnitCode = null, int? Year = null, LegislationKind? Kind = null, LegislationStage? Stage = null,
        LegislationCommission? Commission = null, string? Text = null, IReadOnlyList<int>? Ids = null);

    public sealed record Row(int Id, string UnitCode, string UnitName, int PlanYear, LegislationKind Kind, string Title, LegislationStage Stage,
        LegislationCommission Commission, string? CommissionedBody, DateOnly DueOn, DateOnly? CompletedOn, string? Note)
    {
        public string KindName => LegislationNames.Name(Kind);

        public string StageName => LegislationNames.Name(Stage);

        public string CommissionName => LegislationNames.Name(Commission);

        public bool? OnTime => LegislationRules.OnTime(DueOn, CompletedOn);

        public string OnTimeName => OnTime switch
        {
            true => "按时完成",
            false => "逾期完成",
            null => "未完成",
        };
    }

    public async Task<Paged<Row>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Legislation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Title", false) => filtered.OrderBy(p => p.Title).ThenBy(p => p.Id),
            ("Title", true) => filtered.OrderByDescending(p => p.Title).ThenBy(p => p.Id),
            ("DueOn", false) => filtered.OrderBy(p => p.DueOn).ThenBy(p => p.Id),
            ("DueOn", true) => filtered.OrderByDescending(p => p.DueOn).ThenBy(p => p.Id),
            ("CompletedOn", false) => filtered.OrderBy(p => p.CompletedOn).ThenBy(p => p.Id),
            ("CompletedOn", true) => filtered.OrderByDescending(p => p.CompletedOn).ThenBy(p => p.Id),
            ("PlanYear", false) => filtered.OrderBy(p => p.PlanYear).ThenBy(p => p.Id),
            _ => filtered.OrderByDescending(p => p.PlanYear).ThenByDescending(p => p.Id),
        };
        return new Paged<Row>(await RowsAsync(db, sorted.Page(page), cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Legislation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, Filter(db, query).OrderBy(p => p.PlanYear).ThenBy(p => p.Id), cancellationToken);
        return Xlsx.Write(rows,
        [
            ("单位代码", r => r.UnitCode),
            ("计划年度", r => r.PlanYear),
            ("项目类别", r => r.KindName),
            ("项目名称", r => r.Title),
            ("所处阶段", r => r.StageName),
            ("委托方式", r => r.CommissionName),
            ("受委托单位", r => r.CommissionedBody),
            ("完成时限", r => ListReviews.Day(r.DueOn)),
            ("完成日期", r => ListReviews.Day(r.CompletedOn)),
            ("是否按时", r => r.OnTimeName),
            ("备注", r => r.Note),
        ], ProjectsLedger.SheetName);
    }

    private static IQueryable<LegislationProject> Filter(JixiaoDbContext db, Query query)
    {
        var projects = LedgerWriter.ForUnit(db, db.LegislationProjects.AsNoTracking(), query.UnitCode);
        if (query.Year is { } year)
        {
            projects = projects.Where(p => p.PlanYear == year);
        }

        if (query.Kind is { } kind)
        {
            projects = projects.Where(p => p.Kind == kind);
        }

        if (query.Stage is { } stage)
        {
            projects = projects.Where(p => p.Stage == stage);
        }

        if (query.Commission is { } commission)
        {
            projects = projects.Where(p => p.Commission == commission);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            projects = projects.Where(p => p.Title.Contains(text) || (p.CommissionedBody != null && p.CommissionedBody.Contains(text)));
        }

        if (query.Ids is { } ids)
        {
            var list = ids.ToList();
            projects = projects.Where(p => list.Contains(p.Id));
        }

        return projects;
    }

    private static async Task<List<Row>> RowsAsync(JixiaoDbContext db, IQueryable<LegislationProject> projects, CancellationToken cancellationToken)
    {
        var list = await projects.ToListAsync(cancellationToken);
        var units = await LedgerWriter.UnitNamesAsync(db, list.Select(p => p.UnitId), cancellationToken);
        return [.. list.Select(p => new Row(p.Id, units.GetValueOrDefault(p.UnitId).Code ?? "", units.GetValueOrDefault(p.UnitId).Name ?? "", p.PlanYear, p.Kind,
            p.Title, p.Stage, p.Commission, p.CommissionedBody, p.DueOn, p.CompletedOn, p.Note))];
    }
}

/// <summary>Records, changes and deletes legislation projects.</summary>
public sealed class SaveProject(LedgerWriter writer)
{
    public sealed record Command(string UnitCode, int PlanYear, LegislationKind Kind, string Title, LegislationStage Stage, LegislationCommission Commission,
        string? CommissionedBody, DateOnly DueOn, DateOnly? CompletedOn, string? Note);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    public Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> label, CancellationToken cancellationToken = default) =>
        writer.CreateAsync(Area.Legislation, commands, c => c.UnitCode,
            (_, c, unitId) => new LegislationProject(unitId, c.PlanYear, c.Kind, c.Title, c.Stage, c.Commission, c.CommissionedBody, c.DueOn, c.CompletedOn, c.Note),
            p => p.Id, label, cancellationToken);

    public Task UpdateAsync(int id, Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return writer.UpdateAsync<LegislationProject>(Area.Legislation, id, "立法项目",
            p => p.Update(command.PlanYear, command.Kind, command.Title, command.Stage, command.Commission, command.CommissionedBody, command.DueOn,
                command.CompletedOn, command.Note), cancellationToken);
    }

    public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        writer.DeleteAsync<LegislationProject>(Area.Legislation, id, "立法项目", cancellationToken);
}

/// <summary>The legislation projects as an <see cref="ILedger"/> (<c>legislation</c>).</summary>
public sealed class ProjectsLedger(SaveProject save, ListProjects list) : ILedger
{
    public const string SheetName = "立法项目";

    public sealed class ImportRow
    {
        public string UnitCode { get; set; } = string.Empty;
        public int PlanYear { get; set; }
        public LegislationKind Kind { get; set; }
        public string Title { get; set; } = string.Empty;
        public LegislationStage Stage { get; set; }
        public LegislationCommission Commission { get; set; }
        public string? CommissionedBody { get; set; }
        public DateOnly DueOn { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Note { get; set; }
    }

    public static ImportSpec<ImportRow> Spec { get; } = new(SheetName,
    [
        ImportColumn<ImportRow>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<ImportRow>.WholeNumber("计划年度", (r, v) => r.PlanYear = v, required: true, min: 1990, max: 2100, example: 2023),
        ImportColumn<ImportRow>.Choice("项目类别", (r, v) => r.Kind = v, [.. Enum.GetValues<LegislationKind>().Select(k => (LegislationNames.Name(k), k))], required: true),
        ImportColumn<ImportRow>.Text("项目名称", (r, v) => r.Title = v, required: true, maxLength: 200, example: "《江门市侨乡文化保护条例》"),
        ImportColumn<ImportRow>.Choice("所处阶段", (r, v) => r.Stage = v, [.. Enum.GetValues<LegislationStage>().Select(s => (LegislationNames.Name(s), s))], required: true),
        ImportColumn<ImportRow>.Choice("委托方式", (r, v) => r.Commission = v, [.. Enum.GetValues<LegislationCommission>().Select(c => (LegislationNames.Name(c), c))]),
        ImportColumn<ImportRow>.Text("受委托单位", (r, v) => r.CommissionedBody = v, maxLength: 100, example: "五邑大学政法学院", help: "委托起草或委托调研时必填"),
        ImportColumn<ImportRow>.Date("完成时限", (r, v) => r.DueOn = v, required: true, example: new DateOnly(2023, 10, 31)),
        ImportColumn<ImportRow>.Date("完成日期", (r, v) => r.CompletedOn = v, example: new DateOnly(2023, 10, 20)),
        ImportColumn<ImportRow>.Text("备注", (r, v) => r.Note = v, maxLength: 500, example: ""),
    ])
    {
        RowRule = r => r.Commission != LegislationCommission.None && string.IsNullOrWhiteSpace(r.CommissionedBody) ? [("受委托单位", "委托起草或委托调研的项目须填写受委托单位")]
            : r.Commission == LegislationCommission.Research && r.Stage != LegislationStage.Research ? [("所处阶段", "委托调研的项目所处阶段应为“调研”")]
            : r.DueOn.Year < r.PlanYear ? [("完成时限", "完成时限早于计划年度")] : [],
    };

    public string Name => "legislation";

    public string Title => "立法项目";

    public Area Area => Area.Legislation;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var rows = result.Rows;
        return (await save.CreateManyAsync(
            [.. rows.Select(r => new SaveProject.Command(r.UnitCode, r.PlanYear, r.Kind, r.Title, r.Stage, r.Commission, r.CommissionedBody, r.DueOn, r.CompletedOn, r.Note))],
            i => $"第{i + 1}条（{rows[i].Title}）：", cancellationToken)).Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListProjects.Query(unitCode, year), cancellationToken);
}
