using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Foundation;

public sealed class UsersTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddUser_ByAdministrator_CreatesUserInUnitWithRole(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("admin"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(
                new AddUser.Command("xh.case", "刘晓华", "440705", [Roles.CaseHandler], Phone: "13812345678"));
            result.PasswordGenerated.ShouldBeTrue();
            result.Password.Length.ShouldBe(14);
        }

        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == "xh.case");
        user.DisplayName.ShouldBe("刘晓华");
        user.MustChangePassword.ShouldBeTrue();
        (await db.Units.SingleAsync(u => u.Id == user.UnitId)).Code.ShouldBe("440705");
        var roleIds = db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId);
        (await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync()).ShouldBe([Roles.CaseHandler]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddUser_WithBadInput_NamesEveryProblemAndStoresNothing(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        var add = scope.ServiceProvider.GetRequiredService<AddUser>();

        var ex = await Should.ThrowAsync<ValidationException>(() => add.HandleAsync(new AddUser.Command("", "", "999999", ["no-such-role"])));
        ex.Problems.Select(p => p.Field).ShouldBe(["UserName", "DisplayName", "Roles", "UnitCode"], ignoreOrder: true);
        ex.Problems.ShouldContain(p => p.Message.Contains("999999"));

        var weak = await Should.ThrowAsync<ValidationException>(() => add.HandleAsync(new AddUser.Command("weak.pw", "弱密码", "440703", [Roles.Leader], "abc")));
        weak.Problems.ShouldContain(p => p.Field == "Password" && p.Message.Contains("至少需要 8 个字符"));

        var duplicate = await Should.ThrowAsync<ValidationException>(() => add.HandleAsync(new AddUser.Command("jx.perf", "重名", "440703", [Roles.Leader], "Valid1234")));
        duplicate.Message.ShouldContain("已被使用");

        await using var db = app.Db();
        (await db.Users.AnyAsync(u => u.UserName == "weak.pw")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddUser_ByNonAdministrator_IsForbidden(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("pj.perf");
        await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<AddUser>()
            .HandleAsync(new AddUser.Command("sneaky", "越权", "440703", [Roles.Administrator], "Valid1234")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListUsers_FilterByUnitAndRole_ReturnsMatchingUsersPaged(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        var list = scope.ServiceProvider.GetRequiredService<ListUsers>();

        var city = await list.HandleAsync(new ListUsers.Query(UnitCode: "440700"), new PageRequest(1, 3, "UserName"));
        city.Total.ShouldBeGreaterThanOrEqualTo(5);
        city.Items.Count.ShouldBe(3);
        city.Items.Select(u => u.UserName).ShouldBe(city.Items.Select(u => u.UserName).Order(StringComparer.Ordinal));

        var finance = await list.HandleAsync(new ListUsers.Query(Role: Roles.FinanceReviewer), new PageRequest());
        finance.Items.ShouldContain(u => u.UserName == "cz.review" && u.UnitCode == "CZ440700");
        finance.Items.ShouldAllBe(u => u.Roles.Contains(Roles.FinanceReviewer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListUsers_Phone_IsMaskedInListAndExport(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command("phone.mask", "王芳", "440781", [Roles.Leader], "Valid1234", "13912345678"));
        var page = await scope.ServiceProvider.GetRequiredService<ListUsers>().HandleAsync(new ListUsers.Query(Text: "phone.mask"), new PageRequest());
        page.Items.Single().Phone.ShouldBe("139****5678");

        var xlsx = await scope.ServiceProvider.GetRequiredService<ListUsers>().ExportAsync(new ListUsers.Query(Text: "phone.mask"));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Single()["手机号"].ShouldBe("139****5678");
        rows.Single()["姓名"].ShouldBe("王芳");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManageUser_DisableAndReset_DisablesAndForcesPasswordChange(string provider)
    {
        var app = await apps.Get(provider);
        await using (var scope = await app.As("admin"))
        {
            await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command("to.disable", "赵敏", "440783", [Roles.Leader], "Valid1234", MustChangePassword: false));
            var manage = scope.ServiceProvider.GetRequiredService<ManageUser>();
            await manage.SetDisabledAsync("to.disable", disabled: true);
            var newPassword = await manage.ResetPasswordAsync("to.disable", null);
            newPassword.Length.ShouldBe(14);
        }

        await using var verify = app.AsSystem();
        var users = verify.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync("to.disable");
        user!.IsDisabled.ShouldBeTrue();
        user.MustChangePassword.ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "Valid1234")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManageUser_DisableSelfOrLastAdministrator_IsRefused(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("admin");
        var manage = scope.ServiceProvider.GetRequiredService<ManageUser>();
        (await Should.ThrowAsync<DomainException>(() => manage.SetDisabledAsync("admin", true))).Message.ShouldContain("不能停用自己");

        await using var system = app.AsSystem();
        (await Should.ThrowAsync<DomainException>(() => system.ServiceProvider.GetRequiredService<ManageUser>().SetDisabledAsync("admin", true)))
            .Message.ShouldContain("最后一个");
    }
}
