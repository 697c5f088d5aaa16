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
        evaluation.Subcommands.Add(Batch());
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

    private static Command Batch()
    {
        var year = new Option<int>("--year") { Description = "年度 (year)", Required = true };
        var unit = new Option<string?>("--unit") { Description = "单位代码，含下级单位，例如 440700；不写为全部单位 (unit code, with its subtree)" };
        var wait = new Option<bool>("--wait") { Description = "在本进程中生成并显示进度，直到完成 (process here and wait, showing progress)" };
        var output = new Option<FileInfo?>("--out") { Description = "完成后把全部文件打包保存到此 zip（需 --wait）(save the zip)" };
        var batch = new Command("batch", "批量生成一个年度全部项目的自评表（xlsx）和自评报告（docx）。Enqueue (and with --wait run) the batch documents of a year.")
        {
            year, unit, wait, output,
        };
        batch.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var scope = host.CommandScope();
            var batches = scope.ServiceProvider.GetRequiredService<BatchDocuments>();
            var id = await batches.StartAsync(parse.GetValue(year), parse.GetValue(unit), cancellationToken);
            var row = await batches.GetAsync(id, cancellationToken);
            Console.WriteLine($"已创建批量任务 #{id}：{row.Title}，共 {row.Total} 个项目。");
            if (!parse.GetValue(wait))
            {
                Console.WriteLine("任务已排队，由运行中的 jixiao serve 节点在后台生成；进度见网页“绩效管理 → 批量生成”。");
                return CommandLine.Ok;
            }

            var worker = host.Services.GetRequiredService<Jixiao.Infrastructure.Jobs.JobWorker>();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = ShowProgressAsync(batches, id, done.Token);
            while (true)
            {
                await worker.RunUntilIdleAsync(id, cancellationToken);
                row = await batches.GetAsync(id, cancellationToken);
                if (row.Status != Jixiao.Infrastructure.Jobs.JobStatus.Running)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // items leased by another node
            }

            await done.CancelAsync();
            await progress;
            Console.WriteLine();
            Console.WriteLine($"完成：{row.Done}/{row.Total} 个项目，失败 {row.Failed} 个，用时 {row.Elapsed.TotalSeconds:0.0} 秒。");
            foreach (var failure in (await batches.FailuresAsync(id, cancellationToken)).Take(20))
            {
                Console.WriteLine($"  失败：{failure.Label}：{failure.Error}");
            }

            if (parse.GetValue(output) is { } file)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.FullName)!);
                await using (var stream = File.Create(file.FullName))
                {
                    await batches.WriteZipAsync(id, stream, cancellationToken);
                }

                Console.WriteLine($"已保存 {file.FullName}（{new FileInfo(file.FullName).Length:N0} 字节）。");
            }

            return row.Failed == 0 ? CommandLine.Ok : CommandLine.Failed;
        });
        return batch;
    }

    private static async Task ShowProgressAsync(BatchDocuments batches, int id, CancellationToken cancellationToken)
    {
        const int width = 30;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var row = await batches.GetAsync(id, cancellationToken);
                var filled = (int)Math.Round(row.Percent / 100 * width);
                var left = row.Remaining is { } r ? $"，预计剩余 {r.TotalSeconds:0} 秒" : string.Empty;
                Console.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {row.Finished}/{row.Total}，失败 {row.Failed}，用时 {row.Elapsed.TotalSeconds:0} 秒{left}   ");
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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
