using System.CommandLine;
using Jixiao.Features.Ledgers;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao import LEDGER FILE</c> and <c>jixiao export LEDGER …</c> for every registered <see cref="ILedger"/>
/// (reconsideration, litigation, …); an unknown name is refused with the list of names.
/// </summary>
internal static class LedgerCommands
{
    public static Command Import()
    {
        var ledger = new Argument<string>("ledger") { Description = "台账名称，例如 reconsideration (ledger name)" };
        var file = new Argument<FileInfo>("file") { Description = "Excel 文件（.xlsx），模板见 export LEDGER --template" };
        var import = new Command("import", "从 Excel 导入台账（整批导入，有错误时一条也不导入）。Import a ledger from Excel, all rows or none.") { ledger, file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new Domain.DomainException($"文件不存在：{info.FullName}");
            }

            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var target = scope.ServiceProvider.GetRequiredService<Ledgers>().Get(parse.GetValue(ledger)!);
            await using var stream = info.OpenRead();
            var count = await target.ImportAsync(stream, info.Length, cancellationToken);
            Console.WriteLine($"已导入 {count} 条{target.Title}。");
            return CommandLine.Ok;
        });
        return import;
    }

    public static Command Export()
    {
        var ledger = new Argument<string>("ledger") { Description = "台账名称，例如 reconsideration (ledger name)" };
        var unit = new Option<string?>("--unit") { Description = "单位代码，例如 440700" };
        var year = new Option<int?>("--year") { Description = "年度" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件", Required = true };
        var template = new Option<bool>("--template") { Description = "只导出空白导入模板" };
        var export = new Command("export", "把台账导出为 Excel（个人信息已脱敏）。Export a ledger to Excel.") { ledger, unit, year, output, template };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(output)!.FullName;
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var target = scope.ServiceProvider.GetRequiredService<Ledgers>().Get(parse.GetValue(ledger)!);
            var bytes = parse.GetValue(template)
                ? target.Template()
                : await target.ExportAsync(parse.GetValue(unit), parse.GetValue(year), cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            Console.WriteLine($"已导出 {path}（{bytes.Length:N0} 字节）。");
            return CommandLine.Ok;
        });
        return export;
    }
}
