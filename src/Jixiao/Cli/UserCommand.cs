using System.CommandLine;
using Jixiao.Domain.Organization;
using Jixiao.Features.Common;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var user = new Command("user", "用户管理：新增、列出、停用、启用、重置密码。Manage users.");
        user.Subcommands.Add(Add());
        user.Subcommands.Add(List());
        user.Subcommands.Add(SetDisabled("disable", "停用用户（不能再登录）。Disable a user.", disabled: true));
        user.Subcommands.Add(SetDisabled("enable", "重新启用用户。Enable a user again.", disabled: false));
        user.Subcommands.Add(ResetPassword());
        return user;
    }

    private static readonly Argument<string> UserNameArgument = new("username") { Description = "用户名 (user name)" };

    private static Command Add()
    {
        var userName = new Option<string>("--username") { Description = "用户名（字母、数字、. _ - @）", Required = true };
        var name = new Option<string>("--name") { Description = "姓名 (real name)", Required = true };
        var unit = new Option<string>("--unit") { Description = "所属单位代码，例如 440700 (unit code)", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "角色，可重复：" + string.Join("、", Roles.All.Select(r => $"{r.Name}（{r.DisplayName}）")),
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var password = new Option<string?>("--password") { Description = "初始密码；省略时生成强密码并显示一次 (generated when omitted)" };
        var phone = new Option<string?>("--phone") { Description = "手机号 (phone)" };
        var add = new Command("add", "新增用户；首个系统管理员也用它创建。Add a user (also the first administrator).")
        {
            userName, name, unit, roles, password, phone,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = host.CommandScope();
            var result = await scope.ServiceProvider.GetRequiredService<AddUser>().HandleAsync(new AddUser.Command(
                parse.GetValue(userName)!, parse.GetValue(name)!, parse.GetValue(unit)!, parse.GetValue(roles)!,
                parse.GetValue(password), parse.GetValue(phone)), cancellationToken);
            Console.WriteLine($"已新增用户 {parse.GetValue(userName)}。");
            if (result.PasswordGenerated)
            {
                Console.WriteLine($"初始密码（只显示这一次，首次登录须修改）：{result.Password}");
            }

            return CommandLine.Ok;
        });
        return add;
    }

    private static Command List()
    {
        var unit = new Option<string?>("--unit") { Description = "只列出该单位的用户 (unit code)" };
        var list = new Command("list", "列出用户。List users.") { unit };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var page = await scope.ServiceProvider.GetRequiredService<ListUsers>().HandleAsync(
                new ListUsers.Query(UnitCode: parse.GetValue(unit)), new PageRequest(1, PageRequest.MaxPageSize, "Unit"), cancellationToken);
            Console.WriteLine($"{"用户名",-14}{"姓名",-8}{"单位",-20}{"角色",-20}状态");
            foreach (var u in page.Items)
            {
                Console.WriteLine($"{u.UserName,-16}{u.DisplayName,-8}{u.UnitName + "（" + u.UnitCode + "）",-20}{u.RoleNames,-20}{u.Status}");
            }

            Console.WriteLine($"共 {page.Total} 个用户。");
            return CommandLine.Ok;
        });
        return list;
    }

    private static Command SetDisabled(string verb, string description, bool disabled)
    {
        var command = new Command(verb, description) { UserNameArgument };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            await scope.ServiceProvider.GetRequiredService<ManageUser>().SetDisabledAsync(parse.GetValue(UserNameArgument)!, disabled, cancellationToken);
            Console.WriteLine(disabled ? $"已停用用户 {parse.GetValue(UserNameArgument)}。" : $"已启用用户 {parse.GetValue(UserNameArgument)}。");
            return CommandLine.Ok;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var password = new Option<string?>("--password") { Description = "新密码；省略时生成强密码并显示一次" };
        var command = new Command("reset-password", "重置用户密码并解除锁定；用户下次登录须修改密码。Reset a password.") { UserNameArgument, password };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var newPassword = await scope.ServiceProvider.GetRequiredService<ManageUser>().ResetPasswordAsync(parse.GetValue(UserNameArgument)!, parse.GetValue(password), cancellationToken);
            Console.WriteLine($"已重置用户 {parse.GetValue(UserNameArgument)} 的密码。");
            if (string.IsNullOrEmpty(parse.GetValue(password)))
            {
                Console.WriteLine($"新密码（只显示这一次）：{newPassword}");
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
