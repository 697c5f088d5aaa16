using System.CommandLine;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Reconsideration;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class NoticeCommand
{
    public static Command Create()
    {
        var number = new Option<string>("--case") { Description = "案号，例如 江府复〔2023〕1号 (case number)", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = "文书：" + string.Join("、", Notices.All.Select(k => $"{Notices.Key(k)}（{Notices.Title(k)}）")),
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. Notices.All.Select(Notices.Key)]);
        var output = new Option<FileInfo>("--out") { Description = "输出的 .docx 文件 (output file)", Required = true };
        var command = new Command("notice", "按模板生成行政复议案件的文书（受理通知书、补正通知书等），期限按期限规则计算。Write a notice of a reconsideration case from its template.")
        {
            number, kind, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var file = await scope.ServiceProvider.GetRequiredService<GenerateNotice>().HandleAsync(
                parse.GetValue(number)!, Notices.Parse(parse.GetValue(kind)!), cancellationToken);
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            Console.WriteLine($"已生成 {path}（{file.FileName}，{file.Content.Length:N0} 字节）。");
            return CommandLine.Ok;
        });
        return command;
    }
}
