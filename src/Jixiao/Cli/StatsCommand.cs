using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao stats &lt;area&gt; --unit CODE --year YYYY [--scope self|tree] [--json]</c>: every metric of an area
/// from the metrics catalogue, the same figures as the statistics pages.
/// </summary>
internal static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The areas with a stats subcommand, by command name.</summary>
    public static IReadOnlyList<(string Name, Area Area)> Areas { get; } =
    [
        .. Enum.GetValues<Area>().Where(a => a is not (Area.Administration or Area.Statistics)).Select(a => (CommandName(a), a)),
    ];

    public static Command Create()
    {
        var stats = new Command("stats", "业务统计：指标目录中一个领域的全部指标，与统计页面一致。Statistics of a register from the metrics catalogue.");
        foreach (var (name, area) in Areas)
        {
            stats.Subcommands.Add(ForArea(name, area));
        }

        return stats;
    }

    /// <summary>NormativeDocuments → normative-documents.</summary>
    public static string CommandName(Area area) =>
        string.Concat(area.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static Command ForArea(string name, Area area)
    {
        var unit = new Option<string>("--unit") { Description = "单位编码，例如 440700 (unit code)", Required = true };
        var year = new Option<int>("--year") { Description = "年度 (year)", Required = true };
        var scope = new Option<string?>("--scope")
        {
            Description = "self（本级）或 tree（含下级）；不写时用该领域的通常口径（行政应诉、工作台账为含下级，其余为本级）",
        };
        scope.AcceptOnlyFromAmong("self", "tree");
        var json = new Option<bool>("--json") { Description = "以 JSON 输出，比率为保留两位小数的百分数 (print JSON; rates as percentages with two decimals)" };
        var command = new Command(name, $"{Roles.AreaName(area)}统计（{name}）。Figures of the {name} register for a unit and year.")
        {
            unit, year, scope, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = HostFactory.Build(parse.GetValue(CommandLine.Data)!);
            await using var serviceScope = host.CommandScope();
            var catalogue = serviceScope.ServiceProvider.GetRequiredService<MetricCatalogue>();
            if (!catalogue.Areas.Contains(area))
            {
                throw new Domain.DomainException($"{Roles.AreaName(area)}尚无统计指标。");
            }

            var chosen = parse.GetValue(scope) switch
            {
                "tree" => MetricScope.Tree,
                "self" => MetricScope.Self,
                _ => catalogue.DefaultScope(area),
            };
            var set = (await catalogue.SummarizeAsync(area, parse.GetValue(unit)!, chosen, parse.GetValue(year), months: false,
                cancellationToken: cancellationToken)).Year;
            if (parse.GetValue(json))
            {
                Console.WriteLine(ToJson(name, set).ToJsonString(Json));
                return CommandLine.Ok;
            }

            Console.WriteLine($"{set.UnitName}（{set.UnitCode}）{set.Period.Label}{Roles.AreaName(area)}统计（{set.ScopeName}）");
            var width = set.Values.Max(v => v.Definition.Name.Length);
            foreach (var v in set.Values)
            {
                var ratio = v.Denominator is { } d ? $"  （{v.Numerator}/{d}）" : string.Empty;
                Console.WriteLine($"  {v.Definition.Name.PadRight(width, '　')}  {v.Display,10}{ratio}");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>{"area", "unit", "unitName", "year", "scope", "values": {key: value}, "metrics": [...]}</c>; counts are
    /// integers, rates percentages with exactly two decimals (34.81, 100.00), null without a denominator.
    /// </summary>
    public static JsonObject ToJson(string area, MetricSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var values = new JsonObject();
        var metrics = new JsonArray();
        foreach (var v in set.Values)
        {
            values[v.Key] = Number(v);
            metrics.Add(new JsonObject
            {
                ["key"] = v.Key,
                ["name"] = v.Definition.Name,
                ["unit"] = v.Definition.UnitLabel,
                ["value"] = Number(v),
                ["numerator"] = v.Numerator,
                ["denominator"] = v.Denominator,
                ["definition"] = v.Definition.Definition,
            });
        }

        return new JsonObject
        {
            ["area"] = area,
            ["unit"] = set.UnitCode,
            ["unitName"] = set.UnitName,
            ["year"] = set.Period.From.Year,
            ["scope"] = set.Scope == MetricScope.Tree ? "tree" : "self",
            ["values"] = values,
            ["metrics"] = metrics,
        };
    }

    private static JsonNode? Number(MetricValue v) => v.Value is not { } value
        ? null
        : v.Definition.Unit == MetricUnit.Percent
            ? JsonNode.Parse(value.ToString("0.00", CultureInfo.InvariantCulture))
            : JsonValue.Create((long)value);
}
