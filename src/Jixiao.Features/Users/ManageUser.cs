using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Users;

/// <summary>
/// An administrator's changes to an existing user: disable or enable, reset the password, change
/// name, unit and roles. Disabling and resetting renew the security stamp, which ends the user's
/// open sessions within a minute.
/// </summary>
public sealed class ManageUser(UserManager<AppUser> users, IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, RoleManager<IdentityRole> roles)
{
    public async Task SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(userName, cancellationToken);
        if (disabled && string.Equals(account.Id, user.UserId, StringComparison.Ordinal))
        {
            throw new DomainException("不能停用自己的账号。");
        }

        if (disabled && await users.IsInRoleAsync(account, Roles.Administrator) && !account.IsDisabled)
        {
            var activeAdmins = (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(u => !u.IsDisabled);
            if (activeAdmins <= 1)
            {
                throw new DomainException("这是最后一个可用的系统管理员账号，不能停用。");
            }
        }

        account.IsDisabled = disabled;
        if (!disabled)
        {
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
        }

        IdentityCheck.ThrowIfFailed(await users.UpdateAsync(account), "UserName");
        IdentityCheck.ThrowIfFailed(await users.UpdateSecurityStampAsync(account), "UserName");
    }

    /// <returns>The new password (generated when none is given), to hand to the user once.</returns>
    public async Task<string> ResetPasswordAsync(string userName, string? newPassword, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(userName, cancellationToken);
        var password = string.IsNullOrEmpty(newPassword) ? PasswordGenerator.Generate() : newPassword;
        var token = await users.GeneratePasswordResetTokenAsync(account);
        IdentityCheck.ThrowIfFailed(await users.ResetPasswordAsync(account, token, password), "Password");
        account = await FindAsync(userName, cancellationToken);
        account.MustChangePassword = true;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        IdentityCheck.ThrowIfFailed(await users.UpdateAsync(account), "Password");
        return password;
    }

    public sealed record Edit(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string? Phone);

    public async Task UpdateAsync(Edit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var account = await FindAsync(edit.UserName, cancellationToken);
        if (string.IsNullOrWhiteSpace(edit.DisplayName))
        {
            throw new ValidationException([new(nameof(edit.DisplayName), "姓名不能为空。")]);
        }

        if (edit.Roles is not { Count: > 0 })
        {
            throw new ValidationException([new(nameof(edit.Roles), "至少选择一个角色。")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == edit.UnitCode, cancellationToken)
            ?? throw new ValidationException([new(nameof(edit.UnitCode), $"单位“{edit.UnitCode}”不存在或不在您的数据范围内。")]);
        account.DisplayName = edit.DisplayName.Trim();
        account.UnitId = unit.Id;
        if (edit.Phone is not null)
        {
            // Lists show phones masked, so an edit leaves the phone alone unless a new one is typed.
            account.PhoneNumber = edit.Phone.Trim().Length == 0 ? null : edit.Phone.Trim();
        }

        IdentityCheck.ThrowIfFailed(await users.UpdateAsync(account), "UserName");

        var wanted = edit.Roles.Select(r => Roles.Get(r).Name).ToHashSet();
        var current = (await users.GetRolesAsync(account)).ToHashSet();
        if (string.Equals(account.Id, user.UserId, StringComparison.Ordinal) && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            throw new DomainException("不能取消自己的系统管理员角色。");
        }

        foreach (var role in wanted.Except(current))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                IdentityCheck.ThrowIfFailed(await roles.CreateAsync(new IdentityRole(role)), nameof(edit.Roles));
            }
        }

        IdentityCheck.ThrowIfFailed(await users.AddToRolesAsync(account, wanted.Except(current)), nameof(edit.Roles));
        IdentityCheck.ThrowIfFailed(await users.RemoveFromRolesAsync(account, current.Except(wanted)), nameof(edit.Roles));
        IdentityCheck.ThrowIfFailed(await users.UpdateSecurityStampAsync(account), "UserName");
    }

    private async Task<AppUser> FindAsync(string userName, CancellationToken cancellationToken)
    {
        user.Require(Area.Administration, write: true);
        var account = await users.FindByNameAsync(userName.Trim())
            ?? throw new NotFoundException($"用户“{userName}”不存在。");
        if (!user.Sees(account.UnitId))
        {
            throw new NotFoundException($"用户“{userName}”不存在。");
        }

        _ = cancellationToken;
        return account;
    }
}
