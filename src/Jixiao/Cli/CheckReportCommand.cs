using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.Reports;

namespace Jixiao.Cli;

internal static class CheckReportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "报告文件（.docx 或 .txt）(report file)" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出 {\"findings\": [...]} (print JSON)" };
        var points = new Option<decimal>("--execution-points") { Description = "预算执行率分值，默认 10 (execution points)", DefaultValueFactory = _ => 10m };
        var command = new Command("check-report", "核对报告中的数字：合计与分项、比率与分子分母、占比、自评得分与执行率。Check the figures of a report; exits 0 whether or not it finds slips.")
        {
            file, json, points,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new Domain.DomainException($"文件不存在：{info.FullName}");
            }

            using var stream = info.OpenRead();
            var findings = new CheckReport().CheckFile(info.Name, stream, parse.GetValue(points));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { findings }, Json));
                return Task.FromResult(CommandLine.Ok);
            }

            if (findings.Count == 0)
            {
                Console.WriteLine("未发现数字不一致。");
            }

            foreach (var f in findings)
            {
                Console.WriteLine($"第 {f.Line} 行 [{f.Rule}] {f.Explanation}");
                Console.WriteLine($"  原文：{f.Sentence}");
                Console.WriteLine($"  所述：{f.Stated}；应为：{f.Expected}");
            }

            Console.WriteLine($"共 {findings.Count} 处。");
            return Task.FromResult(CommandLine.Ok);
        });
        return command;
    }
}
