using System.CommandLine;
using Jixiao.Domain.Organization;
using Jixiao.Features.Demo;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var serve = new Option<bool>("--serve") { Description = "建好演示数据后立即启动网站。Serve the product right after seeding." };
        var demo = new Command("demo", "在数据目录中创建或刷新演示数据，并列出演示账号。Create or refresh the demo data set and print the demo accounts.");
        demo.Options.Add(serve);
        demo.Options.Add(CommandLine.Urls);
        demo.SetAction(async (parse, cancellationToken) =>
        {
            var data = parse.GetValue(CommandLine.Data)!;
            using (var host = HostFactory.Build(data))
            {
                await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                await using var scope = host.CommandScope();
                await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
                // The register first: the demo projects' indicators take their actuals from its figures.
                await scope.ServiceProvider.GetRequiredService<ReconsiderationDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<PerformanceDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<LitigationDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<RegistersDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<AssessmentDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<NormativeDocumentsDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<LegalAdviceDemo>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<LegislationDemo>().SeedAsync(cancellationToken);
                Console.WriteLine($"演示数据已就绪（数据目录 {Path.GetFullPath(data)}）。Demo data ready.");
                Console.WriteLine();
                Console.WriteLine($"演示账号（密码均为 {DemoData.DemoPassword}）Demo accounts, password {DemoData.DemoPassword}:");
                foreach (var a in DemoData.Accounts)
                {
                    var unit = DemoData.Units.First(u => u.Code == a.UnitCode);
                    Console.WriteLine($"  {a.UserName,-10} {a.DisplayName,-4}  {Roles.DisplayName(a.Role),-10} {unit.Name}（{unit.Code}）");
                }
            }

            if (!parse.GetValue(serve))
            {
                return CommandLine.Ok;
            }

            var urls = parse.GetValue(CommandLine.Urls) ?? "http://127.0.0.1:5080";
            var app = WebApp.Build(data, urls);
            await WebApp.PrepareAsync(app, cancellationToken);
            Console.WriteLine();
            Console.WriteLine($"请在浏览器中打开 {urls.Split(';')[0]} 并用上面的账号登录。Open {urls.Split(';')[0]} and sign in. Ctrl+C 停止 (stop).");
            await app.RunAsync(cancellationToken);
            return CommandLine.Ok;
        });
        return demo;
    }
}
