using System.Security.Cryptography;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Users;

/// <summary>
/// Creates a user in a unit with one or more roles. Without a password a strong one is generated and
/// returned once; either way the user must change it at first sign-in.
/// </summary>
public sealed class AddUser(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IDbContextFactory<JixiaoDbContext> dbFactory,
    CurrentUser user, TimeProvider clock)
{
    public sealed record Command(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string? Password = null, string? Phone = null, bool MustChangePassword = true);

    public sealed record Result(string UserId, string Password, bool PasswordGenerated);

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        user.Require(Area.Administration, write: true);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(command.UserName))
        {
            problems.Add(new(nameof(command.UserName), "用户名不能为空。"));
        }

        if (string.IsNullOrWhiteSpace(command.DisplayName))
        {
            problems.Add(new(nameof(command.DisplayName), "姓名不能为空。"));
        }

        if (command.Roles is not { Count: > 0 })
        {
            problems.Add(new(nameof(command.Roles), "至少选择一个角色。"));
        }
        else
        {
            problems.AddRange(command.Roles.Where(r => Domain.Organization.Roles.Find(r) is null)
                .Select(r => new ValidationProblem(nameof(command.Roles), $"角色“{r}”不存在。可用角色：{string.Join("、", Domain.Organization.Roles.All.Select(x => $"{x.Name}（{x.DisplayName}）"))}。")));
        }

        if (command.Phone is { Length: > 0 } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            problems.Add(new(nameof(command.Phone), "电话号码只能包含数字、空格、“-”和“+”，最长 20 位。"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = string.IsNullOrWhiteSpace(command.UnitCode)
            ? null
            : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == command.UnitCode.Trim(), cancellationToken);
        if (unit is null)
        {
            problems.Add(new(nameof(command.UnitCode), string.IsNullOrWhiteSpace(command.UnitCode) ? "请选择所属单位。" : $"单位“{command.UnitCode}”不存在或不在您的数据范围内。"));
        }
        else if (!unit.IsActive)
        {
            problems.Add(new(nameof(command.UnitCode), $"单位“{unit.Name}”已撤销，不能新增用户。"));
        }

        ValidationException.ThrowIfAny(problems);

        var generated = string.IsNullOrEmpty(command.Password);
        var password = generated ? PasswordGenerator.Generate() : command.Password!;
        var account = new AppUser
        {
            UserName = command.UserName.Trim(),
            DisplayName = command.DisplayName.Trim(),
            UnitId = unit!.Id,
            PhoneNumber = string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = command.MustChangePassword,
            LockoutEnabled = true,
        };
        IdentityCheck.ThrowIfFailed(await users.CreateAsync(account, password), nameof(command.Password));
        foreach (var role in command.Roles.Select(r => Domain.Organization.Roles.Get(r).Name).Distinct())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                IdentityCheck.ThrowIfFailed(await roles.CreateAsync(new IdentityRole(role)), nameof(command.Roles));
            }

            IdentityCheck.ThrowIfFailed(await users.AddToRoleAsync(account, role), nameof(command.Roles));
        }

        return new Result(account.Id, password, generated);
    }
}

internal static class IdentityCheck
{
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException([.. result.Errors.Select(e => new ValidationProblem(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : field,
                e.Description))]);
        }
    }
}

/// <summary>Strong one-time passwords for new users and resets: 14 characters of every required class.</summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate(int length = 14)
    {
        var all = Upper + Lower + Digits;
        var chars = new char[length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
