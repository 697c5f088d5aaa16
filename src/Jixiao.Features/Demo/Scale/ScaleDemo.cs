using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Jixiao.Domain;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Reconsideration;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo.Scale;

/// <summary>What to generate: <see cref="Cases"/> reconsideration cases, half as many lawsuits, the projects, over the years.</summary>
public sealed record ScaleRequest(int Cases, int Projects, IReadOnlyList<int> Years, int Seed)
{
    public const int DefaultProjects = 10_000;

    /// <summary>The marker of the data set in the audit log: the same request finds it again.</summary>
    public string Marker => string.Create(CultureInfo.InvariantCulture, $"cases={Cases};projects={Projects};years={string.Join(",", Years)};seed={Seed}");

    /// <summary>Parses <c>2024-2025</c>, <c>2024,2025</c> or <c>2025</c>.</summary>
    public static IReadOnlyList<int> ParseYears(string text)
    {
        var t = text?.Trim() ?? string.Empty;
        try
        {
            if (t.Contains('-', StringComparison.Ordinal))
            {
                var parts = t.Split('-', 2);
                var (from, to) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                if (to < from || to - from > 20)
                {
                    throw new FormatException();
                }

                return [.. Enumerable.Range(from, to - from + 1)];
            }

            return [.. t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture)).Distinct().Order()];
        }
        catch (FormatException)
        {
            throw new DomainException($"--years“{text}”无效：应为年度或年度范围，例如 2024-2025 或 2024,2025。");
        }
        catch (OverflowException)
        {
            throw new DomainException($"--years“{text}”无效：应为年度或年度范围，例如 2024-2025 或 2024,2025。");
        }
    }
}

/// <summary>How far the generation is: rows written, the expected total, time so far.</summary>
public sealed record ScaleProgress(long Rows, long ExpectedRows, TimeSpan Elapsed);

