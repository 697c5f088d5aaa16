using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Ledgers;
using Jixiao.Features.Metrics;
using Jixiao.Features.NormativeDocuments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.NormativeDocuments;

public sealed class NormativeDocumentsTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<NormativeDocumentsDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statistics_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.leader");
        var set = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.NormativeDocuments, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        set["normative.reviewed"].Value.ShouldBe(66);
        set["normative.reviewed_government"].Value.ShouldBe(11);
        set["normative.reviewed_departmental"].Value.ShouldBe(55);
        set["normative.filings"].Value.ShouldBe(36);
        set["normative.cleanup_examined_government"].Value.ShouldBe(189);
        set["normative.cleanup_examined_departmental"].Value.ShouldBe(237);
        set["normative.cleanup_examined"].Value.ShouldBe(426);
        set["normative.cleanup_opinions"].Value.ShouldBe(223);
        (set["normative.cleanup_repeal"].Value + set["normative.cleanup_set_validity"].Value).ShouldBe(223);
        set["normative.certification_items"].Value.ShouldBe(60);
        set["normative.cleanup_opinion_share"].Value.ShouldBe(52.35m);
        set["normative.filing_on_time_rate"].Value.ShouldBe(91.67m);

        // The records behind a figure are exactly the ones it counts.
        await using var db = app.Db();
        var ids = set["normative.reviewed_government"].RecordIds;
        (await db.LegalityReviews.CountAsync(r => ids.Contains(r.Id) && r.Level == DocumentLevel.Government && r.ReviewedOn!.Value.Year == 2023)).ShouldBe(11);
        (await db.CertificationItems.Where(i => set["normative.certification_cases"].RecordIds.Contains(i.Id)).SumAsync(i => i.CasesHandled))
            .ShouldBe((int)set["normative.certification_cases"].Value!.Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_ChangesNothing_ThenAGoodFileAddsEveryRow(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jh.case");
        var ledger = scope.ServiceProvider.GetRequiredService<Ledgers.Ledgers>().Get("normative-reviews");
        await using var before = app.Db();
        var count = await before.LegalityReviews.CountAsync();

        var bad = Workbook(ReviewsLedger.SheetName,
            Review("440704", "部门规范性文件", "2023-03-01", "2023-03-09", "审核通过"),
            Review("440704", "没有的类别", "2023-03-01", null, null),
            Review("440704", "政府规范性文件", "2023-03-01", "2023-03-09", null));
        var spreadsheet = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(bad), bad.Length, CancellationToken.None));
        spreadsheet.Problems.Select(p => p.Field).ShouldBe([$"{ReviewsLedger.SheetName}!B3", $"{ReviewsLedger.SheetName}!G4"], ignoreOrder: true);

        // Valid rows, but the second names the city, outside a county handler's scope.
        var outside = Workbook(ReviewsLedger.SheetName, Review("440704", "部门规范性文件", "2023-03-01", null, null), Review("440700", "部门规范性文件", "2023-03-01", null, null));
        var scopeError = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(outside), outside.Length, CancellationToken.None));
        scopeError.Message.ShouldContain("第2条");
        scopeError.Message.ShouldContain("440700");

        await using (var unchanged = app.Db())
        {
            (await unchanged.LegalityReviews.CountAsync()).ShouldBe(count);
        }

        var good = Workbook(ReviewsLedger.SheetName, Review("440704", "部门规范性文件", "2023-03-01", "2023-03-09", "修改后通过"), Review("440704", "政府规范性文件", "2023-05-01", null, null));
        (await ledger.ImportAsync(new MemoryStream(good), good.Length, CancellationToken.None)).ShouldBe(2);
        await using var after = app.Db();
        (await after.LegalityReviews.CountAsync()).ShouldBe(count + 2);
        (await after.LegalityReviews.SingleAsync(r => r.Title == "江海区测试办法" && r.Result == ReviewResult.ApprovedWithChanges)).ReviewedOn.ShouldBe(new DateOnly(2023, 3, 9));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cleanup_ImportNeedsAnExistingCampaign_AndExportGivesEveryDocument(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var ledger = scope.ServiceProvider.GetRequiredService<Ledgers.Ledgers>().Get("normative-cleanup");
        var unknown = Workbook(CleanupLedger.SheetName, Cleanup("没有的清理"));
        (await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(unknown), unknown.Length, CancellationToken.None)))
            .Message.ShouldContain("不存在");

        var export = await ledger.ExportAsync(DemoData.CityBureau, 2023, CancellationToken.None);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).ToList();
        rows.Count.ShouldBe(426);
        rows.Count(r => (string)((IDictionary<string, object>)r)["清理意见"] != "保留").ShouldBe(223);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_ACountyUserNeverSeesTheCityRecords(string provider)
    {
        var app = await AppAsync(provider);
        await using var county = await app.As("jh.case");
        var sp = county.ServiceProvider;
        (await sp.GetRequiredService<ListReviews>().HandleAsync(new ListReviews.Query(Year: 2023), new PageRequest())).Items.ShouldAllBe(r => r.UnitCode != DemoData.CityBureau);
        (await sp.GetRequiredService<ListFilings>().HandleAsync(new ListFilings.Query(), new PageRequest())).Total.ShouldBe(0);
        (await sp.GetRequiredService<ListCleanups>().CampaignsAsync()).ShouldBeEmpty();
        (await sp.GetRequiredService<ListCertificationItems>().HandleAsync(new ListCertificationItems.Query(), new PageRequest())).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.NormativeDocuments, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));

        await using var db = app.Db();
        var cityReview = await db.LegalityReviews.FirstAsync(r => r.UnitId == db.Units.Single(u => u.Code == DemoData.CityBureau).Id);
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<SaveReview>().DeleteAsync(cityReview.Id));
        (await db.LegalityReviews.AnyAsync(r => r.Id == cityReview.Id)).ShouldBeTrue();

        // The city's tree figures include a county's records.
        await sp.GetRequiredService<SaveFiling>().CreateAsync(new SaveFiling.Command("440704", "江海区人民政府", "江海区测试办法", null,
            new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 5), null, null, null));
        await using var city = await app.As("jx.leader");
        var tree = await city.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync("normative.filings", DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        tree.Value.ShouldBe(37);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Review_RecordedChangedAndDeleted_WithItsFigureAndAudit(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var save = sp.GetRequiredService<SaveReview>();
        var id = await save.CreateAsync(new SaveReview.Command(DemoData.CityBureau, DocumentLevel.Government, "江门市测试管理办法（送审稿）", "江门市民政局",
            new DateOnly(2024, 2, 1), null, null, null));
        var bad = new SaveReview.Command(DemoData.CityBureau, DocumentLevel.Government, "江门市测试管理办法（送审稿）", "江门市民政局",
            new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 20), ReviewResult.Approved, null);
        (await Should.ThrowAsync<DomainException>(() => save.UpdateAsync(id, bad))).Message.ShouldContain("早于收文日期");
        await save.UpdateAsync(id, bad with { ReviewedOn = new DateOnly(2024, 2, 6) });

        var figure = await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("normative.reviewed", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2024));
        figure.RecordIds.ShouldContain(id);
        var listed = await sp.GetRequiredService<ListReviews>().HandleAsync(new ListReviews.Query(Ids: figure.RecordIds), new PageRequest());
        listed.Items.Single(r => r.Id == id).DaysTaken.ShouldBe(5);

        await save.DeleteAsync(id);
        await using var db = app.Db();
        (await db.LegalityReviews.AnyAsync(r => r.Id == id)).ShouldBeFalse();
        (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.EntityName == "规范性文件合法性审核")).ShouldBe(3);
    }

    private static Dictionary<string, object?> Review(string unit, string level, string received, string? reviewed, string? result) => new()
    {
        ["审核机关代码"] = unit,
        ["文件类别"] = level,
        ["文件名称"] = "江海区测试办法",
        ["起草单位"] = "江海区民政局",
        ["收文日期"] = received,
        ["审核日期"] = reviewed,
        ["审核结果"] = result,
    };

    private static Dictionary<string, object?> Cleanup(string campaign) => new()
    {
        ["单位代码"] = DemoData.CityBureau,
        ["清理名称"] = campaign,
        ["文件类别"] = "政府规范性文件",
        ["文件名称"] = "江门市测试办法",
        ["制定机关"] = "江门市人民政府",
        ["清理意见"] = "废止",
    };

    private static byte[] Workbook(string sheet, params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: sheet);
        return stream.ToArray();
    }
}
