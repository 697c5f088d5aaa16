using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Features.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Foundation;

/// <summary>The data scope: one query filter and one write check, whatever handler goes through them.</summary>
public sealed class ScopeTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VisibleUnits_CountyUser_SeesOnlyOwnSubtree(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("pj.perf");
        var units = await scope.ServiceProvider.GetRequiredService<ListUnits>().VisibleUnitsAsync();
        units.Select(u => u.Code).ShouldContain("440703");
        units.ShouldNotContain(u => u.Code == "440704" || u.Code == "440700" || u.Code == "CZ440700");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindUnit_OtherCounty_IsNotFound(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("pj.perf");
        var list = scope.ServiceProvider.GetRequiredService<ListUnits>();
        (await list.FindAsync("440704")).ShouldBeNull();
        (await list.FindAsync("440703")).ShouldNotBeNull().Name.ShouldBe("蓬江区司法局");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CityUser_SeesCitySubtreeButNotFinanceBureau(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jx.perf");
        var units = await scope.ServiceProvider.GetRequiredService<ListUnits>().VisibleUnitsAsync();
        units.Select(u => u.Code).ShouldContain("440704");
        units.Select(u => u.Code).ShouldContain("440700-03");
        units.ShouldNotContain(u => u.Code == "CZ440700");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinanceReviewer_ReadsEveryUnit(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("cz.review");
        var units = await scope.ServiceProvider.GetRequiredService<ListUnits>().VisibleUnitsAsync();
        units.Select(u => u.Code).ShouldContain("440785");
        units.Select(u => u.Code).ShouldContain("440700");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_CountyUserChangingOtherCountysRecord_IsRefusedAndNothingChanges(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("pj.perf"))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContextAsync();
            // Even a handler that bypassed the read filter cannot write outside the scope.
            var other = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Code == "440704");
            other.Rename("被篡改的名称", "篡改", other.Level, other.Kind, other.SortOrder);
            await Should.ThrowAsync<ForbiddenException>(() => db.SaveChangesAsync());
        }

        await using (var scope = await app.As("pj.perf"))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContextAsync();
            var parent = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Code == "440704");
            db.Units.Add(new Unit("440704-99", "越权新增", "越权", UnitLevel.Township, UnitKind.Other, parent.Id));
            await Should.ThrowAsync<ForbiddenException>(() => db.SaveChangesAsync());
        }

        await using var check = app.Db();
        (await check.Units.SingleAsync(u => u.Code == "440704")).Name.ShouldBe("江海区司法局");
        (await check.Units.AnyAsync(u => u.Code == "440704-99")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_CountyUserInsideOwnSubtree_IsAllowed(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("pj.perf"))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContextAsync();
            var own = await db.Units.SingleAsync(u => u.Code == "440703");
            db.Units.Add(new Unit("440703-01", "蓬江区司法局办公室", "办公室", UnitLevel.County, UnitKind.Office, own.Id));
            await db.SaveChangesAsync();
        }

        await using var check = app.Db();
        (await check.Units.AnyAsync(u => u.Code == "440703-01")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnitAdministration_ByCountyOfficer_IsForbidden(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("pj.perf");
        await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<ListUnits>().HandleAsync());
        await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SaveUnit>()
            .HandleAsync(new SaveUnit.Command(null, "440703-02", "新科室", null, UnitLevel.County, UnitKind.Office, "440703")));
    }
}
