using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Features.Tests.Infrastructure;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The JSON API of the registers and statistics: the page's filters, paging and sort, masking, scope and rights.</summary>
public sealed class RegisterApiTests(WebApps apps) : IClassFixture<WebApps>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private async Task<RunningWeb> WebAsync(string provider)
    {
        var web = await apps.Get(provider);
        await using var scope = web.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("测试");
        await scope.ServiceProvider.GetRequiredService<Jixiao.Features.Demo.ReconsiderationDemo>().SeedAsync();
        return web;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReconsiderationCases_ArePagedSortedFilteredAndMasked(string provider)
    {
        var web = await WebAsync(provider);
        using var head = await web.SignedInClientAsync("jx.head");
        var first = await head.GetFromJsonAsync<JsonElement>("api/reconsideration/cases?unit=440700&from=2023-01-01&to=2023-12-31&sort=ReceivedOn&desc=true&pageSize=50&page=1");
        first.GetProperty("total").GetInt32().ShouldBe(190);
        var items = first.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(50);
        var days = items.Select(i => i.GetProperty("receivedOn").GetString()!).ToList();
        days.ShouldBe(days.OrderByDescending(d => d, StringComparer.Ordinal).ToList());
        items.Where(i => i.GetProperty("applicantIdNumber").GetString() is { Length: > 0 })
            .ShouldAllBe(i => i.GetProperty("applicantIdNumber").GetString()!.Contains('*'));

        var last = await head.GetFromJsonAsync<JsonElement>("api/reconsideration/cases?unit=440700&from=2023-01-01&to=2023-12-31&sort=ReceivedOn&desc=true&pageSize=50&page=4");
        last.GetProperty("items").GetArrayLength().ShouldBe(40);

        (await head.GetAsync("api/reconsideration/cases?state=NoSuchState")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReconsiderationCases_KeepTheUsersScopeAndRights(string provider)
    {
        var web = await WebAsync(provider);
        using var county = await web.SignedInClientAsync("jh.case");
        var city = await county.GetFromJsonAsync<JsonElement>("api/reconsideration/cases?unit=440700");
        city.GetProperty("total").GetInt32().ShouldBe(0);

        using var finance = await web.SignedInClientAsync("cz.review");
        (await finance.GetAsync("api/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.GetAsync("api/statistics/Reconsideration?unit=440700&year=2023")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = web.Client();
        (await anonymous.GetAsync("api/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Statistics_GiveTheSeedFiguresAndMonthsThatAddUp(string provider)
    {
        var web = await WebAsync(provider);
        using var head = await web.SignedInClientAsync("jx.head");
        var stats = await head.GetFromJsonAsync<JsonElement>("api/statistics/Reconsideration?unit=440700&year=2023&months=true");
        var values = stats.GetProperty("values");
        values.GetProperty("reconsideration.received").GetDecimal().ShouldBe(190);
        values.GetProperty("reconsideration.accepted").GetDecimal().ShouldBe(135);
        values.GetProperty("reconsideration.settlement_withdrawal_rate").GetDecimal().ShouldBe(34.81m);
        var months = stats.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        months.Sum(m => m.GetProperty("reconsideration.received").GetDecimal()).ShouldBe(190);

        var bad = await head.GetAsync("api/statistics/Reconsideration?unit=440700&year=2023&scope=world");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("统计范围");
    }
}
