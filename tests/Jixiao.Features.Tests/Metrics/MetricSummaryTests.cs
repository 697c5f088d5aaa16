using Jixiao.Domain.Metrics;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Demo;
using Jixiao.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Metrics;

/// <summary>
/// The statistics pages count in the database (<see cref="MetricCatalogue.SummarizeAsync"/>); drill-downs, indicators and
/// freezing list the records (<see cref="MetricCatalogue.EvaluateAsync(string, string, MetricScope, MetricPeriod, IReadOnlyDictionary{string, string}?, CancellationToken)"/>).
/// Both must give the same figure, for every metric, unit, scope, year and month.
/// </summary>
public sealed class MetricSummaryTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppAsync(string provider)
    {
        var app = await apps.Get(provider);
        await app.WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync());
        return await app.WithDemoAsync<LitigationDemo>(d => d.SeedAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_EqualsTheRecordByRecordEvaluation_ForEveryMetricYearAndMonth(string provider)
    {
        var app = await AppAsync(provider);
        await using (var db = app.Db())
        {
            // The demo register must exercise the case-by-case deadline check: cases closed after the bare 60 days.
            var cases = await db.ReconsiderationCases.AsNoTracking().Where(c => c.ClosedOn != null && c.AcceptedOn != null)
                .Select(c => new { c.AcceptedOn, c.ClosedOn }).ToListAsync();
            cases.Count(c => c.ClosedOn!.Value.DayNumber - c.AcceptedOn!.Value.DayNumber > 60).ShouldBeGreaterThan(0);
        }

        await using var scope = await app.As("jx.leader");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var compared = 0;
        foreach (var area in new[] { Domain.Organization.Area.Reconsideration, Domain.Organization.Area.Litigation })
        {
            foreach (var (unit, metricScope) in new[] { (DemoData.CityBureau, MetricScope.Self), (DemoData.CityBureau, MetricScope.Tree), ("440703", MetricScope.Self) })
            {
                foreach (var year in new[] { 2022, 2023 })
                {
                    var summary = await catalogue.SummarizeAsync(area, unit, metricScope, year, months: true);
                    var periods = new[] { MetricPeriod.Year(year) }.Concat(MetricPeriod.MonthsOf(year)).ToList();
                    var sets = new[] { summary.Year }.Concat(summary.Months).ToList();
                    for (var i = 0; i < periods.Count; i++)
                    {
                        var full = await catalogue.EvaluateAsync(area, unit, metricScope, periods[i]);
                        sets[i].Period.ShouldBe(periods[i]);
                        foreach (var value in full.Values)
                        {
                            var counted = sets[i][value.Key];
                            (counted.Value, counted.Numerator, counted.Denominator).ShouldBe((value.Value, value.Numerator, value.Denominator),
                                $"{area} {unit} {metricScope} {periods[i].Label} {value.Key}");
                            counted.HasRecords.ShouldBe(value.RecordIds.Count > 0, value.Key);
                            compared++;
                        }
                    }
                }
            }
        }

        compared.ShouldBeGreaterThan(1000);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_KeepsTheFilters(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.head");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        string respondent;
        await using (var db = app.Db())
        {
            respondent = await db.ReconsiderationCases.Where(c => c.ReceivedOn.Year == 2023).GroupBy(c => c.RespondentName)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }

        var filters = new Dictionary<string, string> { ["respondent"] = respondent };
        var summary = await catalogue.SummarizeAsync(Domain.Organization.Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, 2023, months: false, filters);
        var full = await catalogue.EvaluateAsync(Domain.Organization.Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023), filters);

        summary.Months.ShouldBeEmpty();
        summary.Year.Filters.ShouldBe(filters);
        summary.Year["reconsideration.received"].Value.ShouldBe(full["reconsideration.received"].Value);
        summary.Year["reconsideration.received"].Value!.Value.ShouldBeLessThan(190m);
        summary.Year["reconsideration.received"].RecordIds.ShouldBeEmpty();
    }
}
