using Jixiao.Domain;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Calendar;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Calendar;

public sealed class ManageCalendarTests(Apps apps) : IClassFixture<Apps>
{
    // A year made up for the test (2099): not a real notice.
    private const string Off = "2099-01-01~2099-01-03\n2099-10-01~2099-10-07";
    private const string Work = "2099-10-10";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_AddsAYear_DeadlinesCountWithIt_AndRemoveTakesItAway(string provider)
    {
        var app = await apps.Get(provider);
        var calendar = app.Services.GetRequiredService<WorkdayCalendarProvider>();
        calendar.Calendar.Covers(new DateOnly(2099, 5, 1)).ShouldBeFalse();

        await using (var admin = await app.As("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<ManageCalendar>().SaveAsync(2099, Off, Work, "测试用安排");
            var rows = await admin.ServiceProvider.GetRequiredService<ManageCalendar>().ListAsync();
            var row = rows.Single(r => r.Year == 2099);
            row.Stored.ShouldBeTrue();
            row.HolidayDays.ShouldBe(10);
            rows.Single(r => r.Year == 2023).Stored.ShouldBeFalse();
        }

        var cal = calendar.Calendar;
        cal.IsWorkingDay(new DateOnly(2099, 10, 2)).ShouldBeFalse();
        cal.IsWorkingDay(new DateOnly(2099, 10, 10)).ShouldBeTrue();
        var facts = new ReconsiderationFacts(new DateOnly(2099, 9, 28));
        ReconsiderationDeadlines.Compute(facts, new DateOnly(2099, 9, 28), cal).ShouldNotBeEmpty();

        await using (var admin = await app.As("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<ManageCalendar>().RemoveAsync(2099);
        }

        calendar.Calendar.Covers(new DateOnly(2099, 5, 1)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_BadArrangementOrRole_IsRefusedAndNothingChanges(string provider)
    {
        var app = await apps.Get(provider);
        await using (var admin = await app.As("admin"))
        {
            var manage = admin.ServiceProvider.GetRequiredService<ManageCalendar>();
            (await Should.ThrowAsync<DomainException>(() => manage.SaveAsync(2098, "2098-13-01~2098-13-02", "", "测试"))).Message.ShouldContain("不是有效日期");
            await Should.ThrowAsync<DomainException>(() => manage.SaveAsync(2098, "2098-10-07~2098-10-01", "", "测试"));
            await Should.ThrowAsync<DomainException>(() => manage.SaveAsync(2098, "", "2098-10-08", "测试")); // a Wednesday is no 调休 day
            await Should.ThrowAsync<ValidationException>(() => manage.SaveAsync(2098, "2098-01-01", "", " "));
            (await manage.ListAsync()).ShouldNotContain(r => r.Year == 2098);
        }

        await using var handler = await app.As("jx.case");
        await Should.ThrowAsync<ForbiddenException>(() => handler.ServiceProvider.GetRequiredService<ManageCalendar>().SaveAsync(2098, "2098-01-01", "", "测试"));
    }
}
