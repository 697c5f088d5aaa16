using System.CommandLine;
using Jixiao.Domain.Organization;
using Jixiao.Features.Demo;
using Jixiao.Features.Demo.Scale;
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
        var scale = new Option<int?>("--scale")
        {
            Description = "另生成一个省的规模演示数据：N 件行政复议案件、N/2 件行政应诉案件和项目（广东省司法厅及 21 个市、122 个县区）。Also generate a province-wide data set of N reconsideration cases.",
        };
        var years = new Option<string>("--years") { Description = "规模数据的年度，例如 2024-2025（不能含 2022、2023）。Years of the generated data.", DefaultValueFactory = _ => "2024-2025" };
        var seed = new Option<int>("--seed") { Description = "随机种子，同一种子生成相同数据。Random seed.", DefaultValueFactory = _ => 1 };
        var projects = new Option<int>("--projects") { Description = "规模数据的项目数。Number of generated projects.", DefaultValueFactory = _ => ScaleRequest.DefaultProjects };
        demo.Options.Add(serve);
        demo.Options.Add(CommandLine.Urls);
        demo.Options.Add(scale);
        demo.Options.Add(years);
        demo.Options.Add(seed);
        demo.Options.Add(projects);
        demo.SetAction(async (parse, cancellationToken) =>
        {
            var data = parse.GetValue(CommandLine.Data)!;
            using (var host = HostFactory.Build(data))
            {
                await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                await using var scope = host.CommandScope();
                if (parse.GetValue(scale) is { } cases)
                {
                    var request = new ScaleRequest(cases, parse.GetValue(projects), ScaleRequest.ParseYears(parse.GetValue(years)!), parse.GetValue(seed));
                    await GenerateAsync(scope.ServiceProvider.GetRequiredService<ScaleDemo>(), request, cancellationToken);
                }
                else
                {
                    await scope.ServiceProvider.GetRequiredService<DemoSet>().SeedAsync(cancellationToken);
                }

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

    private static async Task GenerateAsync(ScaleDemo generator, ScaleRequest request, CancellationToken cancellationToken)
    {
        Console.WriteLine($"生成规模演示数据：行政复议案件 {request.Cases:N0} 件，行政应诉案件 {request.Cases / 2:N0} 件，项目 {request.Projects:N0} 个，年度 {string.Join("、", request.Years)}，随机种子 {request.Seed}。");
        var bar = new ProgressLine("写入");
        var result = await generator.RunAsync(request, new Progress(bar), cancellationToken);
        bar.Done();
        if (result.AlreadyExisted)
        {
            Console.WriteLine($"规模演示数据已存在（{request.Marker}），未重复生成。The data set exists already.");
        }

        foreach (var (table, rows) in result.RowsPerTable.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"  {table,-36} {rows,12:N0} 行");
        }

        if (!result.AlreadyExisted)
        {
            Console.WriteLine($"共 {result.Rows:N0} 行，用时 {result.Elapsed.TotalSeconds:N1} 秒，{result.RowsPerSecond:N0} 行/秒。Rows {result.Rows:N0}, {result.Elapsed.TotalSeconds:N1} s, {result.RowsPerSecond:N0} rows/s.");
        }
    }

    /// <summary>Passes the generator's progress to the console line (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Progress(ProgressLine line) : IProgress<ScaleProgress>
    {
        public void Report(ScaleProgress value) => line.Report((value.Rows, value.ExpectedRows, value.Elapsed));
    }
}
