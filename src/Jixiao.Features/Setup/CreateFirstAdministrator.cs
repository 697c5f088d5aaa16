using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Setup;

/// <summary>
/// First run of a new install: creates the top unit and the first system administrator. Works only
/// while no administrator exists, so the page that calls it closes itself once used.
/// </summary>
public sealed class CreateFirstAdministrator(UserManager<AppUser> users, RoleManager<IdentityRole> roles, DatabaseSettings settings, UnitDirectory directory, TimeProvider clock)
{
    public sealed record Command(string UnitCode, string UnitName, string UserName, string DisplayName, string Password);

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0;

    public async Task HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await IsNeededAsync(cancellationToken))
        {
            throw new DomainException("系统已有管理员，初始化页面已关闭。请使用管理员账号登录。");
        }

        var system = CurrentUser.System("系统初始化");
        var dbFactory = new JixiaoDbContextFactory(settings, system);
        await using var db = dbFactory.CreateSystemContext();
        var code = command.UnitCode?.Trim() ?? string.Empty;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null)
        {
            unit = new Unit(code, command.UnitName, command.UnitName, UnitLevel.City, UnitKind.Bureau, null);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            directory.Invalidate();
        }

        var add = new AddUser(users, roles, dbFactory, system, clock);
        await add.HandleAsync(new AddUser.Command(command.UserName, command.DisplayName, unit.Code, [Roles.Administrator], command.Password, MustChangePassword: false), cancellationToken);
    }
}
