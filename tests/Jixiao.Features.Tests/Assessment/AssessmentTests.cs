using Jixiao.Domain;
using Jixiao.Domain.Assessment;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Assessment;
using Jixiao.Features.Demo;
using Jixiao.Features.Ledgers;
using Jixiao.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Assessment;

public sealed class AssessmentTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<AssessmentDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statistics_Demo2023_GiveTheSeedFigures(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.leader");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();

        var set = await catalogue.EvaluateAsync(Area.Assessment, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        set["assessment.experts"].Value.ShouldBe(12);
        set["assessment.counties_assessed"].Value.ShouldBe(7);
        set["assessment.counties_to_assess"].Value.ShouldBe(7);
        set["assessment.coverage_rate"].Display.ShouldBe("100.00%");
        set["assessment.assessing_units"].Value.ShouldBe(20);
        set["assessment.sections"].Value.ShouldBe(5);
        set["assessment.indicators"].Value.ShouldBe(46);
        set["assessment.provincial_excellent_years"].Value.ShouldBe(5);
        set["assessment.provincial_latest_excellent"].Value.ShouldBe(1);
        set["assessment.counties_excellent"].Value.ShouldBe(5);
        set["assessment.excellent_rate"].Display.ShouldBe("71.43%");

        var tree = await catalogue.EvaluateAsync(Area.Assessment, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        tree["assessment.counties_assessed"].Value.ShouldBe(7);
        var before = await catalogue.EvaluateAsync(Area.Assessment, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2020));
        before["assessment.provincial_excellent_years"].Value.ShouldBe(3);
        before["assessment.experts"].Value.ShouldBe(0);

        var records = await catalogue.RecordsAsync(new Dictionary<string, string?>
        {
            ["metric"] = "assessment.counties_assessed", ["unit"] = DemoData.CityBureau, ["from"] = "2023-01-01", ["to"] = "2023-12-31", ["scope"] = "self",
        });
        records.RecordIds.Count.ShouldBe(7);
        records.Caption.ShouldContain("考评县（市、区）数");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Results_Demo2023_RankTotalsWithSharedRanks_AndGradeByTheScheme(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var result = (await scope.ServiceProvider.GetRequiredService<AssessmentResults>().GetAsync(2023)).ShouldNotBeNull();

        result.Sections.Count.ShouldBe(5);
        result.IndicatorCount.ShouldBe(46);
        result.Coverage.ShouldBe(100m);
        result.Rows.Select(r => (r.UnitName, r.Total, r.Rank, r.GradeName)).ShouldBe(
        [
            ("恩平市", 94.5m, 1, "优秀"),
            ("台山市", 93.5m, 2, "优秀"),
            ("开平市", 93.5m, 2, "优秀"),
            ("江海区", 92m, 4, "优秀"),
            ("蓬江区", 90m, 5, "优秀"),
            ("鹤山市", 89m, 6, "良好"),
            ("新会区", 85.5m, 7, "良好"),
        ]);
        result.Rows.ShouldAllBe(r => r.SectionTotals.Sum() == r.Total);

        var scheme = (await scope.ServiceProvider.GetRequiredService<ManageScheme>().GetAsync(2023)).ShouldNotBeNull();
        scheme.Balanced.ShouldBeTrue();
        scheme.Sections.Sum(s => s.Points).ShouldBe(100m);
        scheme.Assessors.Count.ShouldBe(20);
        scheme.Targets.Count.ShouldBe(7);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScoreEntry_AboveThePoints_SavesNothing_ThenValidScoresRankTheCounty(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var schemes = sp.GetRequiredService<ManageScheme>();
        await schemes.CreateAsync(new ManageScheme.Create(DemoData.CityBureau, 2025, "2025年度法治江门建设考评", 10m, 9m, 8m, 6m, ["440703", "440704"]));
        var scheme = (await schemes.GetAsync(2025)).ShouldNotBeNull();
        await schemes.AddSectionAsync(2025, "法治政府建设", 10m);
        var section = (await schemes.GetAsync(2025))!.Sections.Single();
        await schemes.AddIndicatorAsync(2025, section.Id, "重大行政决策", 6m, null, null);
        await schemes.AddIndicatorAsync(2025, section.Id, "行政复议", 4m, null, null);
        await Should.ThrowAsync<DomainException>(() => schemes.AddIndicatorAsync(2025, section.Id, "行政应诉", 1m, null, null));
        var indicators = (await schemes.GetAsync(2025))!.Indicators.ToList();

        var entry = sp.GetRequiredService<ScoreEntry>();
        var error = await Should.ThrowAsync<ValidationException>(() => entry.SaveAsync(2025, "440703",
            [new ScoreEntry.Entry(indicators[0].Id, 5m, null), new ScoreEntry.Entry(indicators[1].Id, 4.5m, "超分")]));
        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("1.2 行政复议：得分4.5超过该指标分值4");
        await using (var db = app.Db())
        {
            (await db.AssessmentScores.CountAsync(s => s.SchemeId == scheme.Id)).ShouldBe(0);
        }

        await entry.SaveAsync(2025, "440703", [new ScoreEntry.Entry(indicators[0].Id, 5m, "扣1分"), new ScoreEntry.Entry(indicators[1].Id, 4m, null)]);
        await entry.SaveAsync(2025, "440704", [new ScoreEntry.Entry(indicators[0].Id, 6m, null)]);
        var results = (await sp.GetRequiredService<AssessmentResults>().GetAsync(2025))!;
        results.Rows.Select(r => (r.UnitCode, r.Total, r.Rank, r.Grade)).ShouldBe([("440703", 9m, 1, AssessmentGrade.Excellent), ("440704", 6m, (int?)null, (AssessmentGrade?)null)]);
        results.Coverage.ShouldBe(50m);
        (await entry.GridAsync(2025, "440703")).Select(l => l.Score).ShouldBe([5m, 4m]);

        await Should.ThrowAsync<DomainException>(() => entry.SaveAsync(2025, "440705", [new ScoreEntry.Entry(indicators[0].Id, 1m, null)]));
        await Should.ThrowAsync<DomainException>(() => schemes.RemoveIndicatorAsync(2025, indicators[0].Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportScores_WithErrors_LeavesTheDataUnchanged_ThenAGoodFileWritesAll(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var schemes = sp.GetRequiredService<ManageScheme>();
        await schemes.CreateAsync(new ManageScheme.Create(DemoData.CityBureau, 2024, "2024年度法治江门建设考评", 5m, 4.5m, 4m, 3m, ["440703", "440705"]));
        await schemes.AddSectionAsync(2024, "法治社会建设", 5m);
        var section = (await schemes.GetAsync(2024))!.Sections.Single();
        await schemes.AddIndicatorAsync(2024, section.Id, "普法", 3m, null, null);
        await schemes.AddIndicatorAsync(2024, section.Id, "人民调解", 2m, null, null);
        var ledger = sp.GetRequiredService<Ledgers.Ledgers>().Get("assessment-scores");
        await using var before = app.Db();
        var count = await before.AssessmentScores.CountAsync();

        var bad = Workbook(
            Row(2024, "440703", "1.1", "2.5"),
            Row(2024, "440703", "1.2", "2.5"),    // above the 2 points
            Row(2024, "440704", "1.1", "1"),      // not assessed in 2024
            Row(2024, "440705", "1.9", "1"),      // no such indicator
            Row(2024, "440705", "1.1", "abc"));   // not a number
        var sheet = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(bad), bad.Length, CancellationToken.None));
        sheet.Problems.ShouldHaveSingleItem().Field.ShouldBe($"{ImportScores.SheetName}!D6");

        var rules = Workbook(Row(2024, "440703", "1.1", "2.5"), Row(2024, "440703", "1.2", "2.5"), Row(2024, "440704", "1.1", "1"), Row(2024, "440705", "1.9", "1"));
        var problems = (await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(rules), rules.Length, CancellationToken.None))).Problems;
        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p.Message.Contains("第3条记录“被考评单位代码”列") && p.Message.Contains("440704"));
        problems.ShouldContain(p => p.Message.Contains("第4条记录“指标编号”列") && p.Message.Contains("1.9"));
        var above = Workbook(Row(2024, "440703", "1.1", "2.5"), Row(2024, "440703", "1.2", "2.5"));
        (await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(above), above.Length, CancellationToken.None)))
            .Problems.ShouldHaveSingleItem().Message.ShouldContain("第2条记录（440703 指标1.2）“得分”列：1.2 人民调解：得分2.5超过该指标分值2");

        await using (var unchanged = app.Db())
        {
            (await unchanged.AssessmentScores.CountAsync()).ShouldBe(count);
        }

        var good = Workbook(Row(2024, "440703", "1.1", "2.5"), Row(2024, "440703", "1.2", "2"), Row(2024, "440705", "1.1", "3"));
        (await ledger.ImportAsync(new MemoryStream(good), good.Length, CancellationToken.None)).ShouldBe(3);
        var results = (await sp.GetRequiredService<AssessmentResults>().GetAsync(2024))!;
        results.Rows[0].ShouldSatisfyAllConditions(r => r.UnitCode.ShouldBe("440703"), r => r.Total.ShouldBe(4.5m), r => r.Grade.ShouldBe(AssessmentGrade.Excellent));

        var exported = await ledger.ExportAsync(null, 2024, CancellationToken.None);
        var again = await ledger.ImportAsync(new MemoryStream(exported), exported.Length, CancellationToken.None);
        again.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportExperts_WithErrors_AppointsNobody(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.case");
        var ledger = scope.ServiceProvider.GetRequiredService<Ledgers.Ledgers>().Get("assessment-experts");
        await using var before = app.Db();
        var count = await before.ExpertPools.SelectMany(p => p.Members).CountAsync();
        var bad = Experts(("440700", "梁新", "2024-03-01"), ("440700", "梁志远", "2024-03-01"), ("440700", "何敏", "2020-01-01"));
        var error = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(bad), bad.Length, CancellationToken.None));
        error.Problems.Count.ShouldBe(2);
        error.Message.ShouldContain("第2条记录（梁志远）");
        error.Message.ShouldContain("第3条记录（何敏）");
        await using (var unchanged = app.Db())
        {
            (await unchanged.ExpertPools.SelectMany(p => p.Members).CountAsync()).ShouldBe(count);
        }

        var export = await ledger.ExportAsync(DemoData.CityBureau, 2023, CancellationToken.None);
        using var read = new MemoryStream(export);
        var rows = MiniExcelLibs.MiniExcel.Query(read, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(12);
        rows.ShouldAllBe(r => r["联系电话"].ToString()!.Contains('*'));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_ACountyUser_SeesNeitherTheCitySchemeNorOtherCountiesScores(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jh.case");
        var sp = scope.ServiceProvider;

        (await sp.GetRequiredService<ManageScheme>().GetAsync(2023)).ShouldBeNull();
        (await sp.GetRequiredService<AssessmentResults>().GetAsync(2023)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<ScoreEntry>().SaveAsync(2023, "440703", []));
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Assessment, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));
        (await sp.GetRequiredService<ExpertPools>().ListAsync(new ExpertPools.Query())).ShouldBeEmpty();
        var own = await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Assessment, "440704", MetricScope.Tree, MetricPeriod.Year(2023));
        own["assessment.counties_assessed"].Value.ShouldBe(0);

        await using var performance = await app.As("pj.perf");
        await Should.ThrowAsync<Jixiao.Infrastructure.Scope.ForbiddenException>(() => performance.ServiceProvider.GetRequiredService<ProvincialResults>().SaveAsync("440703", 2023, AssessmentGrade.Excellent, null, null));
    }

    private static Dictionary<string, object> Row(int year, string unit, string number, string score) => new()
    {
        ["考评年度"] = year,
        ["被考评单位代码"] = unit,
        ["指标编号"] = number,
        ["得分"] = score,
        ["扣分说明"] = string.Empty,
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: ImportScores.SheetName);
        return stream.ToArray();
    }

    private static byte[] Experts(params (string Unit, string Name, string Date)[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows.Select(r => new Dictionary<string, object>
        {
            ["所属单位代码"] = r.Unit,
            ["专家库"] = AssessmentDemo.PoolName,
            ["姓名"] = r.Name,
            ["工作单位"] = "五邑大学政法学院",
            ["聘任日期"] = r.Date,
        }), sheetName: ImportExperts.SheetName);
        return stream.ToArray();
    }
}
