using Jixiao.Domain.Organization;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo data set: 江门市司法局 with its offices and seven county bureaus, the finance bureau,
/// and one account per role. Running it again refreshes the set (units renamed back, demo
/// accounts re-enabled with the demo password) without touching other data.
/// </summary>
public sealed class DemoData(IDbContextFactory<JixiaoDbContext> dbFactory, UserManager<AppUser> users, AddUser addUser, ManageUser manageUser, UnitDirectory directory)
{
    /// <summary>The one password of every demo account. Demo installs only; a real install has no default password.</summary>
    public const string DemoPassword = "Jixiao@2026";

    public const string CityBureau = "440700";

    public sealed record DemoUnit(string Code, string Name, string ShortName, UnitLevel Level, UnitKind Kind, string? Parent, int Sort);

    public sealed record DemoAccount(string UserName, string DisplayName, string UnitCode, string Role);

    public static readonly IReadOnlyList<DemoUnit> Units =
    [
        new(CityBureau, "江门市司法局", "市司法局", UnitLevel.City, UnitKind.Bureau, null, 1),
        new("440700-01", "办公室", "办公室", UnitLevel.City, UnitKind.Office, CityBureau, 1),
        new("440700-02", "立法科", "立法科", UnitLevel.City, UnitKind.Office, CityBureau, 2),
        new("440700-03", "行政复议与应诉科", "复议应诉科", UnitLevel.City, UnitKind.Office, CityBureau, 3),
        new("440700-04", "法治督察科", "督察科", UnitLevel.City, UnitKind.Office, CityBureau, 4),
        new("440700-05", "规范性文件审查科", "规范性文件科", UnitLevel.City, UnitKind.Office, CityBureau, 5),
        new("440700-06", "法律事务科", "法律事务科", UnitLevel.City, UnitKind.Office, CityBureau, 6),
        new("440700-07", "依法治市办秘书科", "依法治市秘书科", UnitLevel.City, UnitKind.Office, CityBureau, 7),
        new("440703", "蓬江区司法局", "蓬江区", UnitLevel.County, UnitKind.Bureau, CityBureau, 11),
        new("440704", "江海区司法局", "江海区", UnitLevel.County, UnitKind.Bureau, CityBureau, 12),
        new("440705", "新会区司法局", "新会区", UnitLevel.County, UnitKind.Bureau, CityBureau, 13),
        new("440781", "台山市司法局", "台山市", UnitLevel.County, UnitKind.Bureau, CityBureau, 14),
        new("440783", "开平市司法局", "开平市", UnitLevel.County, UnitKind.Bureau, CityBureau, 15),
        new("440784", "鹤山市司法局", "鹤山市", UnitLevel.County, UnitKind.Bureau, CityBureau, 16),
        new("440785", "恩平市司法局", "恩平市", UnitLevel.County, UnitKind.Bureau, CityBureau, 17),
        new("CZ440700", "江门市财政局", "市财政局", UnitLevel.City, UnitKind.FinanceBureau, null, 2),
    ];

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "陈志明", "440700-01", Roles.Administrator),
        new("jx.perf", "李晓燕", CityBureau, Roles.PerformanceOfficer),
        new("jx.review", "黄国强", CityBureau, Roles.Reviewer),
        new("cz.review", "梁淑仪", "CZ440700", Roles.FinanceReviewer),
        new("jx.case", "吴家豪", CityBureau, Roles.CaseHandler),
        new("jx.head", "谭伟文", CityBureau, Roles.ReconsiderationHead),
        new("jx.leader", "张建华", CityBureau, Roles.Leader),
        new("pj.perf", "区嘉欣", "440703", Roles.PerformanceOfficer),
        new("jh.case", "冯文杰", "440704", Roles.CaseHandler),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedUnitsAsync(cancellationToken);
        foreach (var account in Accounts)
        {
            var existing = await users.FindByNameAsync(account.UserName);
            if (existing is null)
            {
                await addUser.HandleAsync(new AddUser.Command(account.UserName, account.DisplayName, account.UnitCode, [account.Role], DemoPassword, MustChangePassword: false), cancellationToken);
                continue;
            }

            await manageUser.UpdateAsync(new ManageUser.Edit(account.UserName, account.DisplayName, account.UnitCode, [account.Role], existing.PhoneNumber), cancellationToken);
            if (existing.IsDisabled)
            {
                await manageUser.SetDisabledAsync(account.UserName, disabled: false, cancellationToken);
            }

            await manageUser.ResetPasswordAsync(account.UserName, DemoPassword, cancellationToken);
            var refreshed = await users.FindByNameAsync(account.UserName);
            refreshed!.MustChangePassword = false;
            await users.UpdateAsync(refreshed);
        }
    }

    private async Task SeedUnitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var d in Units)
        {
            int? parentId = d.Parent is null ? null : existing[d.Parent].Id;
            if (existing.TryGetValue(d.Code, out var unit))
            {
                unit.Rename(d.Name, d.ShortName, d.Level, d.Kind, d.Sort);
                unit.Activate();
                // A top-level demo unit keeps a superior added above it (the province of `jixiao demo --scale`).
                if (unit.ParentId != parentId && d.Parent is not null)
                {
                    unit.MoveTo(parentId, new UnitTree(existing.Values.Select(u => (u.Id, u.ParentId))));
                }
            }
            else
            {
                unit = new Unit(d.Code, d.Name, d.ShortName, d.Level, d.Kind, parentId, d.Sort);
                db.Units.Add(unit);
                await db.SaveChangesAsync(cancellationToken);
                existing[d.Code] = unit;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
    }
}