/// <summary>The outcome: whether the data set was there already, the rows written per table, the time taken.</summary>
public sealed record ScaleResult(bool AlreadyExisted, IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Elapsed)
{
    public long Rows => RowsPerTable.Values.Sum();

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The scale data set (`jixiao demo --scale N`): the demo first (when the database has none), then 广东省司法厅 above
/// 江门 with the 21 cities and 122 counties of the province, N reconsideration cases and N/2 lawsuits spread over the
/// units by caseload and over the years, and the projects with budgets, targets and spending. Reproducible from the
/// seed. Written by <see cref="BulkInsert"/> in one transaction with one audit entry for the run, which also marks the
/// data set: running the same request again finds it and writes nothing.
/// </summary>
/// <remarks>The demo's seed years (2022, 2023), whose figures the report and the tests cite, are never generated.</remarks>
public sealed class ScaleDemo(IDbContextFactory<JixiaoDbContext> dbFactory, DemoSet demo, WorkdayCalendarProvider calendarProvider, TimeProvider clock,
    CurrentUser user, UnitDirectory directory)
{
    public const string MarkerType = "ScaleDemo";

    private const int BatchSize = 4_000;

    private static readonly int[] SeedYears = [2022, 2023];

    public async Task<ScaleResult> RunAsync(ScaleRequest request, IProgress<ScaleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        user.RequireRole(Roles.Administrator, Area.Administration, "生成规模演示数据");
        var calendar = calendarProvider.Calendar;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Validate(request, calendar, today);
        var end = new[] { new DateOnly(request.Years[^1], 12, 31), today.AddDays(-1) }.Min();
        var watch = Stopwatch.StartNew();

        await using (var check = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var markers = await check.AuditEntries.Where(a => a.EntityType == MarkerType).Select(a => a.EntityId).ToListAsync(cancellationToken);
            if (markers.Contains(request.Marker))
            {
                return new ScaleResult(true, await CountsAsync(check, cancellationToken), watch.Elapsed);
            }

            if (markers.Count > 0)
            {
                throw new DomainException($"数据库中已有另一组规模演示数据（{markers[0]}），不能再生成“{request.Marker}”；请换用新的数据目录或数据库。");
            }

            if (!await check.Projects.IgnoreQueryFilters().AnyAsync(p => p.Year == 2023 && p.Code == "2023-SFJ-01", cancellationToken))
            {
                await demo.SeedAsync(cancellationToken);
            }
        }

        watch.Restart();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ScaleResult result;
        await using (var bulk = await BulkInsert.BeginAsync(db, cancellationToken))
        {
            var units = await EnsureUnitsAsync(db, request.Seed, cancellationToken);
            var expected = (long)(request.Cases * 6.6) + (long)(request.Cases / 2 * 1.95) + (request.Projects * 19L);
            var existingCases = await db.ReconsiderationCases.IgnoreQueryFilters().Where(c => request.Years.Contains(c.ReceivedOn.Year)).Select(c => c.CaseNumber).ToListAsync(cancellationToken);
            var existingLawsuits = await db.LitigationCases.IgnoreQueryFilters().Where(c => request.Years.Contains(c.FiledOn.Year)).Select(c => c.Court + "|" + c.CaseNumber).ToListAsync(cancellationToken);
            var existingProjects = await db.Projects.IgnoreQueryFilters().Where(p => request.Years.Contains(p.Year)).Select(p => p.Year + "|" + p.Code).ToListAsync(cancellationToken);
            var channel = Channel.CreateBounded<Func<BulkInsert, Task>>(new BoundedChannelOptions(3) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var producer = Task.Run(
                async () =>
                {
                    try
                    {
                        await ProduceAsync(request, units, calendar, end, [.. existingCases], [.. existingLawsuits], [.. existingProjects], channel.Writer, stop.Token);
                        channel.Writer.Complete();
                    }
                    catch (Exception e)
                    {
                        channel.Writer.Complete(e);
                    }
                },
                stop.Token);
            try
            {
                await foreach (var write in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    await write(bulk);
                    progress?.Report(new ScaleProgress(bulk.Rows, Math.Max(expected, bulk.Rows), watch.Elapsed));
                }
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                await producer;
            }

            var rows = bulk.RowsPerTable;
            db.AuditEntries.Add(AuditEntry.Event(user, clock.GetUtcNow().UtcDateTime, AuditAction.Insert, MarkerType, "规模演示数据", request.Marker,
                $"生成规模演示数据：行政复议案件 {request.Cases} 件、行政应诉案件 {request.Cases / 2} 件、项目 {request.Projects} 个，年度 {string.Join("、", request.Years)}，随机种子 {request.Seed}，共 {rows.Values.Sum()} 行，用时 {watch.Elapsed.TotalSeconds:0.0} 秒。",
                JsonSerializer.Serialize(rows)));
            await db.SaveChangesAsync(cancellationToken);
            await bulk.CommitAsync(cancellationToken);
            result = new ScaleResult(false, rows, watch.Elapsed);
        }

        directory.Invalidate();
        return result;
    }

    private static void Validate(ScaleRequest request, Domain.Calendar.WorkdayCalendar calendar, DateOnly today)
    {
        if (request.Cases < 2 || request.Cases > 20_000_000)
        {
            throw new DomainException($"--scale {request.Cases} 无效：行政复议案件数应在 2 到 20000000 之间。");
        }

        if (request.Projects < 0 || request.Projects > 1_000_000)
        {
            throw new DomainException($"--projects {request.Projects} 无效：项目数应在 0 到 1000000 之间。");
        }

        if (request.Years.Count == 0)
        {
            throw new DomainException("--years 至少应有一个年度。");
        }

        if (request.Years.FirstOrDefault(SeedYears.Contains) is var seedYear and > 0)
        {
            throw new DomainException($"--years 不能包含 {seedYear} 年：2022、2023 年是演示种子数据的年度，其统计数字不能改变。");
        }

        foreach (var year in request.Years)
        {
            if (!calendar.Covers(new DateOnly(year, 1, 1)))
            {
                throw new DomainException($"--years 中的 {year} 年不在工作日历中，不能计算期限；请先在“工作日历”中导入该年度。");
            }

            if (new DateOnly(year, 1, 2) >= today)
            {
                throw new DomainException($"--years 中的 {year} 年尚未开始，不能生成该年度的案件。");
            }
        }
    }

    /// <summary>The province, the cities and counties: added where missing, 江门 moved under the province; all in the bulk transaction.</summary>
    private async Task<List<GeneratedUnit>> EnsureUnitsAsync(JixiaoDbContext db, int seed, CancellationToken cancellationToken)
    {
        var planned = ProvinceUnits.All();
        var existing = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var p in planned)
        {
            int? parentId = p.ParentCode is null ? null : existing[p.ParentCode].Id;
            if (existing.TryGetValue(p.Code, out var unit))
            {
                if (unit.ParentId is null && parentId is not null)
                {
                    unit.MoveTo(parentId, new UnitTree(existing.Values.Select(u => (u.Id, u.ParentId))));
                    await db.SaveChangesAsync(cancellationToken);
                }

                continue;
            }

            unit = new Unit(p.Code, p.Name, p.ShortName, p.Level, UnitKind.Bureau, parentId, p.Sort);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            existing[p.Code] = unit;
        }

        var random = new Random(seed);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GeneratedUnit>();
        foreach (var p in planned)
        {
            var unit = existing[p.Code];
            var prefix = CaseNumbers.Prefix(unit);
            for (var length = 2; !prefixes.Add(prefix); length++)
            {
                prefix = unit.Name[..Math.Min(length, unit.Name.Length)] + "府复";
            }

            var county = p.Level switch
            {
                UnitLevel.County => p.Code,
                UnitLevel.City => planned.FirstOrDefault(c => c.ParentCode == p.Code)?.Code ?? p.Code,
                _ => "440103",
            };
            result.Add(new GeneratedUnit
            {
                Id = unit.Id,
                Plan = p,
                CasePrefix = prefix,
                Handlers = [.. Enumerable.Range(1, p.Level == UnitLevel.County ? 2 + random.Next(3) : 4 + random.Next(5))
                    .Select(n => new CaseActor(0, CaseGenerator.PersonName(random), $"{p.Code}.h{n}"))],
                Head = new CaseActor(0, CaseGenerator.PersonName(random), $"{p.Code}.head"),
                Agencies = CaseGenerator.AgenciesOf(p, random),
                AreaCode = county,
            });
        }

        return result;
    }

    /// <summary>Builds the batches in the order they are written: reconsideration, litigation, projects; unit by unit, year by year.</summary>
    private static async Task ProduceAsync(ScaleRequest request, List<GeneratedUnit> units, Domain.Calendar.WorkdayCalendar calendar, DateOnly end,
        HashSet<string> usedCaseNumbers, HashSet<string> usedLawsuits, HashSet<string> usedProjects, ChannelWriter<Func<BulkInsert, Task>> writer, CancellationToken cancellationToken)
    {
        var random = new Random(request.Seed);
        var cases = new CaseGenerator(random, calendar, end);
        var weights = units.Select(u => u.Plan.Weight).ToList();
        var years = request.Years;

        var batch = new List<ReconsiderationCase>(BatchSize);
        foreach (var (unit, count, u) in units.Zip(Spread(request.Cases, weights), Enumerable.Range(0, units.Count)))
        {
            foreach (var (year, inYear) in years.Zip(ByYear(count, years.Count, u)))
            {
                var days = Enumerable.Range(0, inYear).Select(_ => cases.WorkingDayIn(year)).Order().ToList();
                var sequence = 0;
                foreach (var day in days)
                {
                    string number;
                    do
                    {
                        number = CaseNumbers.Format(unit.CasePrefix, year, ++sequence);
                    }
                    while (usedCaseNumbers.Contains(number));

                    batch.Add(cases.Reconsideration(unit, number, day));
                    if (batch.Count == BatchSize)
                    {
                        await writer.WriteAsync(Write(batch), cancellationToken);
                        batch = new List<ReconsiderationCase>(BatchSize);
                    }
                }
            }
        }

        await writer.WriteAsync(Write(batch), cancellationToken);

        var lawsuits = new List<LitigationCase>(BatchSize);
        var courtSequences = new Dictionary<(string Court, int Year), int>();
        string LawsuitNumber((string Name, string Code) court, int year)
        {
            string number;
            do
            {
                var next = courtSequences[(court.Name, year)] = courtSequences.GetValueOrDefault((court.Name, year)) + 1;
                number = $"（{year}）粤{court.Code}行初{next}号";
            }
            while (usedLawsuits.Contains(court.Name + "|" + number));

            return number;
        }

        foreach (var (unit, count, u) in units.Zip(Spread(request.Cases / 2, weights), Enumerable.Range(0, units.Count)))
        {
            foreach (var (year, inYear) in years.Zip(ByYear(count, years.Count, u)))
            {
                foreach (var day in Enumerable.Range(0, inYear).Select(_ => cases.WorkingDayIn(year)).Order().ToList())
                {
                    lawsuits.Add(cases.Litigation(unit, day, LawsuitNumber));
                    if (lawsuits.Count == BatchSize)
                    {
                        await writer.WriteAsync(Write(lawsuits), cancellationToken);
                        lawsuits = new List<LitigationCase>(BatchSize);
                    }
                }
            }
        }

        await writer.WriteAsync(Write(lawsuits), cancellationToken);

        var projects = new ProjectGenerator(random, end);
        var projectBatch = new List<(Project Project, bool Evaluated)>(BatchSize / 4);
        var meanWeight = weights.Average();
        foreach (var (unit, count, u) in units.Zip(Spread(request.Projects, weights), Enumerable.Range(0, units.Count)))
        {
            foreach (var (year, inYear) in years.Zip(ByYear(count, years.Count, u)))
            {
                var sequence = 0;
                for (var i = 0; i < inYear; i++)
                {
                    while (usedProjects.Contains($"{year}|{year}-{unit.Plan.Code}-{++sequence:000}"))
                    {
                    }

                    projectBatch.Add(projects.Build(unit, year, sequence, unit.Plan.Weight / meanWeight * 0.5m));
                    if (projectBatch.Count == BatchSize / 4)
                    {
                        await writer.WriteAsync(WriteProjects(projectBatch), cancellationToken);
                        projectBatch = new List<(Project, bool)>(BatchSize / 4);
                    }
                }
            }
        }

        await writer.WriteAsync(WriteProjects(projectBatch), cancellationToken);
    }

    private static Func<BulkInsert, Task> Write<T>(List<T> rows)
        where T : class => bulk => bulk.InsertAsync(rows);

    /// <summary>The projects, then the self-evaluations of those whose year is over (they need the projects' ids).</summary>
    private static Func<BulkInsert, Task> WriteProjects(List<(Project Project, bool Evaluated)> rows) => async bulk =>
    {
        await bulk.InsertAsync(rows.Select(r => r.Project).ToList());
        var evaluations = rows.Where(r => r.Evaluated).Select(r => new SelfEvaluation(r.Project.Id, r.Project.UnitId, ScoringProfiles.National2020.Name, ScoringProfiles.National2020.Version)).ToList();
        await bulk.InsertAsync(evaluations);
    };

    /// <summary>A unit's count split evenly over the years, the odd ones to a different year for each unit so that the years balance.</summary>
    private static int[] ByYear(int count, int years, int unitIndex) =>
        [.. Enumerable.Range(0, years).Select(y => (count / years) + (((y - unitIndex) % years + years) % years < count % years ? 1 : 0))];

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, by largest remainder, so the parts add up.</summary>
    internal static int[] Spread(int total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(total - parts.Sum()))
        {
            parts[i]++;
        }

        return parts;
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountsAsync(JixiaoDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.Where(a => a.EntityType == MarkerType).OrderBy(a => a.Id).Select(a => a.Changes).FirstAsync(cancellationToken);
        return JsonSerializer.Deserialize<Dictionary<string, long>>(entry) ?? [];
    }
}
