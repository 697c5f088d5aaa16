using System.CommandLine;
using Jixiao.Web;

namespace Jixiao.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", "启动网站（默认命令）。Serve the web application; applies pending migrations first unless Database:MigrateAtStartup=false.");
        serve.Options.Add(CommandLine.Urls);
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var app = WebApp.Build(parse.GetValue(CommandLine.Data)!, parse.GetValue(CommandLine.Urls));
            await WebApp.PrepareAsync(app, cancellationToken);
            await app.RunAsync(cancellationToken);
            return CommandLine.Ok;
        });
        return serve;
    }
}
