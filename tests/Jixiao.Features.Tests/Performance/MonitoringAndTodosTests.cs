using Jixiao.Domain;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Performance;

public sealed class MonitoringAndTodosTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> DemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<PerformanceDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Monitoring_MidYear_RedWhenFarBehindTimeProgress_AndFiltersByLight(string provider)
    {
        var app = await DemoAsync(provider);
        await using var scope = await app.As("jx.leader");
        var monitor = scope.ServiceProvider.GetRequiredService<MonitorProjects>();

        // 2023-SFJ-02 on 30 June: 139,845 of 698,000 spent (20.04 %) against 49.59 % of the year gone.
        var rows = await monitor.HandleAsync(new MonitorProjects.Query(2023, new DateOnly(2023, 6, 30)));
        var second = rows.Single(r => r.Code == "2023-SFJ-02");
        second.Executed.ShouldBe(139_845m);
        second.ExecutionPercent.ShouldBe(20.04m);
        second.TimeProgressPercent.ShouldBe(49.59m);
        second.ExecutionLight.ShouldBe(TrafficLight.Red);
        second.Explanation.ShouldContain("20.04%");

        var red = await monitor.HandleAsync(new MonitorProjects.Query(2023, new DateOnly(2023, 6, 30), Light: TrafficLight.Red));
        red.ShouldAllBe(r => r.ExecutionLight == TrafficLight.Red);
        red.Select(r => r.Code).ShouldContain("2023-SFJ-02");

        var yearEnd = await monitor.HandleAsync(new MonitorProjects.Query(2023, new DateOnly(2023, 12, 31)));
        yearEnd.Single(r => r.Code == "2023-SFJ-01").ExecutionLight.ShouldBe(TrafficLight.Green);

        await Should.ThrowAsync<ValidationException>(() => monitor.HandleAsync(new MonitorProjects.Query(2023, new DateOnly(2024, 1, 1))));
        var xlsx = await monitor.ExportAsync(new MonitorProjects.Query(2023, new DateOnly(2023, 6, 30)));
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        sheet.Single(r => (string)r["项目编码"] == "2023-SFJ-02")["执行灯"].ShouldBe("红灯");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TodoList_ShowsEachRoleItsWork(string provider)
    {
        var app = await DemoAsync(provider);
        async Task<IReadOnlyList<TodoItem>> TodosOf(string user)
        {
            await using var scope = await app.As(user);
            return await scope.ServiceProvider.GetRequiredService<TodoList>().HandleAsync();
        }

        var reviewer = await TodosOf("jx.review");
        reviewer.ShouldContain(t => t.Title.StartsWith("审核绩效目标", StringComparison.Ordinal) && t.Title.Contains("江海区行政复议规范化建设经费"));
        reviewer.ShouldContain(t => t.Title == "审核绩效自评：全面依法治市工作经费");

        (await TodosOf("cz.review")).ShouldBeEmpty();
        (await TodosOf("pj.perf")).ShouldBeEmpty();
        (await TodosOf("jx.perf")).ShouldContain(t => t.Title.StartsWith("绩效目标被退回", StringComparison.Ordinal) && t.Detail.Contains("退回意见"));
        (await TodosOf("jh.case")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Profiles_CopyIsVersioned_AndBuiltInsAreReadOnly(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        var store = scope.ServiceProvider.GetRequiredService<ScoringProfileStore>();
        var name = "jm-" + provider.ToLowerInvariant();
        var first = await store.SaveAsync(ScoringProfiles.National2020 with { Name = name, DisplayName = "江门方案", ExecutionPoints = 20, Level1Weights = null });
        var second = await store.SaveAsync(first with { DisplayName = "江门方案（修订）" });
        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        (await store.GetAsync(name, 1)).DisplayName.ShouldBe("江门方案");
        (await store.GetAsync(name)).DisplayName.ShouldBe("江门方案（修订）");
        (await store.ListAsync()).Single(p => p.Name == name).Version.ShouldBe(2);
        await Should.ThrowAsync<DomainException>(() => store.SaveAsync(ScoringProfiles.National2020));
        await Should.ThrowAsync<ValidationException>(() => store.SaveAsync(ScoringProfiles.National2020 with { Name = "bad name!" }));

        await using var officer = await app.As("jx.perf");
        await Should.ThrowAsync<ForbiddenException>(() => officer.ServiceProvider.GetRequiredService<ScoringProfileStore>().SaveAsync(first));
    }
}
