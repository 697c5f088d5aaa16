using Jixiao.Features;
using Jixiao.Infrastructure;
using Jixiao.Infrastructure.Scope;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jixiao.Cli;

/// <summary>Builds the host for commands other than <c>serve</c>: the same wiring as the web server, no HTTP.</summary>
internal static class HostFactory
{
    public static IHost Build(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        ApplyCommonConfiguration(builder.Configuration, dataDirectory);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((category, level) => level >= LogLevel.Warning
            && category?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) != true
            && category?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) != true);
        builder.AddInfrastructure().AddFeatures();
        return builder.Build();
    }

    /// <summary>The <c>--data</c> folder overrides configuration files and the environment.</summary>
    public static void ApplyCommonConfiguration(IConfigurationManager configuration, string dataDirectory) =>
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jixiao:DataDirectory"] = Path.GetFullPath(dataDirectory),
        });

    /// <summary>A scope whose user is the command line: every unit, every role, audited as "命令行".</summary>
    public static AsyncServiceScope CommandScope(this IHost host)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem("命令行");
        return scope;
    }
}
