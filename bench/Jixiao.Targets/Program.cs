using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features;
using Jixiao.Features.Common;
using Jixiao.Features.Litigation;
using Jixiao.Features.Metrics;
using Jixiao.Features.Performance;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

// Issue 8's server-side targets, measured in-process on a database made by `jixiao demo --scale N`:
//   dotnet run -c Release --project bench/Jixiao.Targets -- --data DIR [--year 2025] [--runs 15]
// PostgreSQL: set Database__Provider=Postgres and ConnectionStrings__Jixiao as for `jixiao serve`.
// --province CODE names the root unit (default 440000); --statistics-only stops after the statistics rows;
// --registers-only measures the register pages and the documents only. Each figure is the median of --runs runs after two warm-up runs, each run in a fresh scope (like one request).
var options = Args.Parse(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Jixiao:DataDirectory"] = Path.GetFullPath(options.Data) });
builder.Logging.ClearProviders();
builder.AddInfrastructure().AddFeatures();
using var host = builder.Build();

// --as-leader: every measure runs as a leader of the province unit (the unit-scope filter applies to each query, as for
// a signed-in user); otherwise as the system, which reads every unit without the filter.
var snapshot = await host.Services.GetRequiredService<UnitDirectory>().GetAsync();
var provinceId = snapshot.Units.Values.FirstOrDefault(u => u.Code == options.Province)?.Id;

AsyncServiceScope Scope()
{
    var scope = host.Services.CreateAsyncScope();
    var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
    if (args.Contains("--as-leader") && provinceId is { } id)
    {
        user.SignIn("bench", "bench", "性能测试", id, options.Province, [Roles.Leader], snapshot.Tree, "127.0.0.1");
    }
    else
    {
        user.ActAsSystem("性能测试");
    }

    return scope;
}

async Task<double> Median(Func<IServiceProvider, Task> run)
{
    var times = new List<double>();
    for (var i = 0; i < options.Runs + 2; i++)
    {
        await using var scope = Scope();
        var watch = Stopwatch.StartNew();
        await run(scope.ServiceProvider);
        watch.Stop();
        if (i >= 2)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    return times[times.Count / 2];
}

int year = options.Year;
string provider;
string city, county;
int reconsiderationRows, litigationRows, yearRows, cityYearRows, projectId;
await using (var scope = Scope())
{
    await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContextAsync();
    provider = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? "PostgreSQL" : "SQLite";
    reconsiderationRows = await db.ReconsiderationCases.CountAsync();
    litigationRows = await db.LitigationCases.CountAsync();
    yearRows = await db.ReconsiderationCases.CountAsync(c => c.ReceivedOn.Year == year);
    var busiest = await db.ReconsiderationCases.Where(c => c.ReceivedOn.Year == year).GroupBy(c => c.UnitId)
        .Select(g => new { UnitId = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ToListAsync();
    var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id);
    var cityRow = busiest.First(b => units[b.UnitId].Level == UnitLevel.City);
    city = options.Unit ?? units[cityRow.UnitId].Code;
    cityYearRows = busiest.FirstOrDefault(b => units[b.UnitId].Code == city)?.Count ?? 0;
    var counties = busiest.Where(b => units[b.UnitId].Level == UnitLevel.County).ToList();
    county = units[counties[counties.Count / 2].UnitId].Code;
    projectId = await db.Projects.Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
}

Console.WriteLine($"# Jixiao targets — {provider}, {reconsiderationRows:N0} reconsideration cases, {litigationRows:N0} litigation cases");
Console.WriteLine($"year {year}: {yearRows:N0} reconsideration cases received; busiest city {city} ({cityYearRows:N0} received), median county {county}; median of {options.Runs} runs");
Console.WriteLine();
Console.WriteLine("| measure | median ms | target ms |");
Console.WriteLine("| --- | ---: | ---: |");
void Row(string name, double ms, double target) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:0.0} | {target:0} {(ms <= target ? "✓" : "✗")} |"));

async Task Statistics(IServiceProvider sp, string unit, MetricScope scope, Area? only = null)
{
    var catalogue = sp.GetRequiredService<MetricCatalogue>();
    foreach (var area in catalogue.Areas.Where(a => only is null || a == only))
    {
        await catalogue.SummarizeAsync(area, unit, scope, year, months: true);
    }
}

var results = new Dictionary<string, double>();
foreach (var (label, unit, scope, target) in args.Contains("--registers-only") ? [] : new[]
{
    ("unit-year (busiest city, 本级)", city, MetricScope.Self, 50d),
    ("unit-year (median county, 本级)", county, MetricScope.Self, 50d),
    ("city with its counties (含下级)", city, MetricScope.Tree, 1000d),
    ($"whole province ({options.Province} 含下级)", options.Province, MetricScope.Tree, 1000d),
})
{
    foreach (var area in new Area?[] { Area.Reconsideration, Area.Litigation, null })
    {
        var ms = await Median(sp => Statistics(sp, unit, scope, area));
        results[$"{label}|{area}"] = ms;
        Row($"statistics {(area is null ? "all areas" : area.ToString())}, year + 12 months: {label}", ms, target);
    }
}

if (args.Contains("--statistics-only"))
{
    return;
}

if (args.Contains("--areas"))
{
    await using var probe = Scope();
    foreach (var area in probe.ServiceProvider.GetRequiredService<MetricCatalogue>().Areas)
    {
        Row($"statistics {area}, year + 12 months: busiest city 本级", await Median(sp => Statistics(sp, city, MetricScope.Self, area)), 50);
        Row($"statistics {area}, year + 12 months: province 含下级", await Median(sp => Statistics(sp, options.Province, MetricScope.Tree, area)), 1000);
    }
}

// Not targets of the issue, measured so that nobody is surprised: the on-demand breakdowns and a drill-down's records.
foreach (var (label, unit, scope) in args.Contains("--registers-only") ? [] : new[] { ("busiest city", city, MetricScope.Self), ("province", options.Province, MetricScope.Tree) })
{
    Row($"breakdown of the year by respondent (行政复议按被申请人), {label} (no target)", await Median(async sp =>
    {
        var query = await sp.GetRequiredService<MetricCatalogue>().ResolveAsync(Area.Reconsideration, unit, scope, MetricPeriod.Year(year));
        await sp.GetRequiredService<ReconsiderationMetrics>().BreakdownAsync(query, "respondent", ["reconsideration.received", "reconsideration.corrected"], CancellationToken.None);
    }), 1000);
    Row($"breakdown of the year by defendant (行政应诉按被告), {label} (no target)", await Median(async sp =>
    {
        var query = await sp.GetRequiredService<MetricCatalogue>().ResolveAsync(Area.Litigation, unit, scope, MetricPeriod.Year(year));
        await sp.GetRequiredService<LitigationMetrics>().BreakdownAsync(query, "defendant", ["litigation.first_instance_concluded", "litigation.agency_changed_rate"], CancellationToken.None);
    }), 1000);
    Row($"drill-down: the records of 审结 for the year, {label} (no target)", await Median(sp =>
        sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("reconsideration.closed", unit, scope, MetricPeriod.Year(year))), 1000);
}

var cityFilter = new ListCases.Query(UnitCode: city, ReceivedFrom: new DateOnly(year, 1, 1), ReceivedTo: new DateOnly(year, 12, 31));
var lastPage = Math.Max(1, Math.Min(1000, cityYearRows / 20));
Row("register: city + year filter, by received date desc, page 1", await Median(sp => sp.GetRequiredService<ListCases>().HandleAsync(cityFilter, new PageRequest(1, 20, "ReceivedOn", true))), 50);
Row($"register: city + year filter, by received date desc, page {lastPage}", await Median(sp => sp.GetRequiredService<ListCases>().HandleAsync(cityFilter, new PageRequest(lastPage, 20, "ReceivedOn", true))), 50);
var provinceFilter = new ListCases.Query(ReceivedFrom: new DateOnly(year, 1, 1), ReceivedTo: new DateOnly(year, 12, 31), Matter: MatterCategory.AdministrativePenalty);
Row("register: province, year + matter filter, by case number, page 1", await Median(sp => sp.GetRequiredService<ListCases>().HandleAsync(provinceFilter, new PageRequest(1, 20, "CaseNumber", false))), 50);
Row("register: province, year + matter filter, by case number, page 1000", await Median(sp => sp.GetRequiredService<ListCases>().HandleAsync(provinceFilter, new PageRequest(1000, 20, "CaseNumber", false))), 50);
var litigationFilter = new ListLitigation.Query(UnitCode: city, FiledFrom: new DateOnly(year, 1, 1), FiledTo: new DateOnly(year, 12, 31));
Row("litigation register: city + year, page 1", await Median(sp => sp.GetRequiredService<ListLitigation>().HandleAsync(litigationFilter, new PageRequest(1, 20, "FiledOn", true))), 50);
Row("litigation register: city + year, page 500", await Median(sp => sp.GetRequiredService<ListLitigation>().HandleAsync(litigationFilter, new PageRequest(500, 20, "FiledOn", true))), 50);
Row("one project's score table (xlsx) and report (docx)", await Median(async sp =>
{
    var outputs = sp.GetRequiredService<EvaluationOutputs>();
    await outputs.HandleAsync(projectId, OutputKind.Table, OutputFormat.Xlsx);
    await outputs.HandleAsync(projectId, OutputKind.Report, OutputFormat.Docx);
}), 200);

// The floor: each figure by one hand-written SQL query on the same database, against the catalogue's evaluation of the
// whole area (every figure of it, year only). The values must agree.
Console.WriteLine();
Console.WriteLine("| figure (whole province, year) | value | floor SQL ms | catalogue ms (whole area) | ratio |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
await using (var scope = Scope())
{
    var sp = scope.ServiceProvider;
    var catalogue = sp.GetRequiredService<MetricCatalogue>();
    await using var db = await sp.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContextAsync();
    var units = string.Join(',', await db.Units.Select(u => u.Id).ToListAsync());
    var from = $"'{year}-01-01'";
    var to = $"'{year}-12-31'";
    static string In(IEnumerable<int> values) => string.Join(',', values);
    var outcomes = Enum.GetValues<ReconsiderationOutcome>();
    var closed = $"\"EndedBeforeAcceptanceAs\" IS NULL AND \"Outcome\" IS NOT NULL AND \"ClosedOn\" BETWEEN {from} AND {to}";
    var floors = new (string Key, string Sql)[]
    {
        ("reconsideration.received", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND \"ReceivedOn\" BETWEEN {from} AND {to}"),
        ("reconsideration.accepted", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND \"ReceivedOn\" BETWEEN {from} AND {to} AND \"EndedBeforeAcceptanceAs\" IS NULL"),
        ("reconsideration.closed", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND {closed}"),
        ("reconsideration.corrected", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND {closed} AND \"Outcome\" IN ({In(outcomes.Where(Outcomes.IsCorrection).Cast<int>())})"),
        ("reconsideration.settled_mediated_withdrawn", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND {closed} AND \"Outcome\" IN ({In(outcomes.Where(Outcomes.IsSettledMediatedOrWithdrawn).Cast<int>())})"),
        ("reconsideration.enterprise_related", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND \"ReceivedOn\" BETWEEN {from} AND {to} AND \"EnterpriseRelated\""),
        ("reconsideration.matter.administrative_penalty", $"SELECT COUNT(*) FROM \"ReconsiderationCases\" WHERE \"UnitId\" IN ({units}) AND \"ReceivedOn\" BETWEEN {from} AND {to} AND \"Matter\" = {(int)MatterCategory.AdministrativePenalty}"),
        ("litigation.filed", $"SELECT COUNT(*) FROM \"LitigationCases\" WHERE \"UnitId\" IN ({units}) AND \"FiledOn\" BETWEEN {from} AND {to}"),
        ("litigation.first_instance_concluded", $"SELECT COUNT(*) FROM \"LitigationCases\" WHERE \"UnitId\" IN ({units}) AND \"Instance\" = {(int)LitigationInstance.First} AND \"Outcome\" IS NOT NULL AND \"ConcludedOn\" BETWEEN {from} AND {to}"),
        ("litigation.carried_over", $"SELECT COUNT(*) FROM \"LitigationCases\" WHERE \"UnitId\" IN ({units}) AND \"Instance\" = {(int)LitigationInstance.First} AND \"Outcome\" IS NOT NULL AND \"ConcludedOn\" BETWEEN {from} AND {to} AND \"FiledOn\" < {from}"),
        ("litigation.outcome.agency_changed", $"SELECT COUNT(*) FROM \"LitigationCases\" WHERE \"UnitId\" IN ({units}) AND \"Instance\" = {(int)LitigationInstance.First} AND \"ConcludedOn\" BETWEEN {from} AND {to} AND \"Outcome\" IN ({In(Enum.GetValues<FirstInstanceOutcome>().Where(o => LitigationOutcomes.Group(o) == FirstInstanceGroup.AgencyChanged).Cast<int>())})"),
        ("litigation.hearings", $"SELECT COUNT(*) FROM \"LitigationHearings\" WHERE \"UnitId\" IN ({units}) AND \"HeldOn\" BETWEEN {from} AND {to}"),
        ("litigation.head_appearances", $"SELECT COUNT(*) FROM \"LitigationHearings\" WHERE \"UnitId\" IN ({units}) AND \"HeldOn\" BETWEEN {from} AND {to} AND \"HeadAppeared\""),
    };
    var whole = new Dictionary<Area, double>
    {
        [Area.Reconsideration] = await Median(async p => await p.GetRequiredService<MetricCatalogue>().SummarizeAsync(Area.Reconsideration, options.Province, MetricScope.Tree, year, months: false)),
        [Area.Litigation] = await Median(async p => await p.GetRequiredService<MetricCatalogue>().SummarizeAsync(Area.Litigation, options.Province, MetricScope.Tree, year, months: false)),
    };
    var summaries = new Dictionary<Area, MetricSet>
    {
        [Area.Reconsideration] = (await catalogue.SummarizeAsync(Area.Reconsideration, options.Province, MetricScope.Tree, year, months: false)).Year,
        [Area.Litigation] = (await catalogue.SummarizeAsync(Area.Litigation, options.Province, MetricScope.Tree, year, months: false)).Year,
    };
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    foreach (var (key, sql) in floors)
    {
        long value = 0;
        var floor = await Median(async _ =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            value = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        });
        var area = key.StartsWith("litigation", StringComparison.Ordinal) ? Area.Litigation : Area.Reconsideration;
        var ours = summaries[area][key].Value;
        var agree = ours == value ? string.Empty : $" ✗ catalogue says {ours}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {value}{agree} | {floor:0.0} | {whole[area]:0.0} | {whole[area] / floor:0.0} |"));
    }
}

internal sealed record Args(string Data, int Year, int Runs, string? Unit, string Province)
{
    public static Args Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Args(Get("--data") ?? "data", int.Parse(Get("--year") ?? "2025", CultureInfo.InvariantCulture),
            int.Parse(Get("--runs") ?? "15", CultureInfo.InvariantCulture), Get("--unit"), Get("--province") ?? "440000");
    }
}
