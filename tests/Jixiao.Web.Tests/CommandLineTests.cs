using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jixiao.Web.Tests;

/// <summary>The `jixiao` executable as an operator runs it: a separate process, exit codes, demo then serve.</summary>
public sealed class CommandLineTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "jixiao.dll");

    [Fact]
    public async Task Help_ExitsZero_AndNamesTheCommands()
    {
        var (code, output, _) = await RunAsync(["--help"]);
        code.ShouldBe(0);
        foreach (var command in new[] { "serve", "db", "demo", "user", "evaluation", "check-report", "notice" })
        {
            output.ShouldContain(command);
        }
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("user add --username x")]
    [InlineData("evaluation score --project P --year notayear")]
    [InlineData("notice --case 江府复〔2023〕1号 --kind letter --out x.docx")]
    public async Task UsageError_ExitsTwo(string args)
    {
        var (code, _, error) = await RunAsync(args.Split(' '));
        code.ShouldBe(2);
        error.ShouldContain("用法错误");
    }

    [Fact]
    public async Task DemoThenServe_AnswersHealthz_AndDomainErrorsExitOne()
    {
        var data = Path.Combine(Path.GetTempPath(), "jixiao-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (demo, demoOutput, _) = await RunAsync(["demo", "--data", data]);
            demo.ShouldBe(0);
            demoOutput.ShouldContain("jx.perf");

            var (bad, _, badError) = await RunAsync(["user", "add", "--username", "x.y", "--name", "某人", "--unit", "999999", "--role", "leader", "--data", data]);
            bad.ShouldBe(1);
            badError.ShouldContain("999999");

            var (score, scoreOutput, _) = await RunAsync(["evaluation", "score", "--project", "2023-SFJ-01", "--year", "2023", "--json", "--data", data]);
            score.ShouldBe(0);
            scoreOutput.ShouldContain("\"executionRateAgainstInitial\": 57.19");
            scoreOutput.ShouldContain("\"total\": 98");

            var zip = Path.Combine(data, "batch.zip");
            var (batch, batchOutput, _) = await RunAsync(["evaluation", "batch", "--year", "2023", "--unit", "440700", "--wait", "--out", zip, "--data", data]);
            batch.ShouldBe(0);
            batchOutput.ShouldContain("完成：2/2 个项目，失败 0 个");
            using (var archive = System.IO.Compression.ZipFile.OpenRead(zip))
            {
                archive.Entries.Select(e => e.FullName).ShouldContain("江门市司法局/2023-SFJ-02_2023年度全面依法治市工作经费_绩效自评报告.docx");
                archive.Entries.Count.ShouldBe(4);
            }

            var (stats, statsOutput, _) = await RunAsync(["stats", "reconsideration", "--unit", "440700", "--year", "2023", "--json", "--data", data]);
            stats.ShouldBe(0);
            statsOutput.ShouldContain("\"reconsideration.received\": 190");
            statsOutput.ShouldContain("\"reconsideration.accepted\": 135");
            statsOutput.ShouldContain("\"reconsideration.closed_except_withdrawn\": 128");
            statsOutput.ShouldContain("\"reconsideration.settlement_withdrawal_rate\": 34.81");
            statsOutput.ShouldContain("\"reconsideration.direct_mediation_rate\": 25.19");
            var (activities, activitiesOutput, _) = await RunAsync(["stats", "activities", "--unit", "440700", "--year", "2023", "--json", "--data", data]);
            activities.ShouldBe(0);
            activitiesOutput.ShouldContain("\"scope\": \"tree\"");
            activitiesOutput.ShouldContain("\"activities.kind.consultation\": 65");
            activitiesOutput.ShouldContain("\"activities.kind.open_day\": 4");
            var (noUnit, _, noUnitError) = await RunAsync(["stats", "reconsideration", "--unit", "999999", "--year", "2023", "--data", data]);
            noUnit.ShouldBe(1);
            noUnitError.ShouldContain("999999");

            var template = Path.Combine(data, "template.xlsx");
            (await RunAsync(["export", "reconsideration", "--template", "--out", template])).Code.ShouldBe(0);
            var (import, importOutput, _) = await RunAsync(["import", "reconsideration", template, "--data", data]);
            import.ShouldBe(0);
            importOutput.ShouldContain("已导入 1 条行政复议申请");
            var (unknown, _, unknownError) = await RunAsync(["import", "no-such-ledger", template, "--data", data]);
            unknown.ShouldBe(1);
            unknownError.ShouldContain("reconsideration");
            var (export, _, _) = await RunAsync(["export", "reconsideration", "--unit", "440700", "--year", "2023", "--out", Path.Combine(data, "out.xlsx"), "--data", data]);
            export.ShouldBe(0);
            // The 2023 city register of the demo (190) and the template's example application, dated 2023-03-15.
            var exported = MiniExcelLibs.MiniExcel.Query(Path.Combine(data, "out.xlsx"), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            exported.Count.ShouldBe(191);
            exported.ShouldContain(r => r.Values.Any(v => Equals(v, "4407**********1535")));
            exported.ShouldNotContain(r => r.Values.Any(v => Equals(v, "440703198506121535")));

            var notice = Path.Combine(data, "受理通知书.docx");
            var (accept, acceptOutput, _) = await RunAsync(["notice", "--case", "江府复〔2023〕1号", "--kind", "accept", "--out", notice, "--data", data]);
            accept.ShouldBe(0, acceptOutput);
            await using (var file = File.OpenRead(notice))
            {
                Jixiao.Infrastructure.Documents.DocxText.Extract(file).ShouldStartWith("江门市人民政府\n行政复议受理通知书\n江府复受〔2023〕1号");
            }

            var (refuse, _, refuseError) = await RunAsync(["notice", "--case", "江府复〔2023〕1号", "--kind", "refuse", "--out", notice, "--data", data]);
            refuse.ShouldBe(1);
            refuseError.ShouldContain("不能生成不予受理决定书");

            var port = FreePort();
            using var server = Start(["serve", "--data", data, "--urls", $"http://127.0.0.1:{port}"]);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                string? health = null;
                for (var i = 0; i < 60 && health is null; i++)
                {
                    try
                    {
                        health = await http.GetStringAsync("healthz");
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(500);
                    }
                }

                health.ShouldBe("Healthy");
                using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
                var page = await anonymous.GetAsync("performance/projects");
                page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                page.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task DemoScale_GeneratesOnce_AndTheProvinceHasFigures()
    {
        var data = Path.Combine(Path.GetTempPath(), "jixiao-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = await RunAsync(["demo", "--scale", "400", "--projects", "50", "--data", data]);
            code.ShouldBe(0, error);
            output.ShouldContain("ReconsiderationCases");
            output.ShouldContain("行/秒");

            var (again, againOutput, _) = await RunAsync(["demo", "--scale", "400", "--projects", "50", "--data", data]);
            again.ShouldBe(0);
            againOutput.ShouldContain("已存在");

            var (stats, statsOutput, _) = await RunAsync(["stats", "reconsideration", "--unit", "440000", "--year", "2025", "--scope", "tree", "--json", "--data", data]);
            stats.ShouldBe(0);
            statsOutput.ShouldContain("\"unitName\": \"广东省司法厅\"");
            statsOutput.ShouldMatch("\"reconsideration.received\": [1-9][0-9]*");

            var (seedYear, _, seedYearError) = await RunAsync(["demo", "--scale", "400", "--years", "2023-2024", "--data", data]);
            seedYear.ShouldBe(1);
            seedYearError.ShouldContain("2023");
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("Database__Provider");
        info.Environment.Remove("ConnectionStrings__Jixiao");
        info.Environment["Logging__Format"] = "text";
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
