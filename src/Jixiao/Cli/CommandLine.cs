using System.CommandLine;
using System.CommandLine.Invocation;
using Jixiao.Domain;
using Jixiao.Web;
using Microsoft.Extensions.Options;

namespace Jixiao.Cli;

/// <summary>
/// The <c>jixiao</c> command line. Exit codes: 0 done; 1 a validation or domain error (message on
/// stderr); 2 a usage error. With no command, or only options, it serves the web application.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static readonly Option<string> Data = new("--data")
    {
        Description = "数据目录：SQLite 数据库文件和上传文件所在的文件夹 (data folder)",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    public static readonly Option<string?> Urls = new("--urls")
    {
        Description = "监听地址，例如 http://127.0.0.1:5080 (addresses to listen on)",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = Build();
        var commandNames = root.Subcommands.Select(c => c.Name).ToHashSet();
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")))
        {
            args = ["serve", .. args];
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("用法错误。运行 jixiao --help 查看命令和选项。");
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Explain(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return Failed;
        }
    }

    /// <summary>The message for errors a user can cause; null for bugs, which keep their stack trace.</summary>
    private static string? Explain(Exception ex) => ex switch
    {
        ValidationException v => "输入有误：" + Environment.NewLine + string.Join(Environment.NewLine, v.Problems.Select(p => $"  {p.Message}")),
        DomainException d => d.Message,
        OptionsValidationException o => "配置有误：" + string.Join("；", o.Failures),
        System.Data.Common.DbException db => "数据库错误：" + db.Message,
        IOException io => "文件错误：" + io.Message,
        UnauthorizedAccessException ua => "没有权限访问文件：" + ua.Message,
        AggregateException { InnerExceptions.Count: 1 } a => Explain(a.InnerExceptions[0]),
        InvalidOperationException { InnerException: { } inner } => Explain(inner),
        _ => null,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("""
            绩效 Jixiao：预算绩效管理与行政复议、应诉等业务台账系统。
            Jixiao: budget-performance management and casework ledgers for government departments.
            不带命令运行时启动网站（同 serve）。 Without a command it serves the web application.
            """);
        root.Options.Add(Data);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DatabaseCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(EvaluationCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(CheckReportCommand.Create());
        root.Subcommands.Add(LedgerCommands.Import());
        root.Subcommands.Add(LedgerCommands.Export());
        root.Subcommands.Add(NoticeCommand.Create());
        return root;
    }
}
