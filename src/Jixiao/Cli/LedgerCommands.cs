using System.CommandLine;
using Jixiao.Features.Reconsideration;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

/// <summary><c>jixiao import LEDGER FILE</c> and <c>jixiao export LEDGER …</c>; ledgers are added here as they are built.</summary>
internal static class LedgerCommands
{
    public static Command Import()
    {
        var import = new Command("import", "从 Excel 导入台账（整批导入，有错误时一条也不导入）。Import a ledger from Excel, all rows or none.");
        var file = new Argument<FileInfo>("file") { Description = "Excel 文件（.xlsx），模板见 export --template" };
        var reconsideration = new Command("reconsideration", "导入行政复议申请。Import reconsideration applications.") { file };
        reconsideration.SetAction(async (parse, cancellationToken) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new Domain.DomainException($"文件不存在：{info.FullName}");
            }

            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            await using var stream = info.OpenRead();
            var numbers = await scope.ServiceProvider.GetRequiredService<ImportCases>().HandleAsync(stream, info.Length, cancellationToken);
            Console.WriteLine($"已导入 {numbers.Count} 件申请：{string.Join("、", numbers.Take(10))}{(numbers.Count > 10 ? "……" : string.Empty)}");
            return CommandLine.Ok;
        });
        import.Subcommands.Add(reconsideration);
        return import;
    }

    public static Command Export()
    {
        var export = new Command("export", "把台账导出为 Excel（个人信息已脱敏）。Export a ledger to Excel.");
        var unit = new Option<string?>("--unit") { Description = "单位代码，例如 440700" };
        var year = new Option<int?>("--year") { Description = "收件年度" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var template = new Option<bool>("--template") { Description = "只导出空白导入模板" };
        var reconsideration = new Command("reconsideration", "导出行政复议台账。Export the reconsideration register.") { unit, year, output, template };
        reconsideration.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!.FullName;
            byte[] bytes;
            if (parse.GetValue(template))
            {
                bytes = ImportCases.Spec.Template();
            }
            else
            {
                using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
                await using var scope = host.CommandScope();
                var y = parse.GetValue(year);
                bytes = await scope.ServiceProvider.GetRequiredService<ListCases>().ExportAsync(new ListCases.Query(
                    UnitCode: parse.GetValue(unit),
                    ReceivedFrom: y is { } from ? new DateOnly(from, 1, 1) : null,
                    ReceivedTo: y is { } to ? new DateOnly(to, 12, 31) : null), cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            Console.WriteLine($"已导出 {path}（{bytes.Length:N0} 字节）。");
            return CommandLine.Ok;
        });
        export.Subcommands.Add(reconsideration);
        return export;
    }
}
