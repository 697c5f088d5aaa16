using Jixiao.Domain;
using Jixiao.Domain.LegalAdvice;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.LegalAdvice;
using Jixiao.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.LegalAdvice;

public sealed class LegalAdviceTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<LegalAdviceDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statistics_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.leader");
        var set = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.LegalAdvice, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        set["legal_advice.advisers"].Value.ShouldBe(7);
        set["legal_advice.matters"].Value.ShouldBe(260);
        set["legal_advice.written_opinions"].Value.ShouldBe(185);
        set["legal_advice.pooled_firms"].Value.ShouldBe(2);
        set["legal_advice.pooled_matters"].Value.ShouldBe(114);
        set["legal_advice.pooled_written_opinions"].Value.ShouldBe(111);
        set["legal_advice.pooled_meetings"].Value.ShouldBe(2);
        set["legal_advice.pooled_lectures"].Value.ShouldBe(1);
        set["legal_advice.written_opinion_rate"].Value.ShouldBe(71.15m);

        var listed = await scope.ServiceProvider.GetRequiredService<ListMatters>()
            .HandleAsync(new ListMatters.Query(Ids: set["legal_advice.pooled_written_opinions"].RecordIds), new PageRequest(PageSize: 500));
        listed.Total.ShouldBe(111);
        listed.Items.ShouldAllBe(m => m.Pooled && m.WrittenOpinion);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_ChangesNothing_AndScopeHolds(string provider)
    {
        var app = await AppAsync(provider);
        await using var county = await app.As("jh.case");
        var sp = county.ServiceProvider;
        var ledger = sp.GetRequiredService<Ledgers.Ledgers>().Get("legal-matters");
        await using var before = app.Db();
        var count = await before.AdviceMatters.CountAsync();

        // The city's adviser is not the county's: the row is refused and nothing is written.
        var file = Workbook(Matter("440704", "陈国栋", "2023-03-01", "否"), Matter("440704", "陈国栋", "2023-13-01", "否"));
        var problems = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(file), file.Length, CancellationToken.None));
        problems.Problems.Single().Field.ShouldBe($"{MattersLedger.SheetName}!E3");
        var single = Workbook(Matter("440704", "陈国栋", "2023-03-01", "否"));
        (await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(single), single.Length, CancellationToken.None)))
            .Message.ShouldContain("没有名为“陈国栋”的法律顾问");
        await using (var unchanged = app.Db())
        {
            (await unchanged.AdviceMatters.CountAsync()).ShouldBe(count);
        }

        (await sp.GetRequiredService<ListAdvisers>().AllAsync()).ShouldBeEmpty();
        (await sp.GetRequiredService<ListMatters>().HandleAsync(new ListMatters.Query(), new PageRequest())).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.LegalAdvice, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));

        // The county engages its own adviser and imports its matters.
        await sp.GetRequiredService<SaveAdviser>().CreateAsync(new SaveAdviser.Command("440704", "区志强", AdviserKind.Person, "广东江海律师事务所", false,
            new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), null));
        var good = Workbook(Matter("440704", "区志强", "2023-03-01", "是"), Matter("440704", "区志强", "2023-04-01", "否"));
        (await ledger.ImportAsync(new MemoryStream(good), good.Length, CancellationToken.None)).ShouldBe(2);
        (await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("legal_advice.written_opinions", "440704", MetricScope.Self, MetricPeriod.Year(2023))).Value.ShouldBe(1);
    }

    [Fact]
    public void Adviser_TermAndPoolingRules()
    {
        LegalAdviceRules.EngagedDuring(new DateOnly(2022, 7, 1), new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).ShouldBeTrue();
        LegalAdviceRules.EngagedDuring(new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).ShouldBeFalse();
        Should.Throw<DomainException>(() => new LegalAdviser(1, "张三", AdviserKind.Person, null, true, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), null))
            .Message.ShouldContain("律师事务所");
        var adviser = new LegalAdviser(1, "张三", AdviserKind.Person, null, false, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), null);
        Should.Throw<DomainException>(() => new AdviceMatter(adviser, MatterType.Contract, "合同", new DateOnly(2023, 3, 1), null, true, null)).Message.ShouldContain("办结日期");
    }

    private static Dictionary<string, object?> Matter(string unit, string adviser, string received, string written) => new()
    {
        ["单位代码"] = unit,
        ["法律顾问"] = adviser,
        ["办件类型"] = "合同审查",
        ["事项"] = "某合作协议审查",
        ["收件日期"] = received,
        ["办结日期"] = "2023-12-20",
        ["出具书面意见"] = written,
    };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: MattersLedger.SheetName);
        return stream.ToArray();
    }
}
