using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jixiao.Features.Reconsideration;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

internal static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var stats = new Command("stats", "业务统计。Statistics of the casework registers.");
        stats.Subcommands.Add(Reconsideration());
        return stats;
    }

    private static Command Reconsideration()
    {
        var unit = new Option<string>("--unit") { Description = "单位编码，例如 440700 (unit code)", Required = true };
        var year = new Option<int>("--year") { Description = "年度 (year)", Required = true };
        var scope = new Option<string>("--scope")
        {
            Description = "self（本级）或 tree（含下级）",
            DefaultValueFactory = _ => "self",
        };
        scope.AcceptOnlyFromAmong("self", "tree");
        var json = new Option<bool>("--json") { Description = "以 JSON 输出 (print JSON)" };
        var command = new Command("reconsideration", "行政复议统计：新收、受理、审结、调撤率、直接调解率、纠错率、按期审结率及分类。Reconsideration figures of a unit and year.")
        {
            unit, year, scope, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var serviceScope = host.CommandScope();
            var result = await serviceScope.ServiceProvider.GetRequiredService<ReconsiderationStats>().HandleAsync(
                parse.GetValue(unit)!, parse.GetValue(year), parse.GetValue(scope) == "tree" ? StatisticsScope.Tree : StatisticsScope.Self, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    unit = result.UnitCode,
                    unitName = result.UnitName,
                    year = result.Year,
                    scope = result.Scope == StatisticsScope.Tree ? "tree" : "self",
                    received = result.Received,
                    accepted = result.Accepted,
                    closed = result.Closed,
                    closedExceptWithdrawn = result["closedExceptWithdrawn"].Count,
                    corrected = result.Corrected,
                    settledMediatedOrWithdrawn = result.SettledMediatedOrWithdrawn,
                    settledOrMediated = result.SettledOrMediated,
                    closedOnTime = result.ClosedOnTime,
                    enterpriseRelated = result.EnterpriseRelated,
                    settlementWithdrawalRate = TwoDecimals(result.SettlementWithdrawalRate),
                    directMediationRate = TwoDecimals(result.DirectMediationRate),
                    correctionRate = TwoDecimals(result.CorrectionRate),
                    onTimeRate = TwoDecimals(result.OnTimeRate),
                    figures = result.Figures.Select(f => new { key = f.Key, name = f.Name, count = f.Count, percent = TwoDecimals(f.Percent) }),
                }, Json));
                return CommandLine.Ok;
            }

            Console.WriteLine($"{result.UnitName}（{result.UnitCode}）{result.Year}年行政复议统计（{(result.Scope == StatisticsScope.Tree ? "含下级" : "本级")}）");
            foreach (var f in result.Figures)
            {
                Console.WriteLine($"  {f.Name,-12} {f.Count,6}{(f.Percent is { } p ? "  " + p.ToString("0.00", CultureInfo.InvariantCulture) + "%" : string.Empty)}");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>A rate with exactly two decimals in the JSON (100.00, not 100).</summary>
    private static decimal? TwoDecimals(decimal? rate) => rate is { } r ? decimal.Round(r, 2) + 0.00m : null;
}
