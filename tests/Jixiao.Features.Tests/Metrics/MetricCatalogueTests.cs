using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Demo;
using Jixiao.Features.Metrics;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Metrics;

/// <summary>The catalogue as pages, the command line and indicators use it: definitions, values, months, filters, drill-down, scope.</summary>
public sealed class MetricCatalogueTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Definitions_AreUniqueValidAndNamedInChinese(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jx.head");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();

        catalogue.Definitions.Select(d => d.Key).ShouldBeUnique();
        catalogue.Definitions.ShouldAllBe(d => d.Validated() == d);
        catalogue.Definitions.ShouldContain(d => d.Key == "reconsideration.settlement_withdrawal_rate" && d.Name == "调撤率" && d.Unit == MetricUnit.Percent);
        catalogue.Find("reconsideration.direct_mediation_rate").DenominatorKey.ShouldBe("reconsideration.accepted");
        Should.Throw<NotFoundException>(() => catalogue.Find("reconsideration.no_such_figure"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Months_AddUpToTheYear_AndEachMonthCountsOnlyItsCases(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.head");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var year = await catalogue.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));
        var months = (await catalogue.SummarizeAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, 2023, months: true)).Months;

        months.Count.ShouldBe(12);
        foreach (var key in new[] { "reconsideration.received", "reconsideration.accepted", "reconsideration.closed", "reconsideration.settled_mediated_withdrawn" })
        {
            months.Sum(m => m[key].Value).ShouldBe(year[key].Value, key);
        }

        await using var db = app.Db();
        var march = (await catalogue.EvaluateAsync("reconsideration.received", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Month(2023, 3))).RecordIds;
        march.Count.ShouldBe((int)months[2]["reconsideration.received"].Value!.Value);
        (await db.ReconsiderationCases.CountAsync(c => march.Contains(c.Id) && c.ReceivedOn.Month == 3 && c.ReceivedOn.Year == 2023)).ShouldBe(march.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RespondentFilter_AndBreakdown_AgreeWithTheWhole(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.head");
        var sp = scope.ServiceProvider;
        var catalogue = sp.GetRequiredService<MetricCatalogue>();
        var period = MetricPeriod.Year(2023);
        var query = await catalogue.ResolveAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, period);
        var rows = await sp.GetRequiredService<ReconsiderationMetrics>().BreakdownAsync(query, "respondent", ["reconsideration.received", "reconsideration.corrected"], CancellationToken.None);

        rows.Sum(r => r.Values[0].Value).ShouldBe(190);
        var (name, values) = rows[0];
        var filtered = await catalogue.EvaluateAsync("reconsideration.received", DemoData.CityBureau, MetricScope.Self, period,
            new Dictionary<string, string> { ["respondent"] = name });
        filtered.Value.ShouldBe(values[0].Value);

        // The breakdown counts in the database; each row equals the figure listed record by record with the row's filter.
        foreach (var dimension in new[] { "respondent", "handler" })
        {
            var split = await sp.GetRequiredService<ReconsiderationMetrics>().BreakdownAsync(query, dimension,
                ["reconsideration.received", "reconsideration.closed", "reconsideration.closed_on_time", "reconsideration.settlement_withdrawal_rate"], CancellationToken.None);
            split.ShouldNotBeEmpty();
            foreach (var (rowName, rowValues) in split)
            {
                var whole = await catalogue.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, period,
                    new Dictionary<string, string> { [dimension] = rowName });
                rowValues.Select(v => (v.Key, v.Value)).ShouldBe(rowValues.Select(v => (v.Key, whole[v.Key].Value)), $"{dimension} {rowName}");
            }
        }

        await using var db = app.Db();
        var ids = filtered.RecordIds;
        (await db.ReconsiderationCases.Where(c => ids.Contains(c.Id)).Select(c => c.RespondentName).Distinct().ToListAsync()).ShouldBe([name]);
        await Should.ThrowAsync<DomainException>(() => sp.GetRequiredService<ReconsiderationMetrics>().BreakdownAsync(query, "colour", ["reconsideration.received"], CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DrillDown_GivesTheRecordsOfTheFigure_AndExplainsBadLinks(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.head");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var link = catalogue.DrillDown("reconsideration.settlement_withdrawal_rate", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));
        link.ShouldStartWith("reconsideration/cases?metric=reconsideration.settlement_withdrawal_rate&unit=440700&from=2023-01-01&to=2023-12-31&scope=self");
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x/" + link).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());

        var records = await catalogue.RecordsAsync(parameters);
        records.RecordIds.Count.ShouldBe(47);
        records.Caption.ShouldBe("江门市司法局 2023年 本级 · 调撤率");

        parameters["from"] = "2023-13-01";
        (await Should.ThrowAsync<DomainException>(() => catalogue.RecordsAsync(parameters))).Message.ShouldContain("from");
        parameters.Remove("from");
        (await Should.ThrowAsync<DomainException>(() => catalogue.RecordsAsync(parameters))).Message.ShouldContain("缺少参数");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_ACountyHandlerCannotEvaluateTheCity_NorAFinanceReviewerReconsideration(string provider)
    {
        var app = await AppAsync(provider);
        await using (var county = await app.As("jh.case"))
        {
            await Should.ThrowAsync<NotFoundException>(() => county.ServiceProvider.GetRequiredService<MetricCatalogue>()
                .EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023)));
        }

        await using var officer = await app.As("cz.review");
        await Should.ThrowAsync<ForbiddenException>(() => officer.ServiceProvider.GetRequiredService<MetricCatalogue>()
            .EvaluateAsync("reconsideration.received", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handler_IsTheRegistrant_AndOnlyTheHeadReassigns(string provider)
    {
        var app = await AppAsync(provider);
        int caseId;
        await using (var handler = await app.As("jx.case"))
        {
            var registered = await handler.ServiceProvider.GetRequiredService<RegisterApplication>().HandleAsync(new RegisterApplication.Command(
                DemoData.CityBureau, DateOnly.FromDateTime(DateTime.Now), MatterCategory.InformationDisclosure, ApplicationChannel.Post, ApplicantKind.Citizen,
                "关淑芬", IdDocumentType.ResidentIdCard, "44070319700101002" + Jixiao.Domain.Identity.ResidentIdNumber.ComputeCheckCharacter("44070319700101002"),
                null, null, null, false, "确认答复违法。", "政府信息公开答复", "江门市自然资源局"));
            caseId = registered.Id;
            await Should.ThrowAsync<ForbiddenException>(() => handler.ServiceProvider.GetRequiredService<CaseActions>().AssignHandlerAsync(caseId, "jx.head"));
        }

        await using var head = await app.As("jx.head");
        var actions = head.ServiceProvider.GetRequiredService<CaseActions>();
        (await actions.HandlersAsync(caseId)).Select(h => h.UserName).ShouldContain("jx.case");
        await Should.ThrowAsync<DomainException>(() => actions.AssignHandlerAsync(caseId, "jx.perf"));
        await Should.ThrowAsync<DomainException>(() => actions.AssignHandlerAsync(caseId, "jx.case"));
        await actions.AssignHandlerAsync(caseId, "jx.head");

        var view = await head.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(caseId);
        view.Case.HandlerName.ShouldBe("谭伟文");
        view.Steps.ShouldContain(s => s.Kind == CaseStepKind.HandlerAssigned && s.Note!.Contains("吴家豪"));
        var mine = await head.ServiceProvider.GetRequiredService<ListCases>().HandleAsync(new ListCases.Query(Handler: "谭伟文"), new Common.PageRequest(1, 50));
        mine.Items.ShouldContain(r => r.Id == caseId);
    }
}
