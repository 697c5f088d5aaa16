using Jixiao.Domain;
using Jixiao.Domain.Legislation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Legislation;
using Jixiao.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Legislation;

public sealed class LegislationTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<LegislationDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statistics_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.leader");
        var set = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.Legislation, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        set["legislation.commissioned_drafting_regulations"].Value.ShouldBe(2);
        set["legislation.commissioned_research_regulations"].Value.ShouldBe(1);
        set["legislation.commissioned_drafting"].Value.ShouldBe(2);
        set["legislation.commissioned_research"].Value.ShouldBe(1);
        set["legislation.projects"].Value.ShouldBe(3);
        set["legislation.local_regulations"].Value.ShouldBe(3);
        set["legislation.government_rules"].Value.ShouldBe(0);
        set["legislation.stage_research"].Value.ShouldBe(1);
        set["legislation.completed"].Value.ShouldBe(3);
        set["legislation.on_time"].Value.ShouldBe(3);
        set["legislation.on_time_rate"].Value.ShouldBe(100.00m);

        var listed = await scope.ServiceProvider.GetRequiredService<ListProjects>()
            .HandleAsync(new ListProjects.Query(Ids: set["legislation.commissioned_drafting"].RecordIds), new PageRequest());
        listed.Total.ShouldBe(2);
        listed.Items.ShouldAllBe(p => p.Commission == LegislationCommission.Drafting && p.CommissionedBody != null);

        // The previous year holds none of them.
        (await scope.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync("legislation.projects", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2022))).Value.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LateWork_LowersTheOnTimeRate(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jh.case");
        var save = scope.ServiceProvider.GetRequiredService<SaveProject>();
        await save.CreateAsync(new SaveProject.Command("440704", 2024, LegislationKind.GovernmentRule, "《江门市江海区某某办法》建议", LegislationStage.Drafting,
            LegislationCommission.None, null, new DateOnly(2024, 6, 30), new DateOnly(2024, 6, 1), null));
        var late = await save.CreateAsync(new SaveProject.Command("440704", 2024, LegislationKind.GovernmentRule, "《江门市江海区另一办法》建议", LegislationStage.Drafting,
            LegislationCommission.None, null, new DateOnly(2024, 6, 30), new DateOnly(2024, 7, 2), null));
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var set = await catalogue.EvaluateAsync(Area.Legislation, "440704", MetricScope.Self, MetricPeriod.Year(2024));
        set["legislation.on_time"].Value.ShouldBe(1);
        set["legislation.on_time_rate"].Value.ShouldBe(50.00m);
        set["legislation.government_rules"].Value.ShouldBe(2);

        await save.UpdateAsync(late, new SaveProject.Command("440704", 2024, LegislationKind.GovernmentRule, "《江门市江海区另一办法》建议", LegislationStage.Drafting,
            LegislationCommission.None, null, new DateOnly(2024, 7, 31), new DateOnly(2024, 7, 2), null));
        (await catalogue.EvaluateAsync("legislation.on_time_rate", "440704", MetricScope.Self, MetricPeriod.Year(2024))).Value.ShouldBe(100.00m);
        await save.DeleteAsync(late);
        (await catalogue.EvaluateAsync("legislation.completed", "440704", MetricScope.Self, MetricPeriod.Year(2024))).Value.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_ChangesNothing_AndScopeHolds(string provider)
    {
        var app = await AppAsync(provider);
        await using var county = await app.As("jh.case");
        var sp = county.ServiceProvider;
        var ledger = sp.GetRequiredService<Ledgers.Ledgers>().Get("legislation");
        await using var before = app.Db();
        var count = await before.LegislationProjects.CountAsync();

        // A bad date in row 3 and a commissioned project without its body in row 4: nothing is written.
        var file = Workbook(Project("440704", "2023-10-31", "委托起草", "五邑大学政法学院"), Project("440704", "2023-13-01", "自行承办", null),
            Project("440704", "2023-10-31", "委托起草", null));
        var problems = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(file), file.Length, CancellationToken.None));
        problems.Problems.Select(p => p.Field).ShouldBe([$"{ProjectsLedger.SheetName}!H3", $"{ProjectsLedger.SheetName}!G4"], ignoreOrder: true);

        // The county may not write the city's projects.
        var city = Workbook(Project("440704", "2023-10-31", "委托起草", "五邑大学政法学院"), Project(DemoData.CityBureau, "2023-10-31", "自行承办", null));
        (await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(city), city.Length, CancellationToken.None)))
            .Message.ShouldContain("不在您的数据范围内");
        await using (var unchanged = app.Db())
        {
            (await unchanged.LegislationProjects.CountAsync()).ShouldBe(count);
        }

        // A county user never sees the city's records.
        var list = sp.GetRequiredService<ListProjects>();
        (await list.HandleAsync(new ListProjects.Query(), new PageRequest(PageSize: 500))).Items.ShouldAllBe(p => p.UnitCode == "440704");
        (await list.HandleAsync(new ListProjects.Query(Year: 2023), new PageRequest())).Total.ShouldBe(0);
        (await list.HandleAsync(new ListProjects.Query(UnitCode: DemoData.CityBureau), new PageRequest())).Total.ShouldBe(0);
        await using (var db = app.Db())
        {
            var cityId = await db.LegislationProjects.Select(p => p.Id).FirstAsync();
            (await list.HandleAsync(new ListProjects.Query(Ids: [cityId]), new PageRequest())).Total.ShouldBe(0);
            await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<SaveProject>().DeleteAsync(cityId));
        }

        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.Legislation, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));

        var good = Workbook(Project("440704", "2023-10-31", "委托起草", "五邑大学政法学院"), Project("440704", "2023-10-31", "自行承办", null));
        (await ledger.ImportAsync(new MemoryStream(good), good.Length, CancellationToken.None)).ShouldBe(2);
        (await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("legislation.commissioned_drafting", "440704", MetricScope.Self, MetricPeriod.Year(2023)))
            .Value.ShouldBe(1);
        var exported = await ledger.ExportAsync(null, 2023, CancellationToken.None);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => (string)r["单位代码"] == "440704");
    }

    private static Dictionary<string, object?> Project(string unit, string due, string commission, string? body) => new()
    {
        ["单位代码"] = unit,
        ["计划年度"] = 2023,
        ["项目类别"] = "地方性法规",
        ["项目名称"] = "《江门市江海区某某条例》",
        ["所处阶段"] = "起草",
        ["委托方式"] = commission,
        ["受委托单位"] = body,
        ["完成时限"] = due,
        ["完成日期"] = "2023-10-20",
    };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: ProjectsLedger.SheetName);
        return stream.ToArray();
    }
}
