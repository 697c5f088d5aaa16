using System.CommandLine;
using System.Text.Json;
using Jixiao.Features.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class EvaluationCommand
{
    private static readonly JsonSerializerOptions Json = new(ScoringProfileStore.Json) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var evaluation = new Command("evaluation", "项目绩效自评：评分、导出自评表和报告。Score a project's self-evaluation and export its documents.");
        evaluation.Subcommands.Add(Score());
        evaluation.Subcommands.Add(Export());
        return evaluation;
    }

    internal static readonly Option<string> Project = new("--project") { Description = "项目编码，例如 2023-SFJ-01 (project code)", Required = true };
    internal static readonly Option<int> Year = new("--year") { Description = "年度 (year)", Required = true };

    private static Command Export()
    {
        var what = new Option<OutputKind>("--what") { Description = "table（自评表）或 report（自评报告）", Required = true };
        var format = new Option<OutputFormat>("--format") { Description = "xlsx、docx 或 pdf（pdf 需要 LibreOffice）", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "输出文件 (output file)", Required = true };
        var export = new Command("export", "导出项目支出绩效自评表或自评报告。Export the score table or the report.") { Project, Year, what, format, output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var file = await scope.ServiceProvider.GetRequiredService<EvaluationOutputs>().HandleAsync(
                parse.GetValue(Project)!, parse.GetValue(Year), parse.GetValue(what), parse.GetValue(format), cancellationToken);
            var path = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            Console.WriteLine($"已导出 {path}（{file.Content.Length:N0} 字节）。");
            return CommandLine.Ok;
        });
        return export;
    }

    private static Command Score()
    {
        var profile = new Option<string?>("--profile") { Description = "评分方案代码，默认用自评所选方案，例如 national-2020 (scoring profile)" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出 (print JSON)" };
        var score = new Command("score", "计算并打印项目自评得分及每项得分说明。Print the scored evaluation.") { Project, Year, profile, json };
        score.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var result = await scope.ServiceProvider.GetRequiredService<ScoreEvaluation>().HandleAsync(
                parse.GetValue(Project)!, parse.GetValue(Year), parse.GetValue(profile), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
                return CommandLine.Ok;
            }

            Console.WriteLine($"{result.Year}年度 {result.Project} {result.Name}（{result.Unit}）");
            Console.WriteLine($"评分方案：{result.Profile} 第 {result.ProfileVersion} 版");
            Console.WriteLine($"年初预算 {result.Budget.InitialBudget:N2} 元，全年预算 {result.Budget.FullYearBudget:N2} 元，全年执行 {result.Budget.Executed:N2} 元");
            Console.WriteLine($"预算执行率 {result.Budget.ExecutionRate:0.00}%（对年初预算 {result.Budget.ExecutionRateAgainstInitial:0.00}%）");
            Console.WriteLine($"预算执行得分 {result.ExecutionScore:0.00}/{result.ExecutionPoints:0.##}：{result.ExecutionExplanation}");
            foreach (var i in result.Indicators)
            {
                Console.WriteLine($"  [{i.Level1}/{i.Level2}] {i.Name}：目标 {i.Target}，实际 {i.Actual ?? "—"}，得分 {i.Score:0.00}/{i.Points:0.##}  {i.Explanation}");
            }

            Console.WriteLine($"总分 {result.Total:0.00}，等级 {result.Grade}");
            foreach (var problem in result.Problems)
            {
                Console.WriteLine($"注意：{problem}");
            }

            return CommandLine.Ok;
        });
        return score;
    }
}
