using Jixiao.Domain;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Ledgers;
using Jixiao.Features.Litigation;
using Jixiao.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Litigation;

public sealed class LitigationTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppWithDemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<LitigationDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_Demo2023CityWide_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.head");
        var s = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Litigation, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        decimal? V(string key) => s["litigation." + key].Value;

        V("first_instance_concluded").ShouldBe(897);
        V("carried_over").ShouldBe(201);
        V("outcome.claim_dismissed").ShouldBe(522);
        V("outcome.claim_dismissed_share").ShouldBe(58.19m);
        V("outcome.ruling").ShouldBe(254);
        V("outcome.ruling_share").ShouldBe(28.32m);
        V("outcome.agency_changed").ShouldBe(112);
        V("agency_changed_rate").ShouldBe(12.49m);
        V("outcome.mediated").ShouldBe(4);
        V("outcome.mediated_share").ShouldBe(0.45m);
        V("outcome.compensation_dismissed").ShouldBe(5);
        V("outcome.compensation_dismissed_share").ShouldBe(0.56m);
        V("outcome.other").ShouldBe(0);
        V("hearings").ShouldBe(1169);
        V("head_appearances").ShouldBe(1161);
        V("head_appearance_rate").ShouldBe(99.32m);
        s["litigation.head_appearance_rate"].Numerator.ShouldBe(1161);
        s["litigation.head_appearance_rate"].Denominator.ShouldBe(1169);

        // The records behind a figure are the cases it counts.
        await using var db = app.Db();
        var changed = s["litigation.outcome.agency_changed"].RecordIds;
        (await db.LitigationCases.IgnoreQueryFilters().CountAsync(c => changed.Contains(c.Id) && c.Instance == LitigationInstance.First && c.ConcludedOn!.Value.Year == 2023
            && (c.Outcome == FirstInstanceOutcome.Revoke || c.Outcome == FirstInstanceOutcome.ConfirmIllegal || c.Outcome == FirstInstanceOutcome.ConfirmVoid
                || c.Outcome == FirstInstanceOutcome.Vary || c.Outcome == FirstInstanceOutcome.OrderPerformance))).ShouldBe(112);

        // Spread over the city's own agencies and the seven counties; the breakdown by unit adds up to the city-wide figure.
        var query = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>().ResolveAsync(Area.Litigation, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        var byUnit = await scope.ServiceProvider.GetRequiredService<LitigationMetrics>().BreakdownAsync(query, "unit", ["litigation.first_instance_concluded", "litigation.hearings"], CancellationToken.None);
        byUnit.Count.ShouldBe(8);
        byUnit.Sum(r => r.Values[0].Value).ShouldBe(897);
        byUnit.Sum(r => r.Values[1].Value).ShouldBe(1169);
        var byDefendant = await scope.ServiceProvider.GetRequiredService<LitigationMetrics>().BreakdownAsync(query, "defendant", ["litigation.first_instance_concluded"], CancellationToken.None);
        byDefendant.Count.ShouldBeGreaterThan(20);
        byDefendant.Sum(r => r.Values[0].Value).ShouldBe(897);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_CountyUser_NeverSeesCityCases(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jh.case");
        var list = scope.ServiceProvider.GetRequiredService<ListLitigation>();
        var page = await list.HandleAsync(new ListLitigation.Query(), new PageRequest(1, PageRequest.MaxPageSize));
        page.Total.ShouldBeGreaterThan(0);
        page.Items.ShouldAllBe(r => r.UnitName == "江海区司法局");
        await Should.ThrowAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync(Area.Litigation, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023)));
        var own = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Litigation, "440704", MetricScope.Self, MetricPeriod.Year(2023));
        own["litigation.first_instance_concluded"].Value.ShouldBe(60);

        await using var db = app.Db();
        var cityCase = await db.LitigationCases.IgnoreQueryFilters().Where(c => c.Court == LitigationDemo.IntermediateCourt).Join(db.Units.IgnoreQueryFilters().Where(u => u.Code == DemoData.CityBureau), c => c.UnitId, u => u.Id, (c, _) => c.Id).FirstAsync();
        await Should.ThrowAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<GetLitigation>().HandleAsync(cityCase));
        await Should.ThrowAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<LitigationActions>().SubmitDefenceAsync(cityCase, new DateOnly(2023, 5, 1)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Case_RegisterHearingJudgmentAppeal_CountsInTheStatistics(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var register = scope.ServiceProvider.GetRequiredService<RegisterLitigation>();
        var actions = scope.ServiceProvider.GetRequiredService<LitigationActions>();
        var id = await register.HandleAsync(new RegisterLitigation.Command("440704", "江门市江海区人民法院", "（2024）粤0704行初77号", LitigationInstance.First,
            "梁志成", "江门市江海区市场监督管理局", false, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)));
        await actions.SubmitDefenceAsync(id, new DateOnly(2024, 3, 15));
        var noStand = await Should.ThrowAsync<DomainException>(() => actions.RecordHearingAsync(id, new DateOnly(2024, 4, 10), null, LitigationInstance.First, false, null, null));
        noStand.Message.ShouldContain("出庭人员");
        await actions.RecordHearingAsync(id, new DateOnly(2024, 4, 10), null, LitigationInstance.First, true, "李伟（副局长）", null);
        await actions.RecordHearingAsync(id, new DateOnly(2024, 5, 10), null, LitigationInstance.First, false, null, "陈明（法规科科长）");
        await Should.ThrowAsync<DomainException>(() => actions.RecordAppealAsync(id, new DateOnly(2024, 6, 1), "梁志成"));
        await actions.RecordJudgmentAsync(id, FirstInstanceOutcome.ConfirmIllegal, new DateOnly(2024, 5, 30), "（2024）粤0704行初77号", new DateOnly(2024, 6, 3));
        await actions.RecordAppealAsync(id, new DateOnly(2024, 6, 12), "江门市江海区市场监督管理局");
        await actions.RecordHearingAsync(id, new DateOnly(2024, 7, 20), LitigationDemo.IntermediateCourt, LitigationInstance.Second, true, null, null);
        await actions.RecordSecondInstanceAsync(id, SecondInstanceOutcome.Uphold, new DateOnly(2024, 8, 20));

        var details = await scope.ServiceProvider.GetRequiredService<GetLitigation>().HandleAsync(id);
        details.Case.State.ShouldBe(LitigationState.AppealConcluded);
        details.Deadlines.Single(d => d.Step == LitigationStep.Defence).Deadline.Status.ShouldBe(Domain.Calendar.DeadlineStatus.Done);

        var s = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Litigation, "440704", MetricScope.Self, MetricPeriod.Year(2024),
            new Dictionary<string, string> { ["defendant"] = "江门市江海区市场监督管理局" });
        s["litigation.first_instance_concluded"].Value.ShouldBe(1);
        s["litigation.agency_changed_rate"].Value.ShouldBe(100m);
        s["litigation.hearings"].Value.ShouldBe(3);
        s["litigation.second_instance_hearings"].Value.ShouldBe(1);
        s["litigation.head_appearance_rate"].Value.ShouldBe(66.67m);
        s["litigation.hearings"].RecordIds.ShouldBe([id]);

        var duplicate = await Should.ThrowAsync<ValidationException>(() => register.HandleAsync(new RegisterLitigation.Command("440704", "江门市江海区人民法院", "（2024）粤0704行初77号",
            LitigationInstance.First, "张三", "江门市江海区人民政府", false, new DateOnly(2024, 3, 1))));
        duplicate.Message.ShouldContain("已登记");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_LeavesDataUnchanged_ThenAGoodFileRegistersAll(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var ledger = scope.ServiceProvider.GetRequiredService<Ledgers.Ledgers>().Get("litigation");
        await using var before = app.Db();
        var count = await before.LitigationCases.IgnoreQueryFilters().CountAsync();
        var hearings = await before.LitigationHearings.IgnoreQueryFilters().CountAsync();

        var bad = Workbook(
            Row("440704", "（2025）粤0704行初501号", "2025-03-01", "驳回诉讼请求", "2025-06-01"),
            Row("440704", "（2025）粤0704行初502号", "2025-03-02", "没有的结果", "2025-06-01"),
            Row("440704", "（2025）粤0704行初503号", "2025-03-03", "驳回诉讼请求", null));
        var sheet = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(bad), bad.Length, CancellationToken.None));
        sheet.Problems.Select(p => p.Field).ShouldContain($"{LitigationLedger.SheetName}!K3");
        sheet.Problems.Select(p => p.Field).ShouldContain($"{LitigationLedger.SheetName}!L4");

        // Passes the sheet's checks but not the register's: another county is outside the scope; a judgment before filing.
        var outside = Workbook(
            Row("440704", "（2025）粤0704行初504号", "2025-03-01", "驳回诉讼请求", "2025-06-01"),
            Row("440700", "（2025）粤0704行初505号", "2025-03-01", null, null),
            Row("440704", "（2025）粤0704行初506号", "2025-03-01", "调解", "2025-02-01"));
        var scopeError = await Should.ThrowAsync<ValidationException>(() => ledger.ImportAsync(new MemoryStream(outside), outside.Length, CancellationToken.None));
        scopeError.Message.ShouldContain("第2条案件");
        scopeError.Message.ShouldContain("440700");
        scopeError.Message.ShouldContain("第3条案件");

        await using (var unchanged = app.Db())
        {
            (await unchanged.LitigationCases.IgnoreQueryFilters().CountAsync()).ShouldBe(count);
            (await unchanged.LitigationHearings.IgnoreQueryFilters().CountAsync()).ShouldBe(hearings);
        }

        var good = Workbook(Row("440704", "（2025）粤0704行初507号", "2025-03-01", "驳回诉讼请求", "2025-06-01"), Row("440704", "（2025）粤0704行初508号", "2025-03-02", null, null));
        (await ledger.ImportAsync(new MemoryStream(good), good.Length, CancellationToken.None)).ShouldBe(2);
        await using var after = app.Db();
        (await after.LitigationCases.IgnoreQueryFilters().CountAsync()).ShouldBe(count + 2);
        (await after.LitigationHearings.IgnoreQueryFilters().CountAsync()).ShouldBe(hearings + 2);

        var exported = await ledger.ExportAsync("440704", 2025, CancellationToken.None);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["案号"]?.ToString()).ShouldContain("（2025）粤0704行初507号");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Todos_DemoOpenCases_WarnAboutTheDefence(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.case");
        var user = scope.ServiceProvider.GetRequiredService<Jixiao.Infrastructure.Scope.CurrentUser>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var items = new List<TodoItem>();
        foreach (var source in scope.ServiceProvider.GetServices<ITodoSource>().OfType<LitigationTodos>())
        {
            items.AddRange(await source.GetAsync(user, today, CancellationToken.None));
        }

        items.ShouldContain(i => i.Urgency == TodoUrgency.Overdue && i.Title.Contains("9002号", StringComparison.Ordinal));
        items.ShouldAllBe(i => i.Title.Contains("提交答辩状", StringComparison.Ordinal) && i.Link.StartsWith("litigation/cases/", StringComparison.Ordinal));
        items.ShouldNotContain(i => i.Title.Contains("9003号", StringComparison.Ordinal) || i.Title.Contains("9004号", StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Row(string unit, string number, string filed, string? outcome, string? concluded) => new()
    {
        ["单位代码"] = unit,
        ["受理法院"] = "江门市江海区人民法院",
        ["案号"] = number,
        ["审级"] = "一审",
        ["原告"] = "梁志成",
        ["被告"] = "江门市江海区城市管理和综合执法局",
        ["复议机关共同被告"] = "否",
        ["立案日期"] = filed,
        ["收到起诉状副本日期"] = null,
        ["提交答辩状日期"] = null,
        ["一审结案方式"] = outcome,
        ["结案日期"] = concluded,
        ["开庭日期"] = "2025-05-10",
        ["负责人出庭"] = "是",
        ["代为出庭人员"] = null,
    };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: LitigationLedger.SheetName);
        return stream.ToArray();
    }
}
