using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class DeadlineTodoTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TodoList_HandlerSeesOverdueOpenCasesOfTheScopeOnly(string provider)
    {
        var app = await apps.Get(provider);
        await using (var system = app.AsSystem())
        {
            await system.ServiceProvider.GetRequiredService<ReconsiderationDemo>().SeedAsync();
        }

        await using (var city = await app.As("jx.case"))
        {
            var todos = await city.ServiceProvider.GetRequiredService<TodoList>().HandleAsync();
            var cases = todos.Where(t => t.Area == "行政复议").ToList();
            cases.ShouldAllBe(t => t.Link.StartsWith("reconsideration/cases/", StringComparison.Ordinal));
            var deadlines = cases.Where(t => t.Urgency != TodoUrgency.Normal).ToList();
            deadlines.ShouldNotBeEmpty();
            deadlines.ShouldAllBe(t => t.Title.StartsWith(t.Urgency == TodoUrgency.Overdue ? "已超期" : "临期", StringComparison.Ordinal));

            // Besides deadline warnings, only online applications waiting for the acceptance review (OnlineApplicationTests).
            cases.Where(t => t.Urgency == TodoUrgency.Normal).ShouldAllBe(t => t.Title.StartsWith("网上申请待审查", StringComparison.Ordinal));
            todos.Select(t => t.Urgency).ShouldBe(todos.Select(t => t.Urgency).OrderByDescending(u => u));
        }

        await using var county = await app.As("jh.case");
        (await county.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).ShouldNotContain(t => t.Title.Contains("江府复", StringComparison.Ordinal));
    }
}
