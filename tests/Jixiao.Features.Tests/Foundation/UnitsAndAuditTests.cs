using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Features.Audit;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Organization;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Foundation;

public sealed class UnitsAndAuditTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoData_SeedsTheTreeAndIsRepeatable(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = app.AsSystem())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        await using var db = app.Db();
        var city = await db.Units.SingleAsync(u => u.Code == "440700");
        city.Name.ShouldBe("江门市司法局");
        var counties = await db.Units.Where(u => u.ParentId == city.Id && u.Level == UnitLevel.County && u.Kind == UnitKind.Bureau).Select(u => u.Code).ToListAsync();
        counties.Order().ShouldBe(["440703", "440704", "440705", "440781", "440783", "440784", "440785"]);
        (await db.Units.CountAsync(u => u.Code.StartsWith("440700-0"))).ShouldBe(7);
        (await db.Users.CountAsync(u => DemoData.Accounts.Select(a => a.UserName).Contains(u.UserName!))).ShouldBe(DemoData.Accounts.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveUnit_Rename_IsAuditedWithOldAndNewValues(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("admin"))
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveUnit>();
            var id = await save.HandleAsync(new SaveUnit.Command(null, "T-AUDIT", "审计测试单位", "测试", UnitLevel.County, UnitKind.Other, "440700"));
            await save.HandleAsync(new SaveUnit.Command(id, "T-AUDIT", "审计测试单位（更名）", "测试", UnitLevel.County, UnitKind.Other, "440700"));
        }

        await using var db = app.Db();
        var unitId = (await db.Units.SingleAsync(u => u.Code == "T-AUDIT")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityId == unitId).OrderBy(a => a.Id).ToListAsync();
        entries.Select(e => e.Action).ShouldBe([AuditAction.Insert, AuditAction.Update]);
        entries.ShouldAllBe(e => e.UserName == "admin" && e.UserDisplayName == "陈志明" && e.UnitName == "办公室" && e.IpAddress == "10.0.0.1" && e.EntityName == "单位");
        using var changes = JsonDocument.Parse(entries[1].Changes);
        changes.RootElement.GetProperty("单位名称").GetProperty("old").GetString().ShouldBe("审计测试单位");
        changes.RootElement.GetProperty("单位名称").GetProperty("new").GetString().ShouldBe("审计测试单位（更名）");
        changes.RootElement.TryGetProperty("单位代码", out _).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddUser_Audit_MasksPhoneAndNeverStoresPasswordHash(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("admin"))
        {
            await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command("audit.mask", "周丽", "440784", [Roles.Leader], "Valid1234", "13600001111"));
        }

        await using var db = app.Db();
        var userId = (await db.Users.SingleAsync(u => u.UserName == "audit.mask")).Id;
        var insert = await db.AuditEntries.SingleAsync(a => a.EntityType == "AppUser" && a.EntityId == userId && a.Action == AuditAction.Insert);
        insert.Changes.ShouldContain("136****1111");
        insert.Changes.ShouldNotContain("13600001111");
        insert.Changes.ShouldNotContain("AQAAAA");
        using var changes = JsonDocument.Parse(insert.Changes);
        changes.RootElement.GetProperty("密码").GetProperty("new").GetString().ShouldBe("（不记录）");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_CannotBeChangedOrDeleted(string provider)
    {
        var app = await apps.Get(provider);
        await using var db = app.Db();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var originalNote = entry.Note;
        entry.Note = "篡改";
        await Should.ThrowAsync<ForbiddenException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Below the product too: the database refuses it.
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Note\" = 'x'"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        await using var check = app.Db();
        (await check.AuditEntries.SingleAsync(a => a.Id == entry.Id)).Note.ShouldBe(originalNote);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveUnit_MoveUnderOwnDescendant_IsRefused(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        var save = scope.ServiceProvider.GetRequiredService<SaveUnit>();
        var parent = await save.HandleAsync(new SaveUnit.Command(null, "T-CYCLE-A", "循环测试甲", null, UnitLevel.County, UnitKind.Other, "440700"));
        await save.HandleAsync(new SaveUnit.Command(null, "T-CYCLE-B", "循环测试乙", null, UnitLevel.Township, UnitKind.Other, "T-CYCLE-A"));
        var ex = await Should.ThrowAsync<DomainException>(() => save.HandleAsync(new SaveUnit.Command(parent, "T-CYCLE-A", "循环测试甲", null, UnitLevel.County, UnitKind.Other, "T-CYCLE-B")));
        ex.Message.ShouldContain("循环");
        await using var db = app.Db();
        (await db.Units.SingleAsync(u => u.Code == "T-CYCLE-A")).ParentId.ShouldBe((await db.Units.SingleAsync(u => u.Code == "440700")).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchAudit_FiltersByUserAndEntity_AndExports(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        await scope.ServiceProvider.GetRequiredService<SaveUnit>().HandleAsync(new SaveUnit.Command(null, "T-SEARCH", "检索测试单位", null, UnitLevel.County, UnitKind.Other, "440700"));
        var search = scope.ServiceProvider.GetRequiredService<SearchAudit>();
        var page = await search.HandleAsync(new SearchAudit.Query(User: "admin", Entity: "单位", Text: "检索测试单位"), new PageRequest());
        page.Total.ShouldBe(1);
        page.Items.Single().ActionName.ShouldBe("新增");

        var xlsx = await search.ExportAsync(new SearchAudit.Query(Text: "检索测试单位"));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Single()["对象"].ShouldBe("单位");
        rows.Single()["姓名"].ShouldBe("陈志明");

        await using var leader = await app.As("jx.leader");
        await Should.ThrowAsync<ForbiddenException>(() => leader.ServiceProvider.GetRequiredService<SearchAudit>().HandleAsync(new SearchAudit.Query(), new PageRequest()));
    }
}
