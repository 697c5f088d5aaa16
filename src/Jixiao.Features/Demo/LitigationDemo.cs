using Jixiao.Domain.Calendar;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo litigation register, city-wide (江门市司法局 and the seven county bureaus): the lawsuits against the city's
/// and the counties' agencies that give the 2023 figures of seed-figures.md, and a few open cases filed in the weeks
/// before today so that defence deadlines and warnings are live. Parties are fictitious, generated from a fixed seed.
/// Running it again removes its own cases and creates them anew.
/// </summary>
/// <remarks>
/// 2023: 897 first-instance cases concluded (201 filed in autumn 2022), outcomes 522 / 254 / 112 / 4 / 5 by group.
/// Hearings in 2023: 773 first-instance hearings of those cases, 96 of cases filed in autumn 2023 and concluded in 2024,
/// and 300 second-instance hearings of appeals — 1169, the agency head absent from 8 of them.
/// </remarks>
public sealed class LitigationDemo(IDbContextFactory<JixiaoDbContext> dbFactory, WorkdayCalendarProvider calendarProvider, TimeProvider clock)
{
    public const string IntermediateCourt = "江门市中级人民法院";
    public const string AdministrativeCourt = "江门市江海区人民法院";

    private static readonly DateOnly FirstDay = new(2022, 9, 1);
    private static readonly DateOnly LastDay = new(2023, 12, 31);

    /// <summary>Concluded first-instance cases per unit: the city bureau's area (its departments) and the seven counties.</summary>
    private static readonly (string Code, int Cases)[] Spread =
        [(DemoData.CityBureau, 300), ("440703", 150), ("440704", 60), ("440705", 120), ("440781", 90), ("440783", 70), ("440784", 55), ("440785", 52)];

    private static readonly string[] CityAgencies =
        ["江门市人民政府", "江门市公安局", "江门市公安局交通警察支队", "江门市自然资源局", "江门市人力资源和社会保障局", "江门市市场监督管理局",
         "江门市城市管理和综合执法局", "江门市住房和城乡建设局", "江门市生态环境局", "江门市医疗保障局"];

    private static readonly string[] CountyAgencies = ["人民政府", "公安局", "自然资源局", "人力资源和社会保障局", "城市管理和综合执法局", "市场监督管理局", "住房和城乡建设局"];

    private static readonly int[] AgencyWeights = [14, 22, 18, 16, 12, 10, 8, 6, 4, 3];

    private static readonly string[] Surnames = ["陈", "李", "黄", "梁", "张", "吴", "林", "谭", "冯", "区", "余", "甄", "关", "伍", "刘", "何", "杨", "周", "郑", "叶"];
    private static readonly string[] GivenChars = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "志", "建", "国", "文", "辉", "嘉", "欣", "婷"];
    private static readonly string[] CompanyWords = ["恒达", "粤顺", "新侨", "联兴", "华美", "泰和", "嘉信", "骏达", "锦程", "宏图", "侨乡", "五邑"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var calendar = calendarProvider.Calendar;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = Spread.Select(s => s.Code).ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var unitIds = units.Values.Select(u => u.Id).ToList();
        var openNumbers = OpenCases(today).Select(o => o.Number).ToList();
        var old = await db.LitigationCases.IgnoreQueryFilters().Include(c => c.Hearings)
            .Where(c => unitIds.Contains(c.UnitId) && ((c.FiledOn >= FirstDay && c.FiledOn <= LastDay) || openNumbers.Contains(c.CaseNumber)))
            .ToListAsync(cancellationToken);
        db.LitigationCases.RemoveRange(old);
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2023);
        var outcomes = Shuffle(random, [
            .. Enumerable.Repeat(FirstInstanceOutcome.DismissClaim, 522), .. Enumerable.Repeat(FirstInstanceOutcome.RulingAllowWithdrawal, 200),
            .. Enumerable.Repeat(FirstInstanceOutcome.RulingDismissSuit, 54), .. Enumerable.Repeat(FirstInstanceOutcome.Revoke, 60),
            .. Enumerable.Repeat(FirstInstanceOutcome.ConfirmIllegal, 40), .. Enumerable.Repeat(FirstInstanceOutcome.ConfirmVoid, 3),
            .. Enumerable.Repeat(FirstInstanceOutcome.Vary, 2), .. Enumerable.Repeat(FirstInstanceOutcome.OrderPerformance, 7),
            .. Enumerable.Repeat(FirstInstanceOutcome.Mediation, 4), .. Enumerable.Repeat(FirstInstanceOutcome.DismissCompensation, 5)]);
        var unitOf = Shuffle(random, [.. Spread.SelectMany(s => Enumerable.Repeat(s.Code, s.Cases))]);
        var carried = Shuffle(random, Enumerable.Range(0, outcomes.Count).ToList()).Take(201).ToHashSet();
        var numbers = new Dictionary<(string Court, int Year), int>();
        string Number(string court, int year)
        {
            numbers[(court, year)] = numbers.GetValueOrDefault((court, year)) + 1;
            return $"（{year}）粤{(court == IntermediateCourt ? "07" : "0704")}行初{numbers[(court, year)]}号";
        }

        var cases = new List<LitigationCase>();
        var hearingsPlanned = new List<(LitigationCase Case, DateOnly On, LitigationInstance Instance)>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            DateOnly filed, concluded;
            if (carried.Contains(i))
            {
                filed = Weekday(new DateOnly(2022, 9, 1).AddDays(random.Next(0, 115)));
                concluded = Weekday(new DateOnly(2023, 1, 16).AddDays(random.Next(0, 150)));
            }
            else
            {
                filed = Weekday(new DateOnly(2023, 1, 3).AddDays(random.Next(0, 260)));
                concluded = Weekday(filed.AddDays(40 + random.Next(0, 120)));
                if (concluded > new DateOnly(2023, 12, 29))
                {
                    concluded = new DateOnly(2023, 12, 29);
                }
            }

            var c = NewCase(random, units[unitOf[i]], filed, Number);
            c.SubmitDefence(Weekday(c.ComplaintReceivedOn.AddDays(5 + random.Next(0, 9))));
            var heard = outcome switch
            {
                FirstInstanceOutcome.RulingDismissSuit => 0,
                FirstInstanceOutcome.RulingAllowWithdrawal => i % 10 < 3 ? 1 : 0,
                FirstInstanceOutcome.DismissClaim => 1,
                _ => 1,
            };
            var first = concluded.AddDays(-10 - random.Next(0, 15));
            var earliest = filed.Year < 2023 ? new DateOnly(2023, 1, 4) : c.ComplaintReceivedOn.AddDays(16);
            if (first < earliest)
            {
                first = earliest;
            }

            for (var h = 0; h < heard; h++)
            {
                hearingsPlanned.Add((c, Weekday(first), LitigationInstance.First));
            }

            c.RecordJudgment(outcome, concluded, $"{c.CaseNumber.Replace("行初", "行初", StringComparison.Ordinal)}", Weekday(concluded.AddDays(3 + random.Next(0, 5))));
            cases.Add(c);
        }

        // 60 dismissed claims and 10 changed decisions took a second first-instance hearing; 60 withdrawals were heard (set above: 3 in 10).
        AddSecondHearings(cases.Where(c => c.Outcome == FirstInstanceOutcome.DismissClaim).Take(60), hearingsPlanned);
        AddSecondHearings(cases.Where(c => c.Outcome is { } o && LitigationOutcomes.IsAgencyChanged(o)).Take(10), hearingsPlanned);
        var withdrawnHeard = hearingsPlanned.Count(h => h.Case.Outcome == FirstInstanceOutcome.RulingAllowWithdrawal);
        foreach (var extra in cases.Where(c => c.Outcome == FirstInstanceOutcome.RulingAllowWithdrawal && hearingsPlanned.All(h => h.Case != c)).Take(Math.Max(0, 60 - withdrawnHeard)))
        {
            hearingsPlanned.Add((extra, Weekday(Max(extra.ConcludedOn!.Value.AddDays(-7), extra.FiledOn.Year < 2023 ? new DateOnly(2023, 1, 4) : extra.ComplaintReceivedOn.AddDays(16))), LitigationInstance.First));
        }

        foreach (var drop in hearingsPlanned.Where(h => h.Case.Outcome == FirstInstanceOutcome.RulingAllowWithdrawal).Skip(60).ToList())
        {
            hearingsPlanned.Remove(drop);
        }

        // 300 appeals heard at the intermediate court in 2023.
        var appealed = cases.Where(c => c.Outcome is { } o && (o == FirstInstanceOutcome.DismissClaim || LitigationOutcomes.IsAgencyChanged(o)) && c.ConcludedOn <= new DateOnly(2023, 10, 31))
            .OrderBy(c => c.CaseNumber, StringComparer.Ordinal).Where((_, n) => n % 4 != 3).Take(300).ToList();
        if (appealed.Count != 300)
        {
            throw new InvalidOperationException($"Litigation demo: {appealed.Count} cases could be appealed, 300 needed.");
        }

        foreach (var c in appealed)
        {
            var filedAppeal = Weekday(c.ServedOn!.Value.AddDays(5 + random.Next(0, 8)));
            c.RecordAppeal(filedAppeal, LitigationOutcomes.IsAgencyChanged(c.Outcome!.Value) ? c.Defendant : c.Plaintiff);
            var heardOn = Weekday(Min(filedAppeal.AddDays(25 + random.Next(0, 25)), new DateOnly(2023, 12, 22)));
            hearingsPlanned.Add((c, heardOn, LitigationInstance.Second));
            var decided = Weekday(heardOn.AddDays(15 + random.Next(0, 40)));
            if (decided <= today)
            {
                var roll = random.Next(100);
                c.RecordSecondInstance(roll < 88 ? SecondInstanceOutcome.Uphold : roll < 95 ? SecondInstanceOutcome.Revise : SecondInstanceOutcome.Remand, decided);
            }
        }

        // 96 cases filed in autumn 2023, heard in December, concluded in 2024.
        for (var i = 0; i < 96; i++)
        {
            var c = NewCase(random, units[Spread[i % Spread.Length].Code], Weekday(new DateOnly(2023, 9, 4).AddDays(random.Next(0, 70))), Number);
            c.SubmitDefence(Weekday(c.ComplaintReceivedOn.AddDays(5 + random.Next(0, 9))));
            hearingsPlanned.Add((c, Weekday(new DateOnly(2023, 12, 4).AddDays(random.Next(0, 18))), LitigationInstance.First));
            var concluded = Weekday(new DateOnly(2024, 1, 15).AddDays(random.Next(0, 60)));
            if (concluded <= today)
            {
                c.RecordJudgment(i % 5 == 0 ? FirstInstanceOutcome.RulingAllowWithdrawal : FirstInstanceOutcome.DismissClaim, concluded, null, Weekday(concluded.AddDays(4)));
            }

            cases.Add(c);
        }

        var absent = Shuffle(random, Enumerable.Range(0, hearingsPlanned.Count).ToList()).Take(8).ToHashSet();
        for (var n = 0; n < hearingsPlanned.Count; n++)
        {
            var (c, on, instance) = hearingsPlanned[n];
            var court = instance == LitigationInstance.Second ? IntermediateCourt : c.Court;
            if (absent.Contains(n))
            {
                c.RecordHearing(on, court, instance, headAppeared: false, null, $"法制工作机构负责人{Person(random)}（局长出差，书面请假）");
            }
            else
            {
                c.RecordHearing(on, court, instance, headAppeared: true, $"{Person(random)}（副{(c.Defendant.EndsWith("人民政府", StringComparison.Ordinal) ? "区（市）长" : "局长")}）", null);
            }
        }

        var in2023 = hearingsPlanned.Where(h => h.On.Year == 2023).ToList();
        if (in2023.Count != 1169 || hearingsPlanned.Count != 1169 || in2023.Count(h => h.Instance == LitigationInstance.Second) != 300)
        {
            throw new InvalidOperationException($"Litigation demo: {in2023.Count} hearings in 2023 of {hearingsPlanned.Count}, 1169 needed.");
        }

        db.LitigationCases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);

        if (calendar.Covers(today) && calendar.Covers(today.AddDays(-40)))
        {
            var openRandom = new Random(2026);
            foreach (var (number, received, defended) in OpenCases(today))
            {
                var receivedOn = Weekday(received, calendar);
                var c = new LitigationCase(units[DemoData.CityBureau].Id, AdministrativeCourt, number, LitigationInstance.First, Person(openRandom),
                    CityAgencies[1 + (number.Length % 5)], number.EndsWith("3号", StringComparison.Ordinal), receivedOn.AddDays(-2), receivedOn);
                if (defended)
                {
                    c.SubmitDefence(Weekday(receivedOn.AddDays(8), calendar));
                }

                db.LitigationCases.Add(c);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Open cases of the current year: defence due soon (yellow), overdue (red), running, and one already defended.</summary>
    private static IEnumerable<(string Number, DateOnly Received, bool Defended)> OpenCases(DateOnly today) =>
    [
        ($"（{today.Year}）粤0704行初9001号", today.AddDays(-13), false),
        ($"（{today.Year}）粤0704行初9002号", today.AddDays(-20), false),
        ($"（{today.Year}）粤0704行初9003号", today.AddDays(-4), false),
        ($"（{today.Year}）粤0704行初9004号", today.AddDays(-25), true),
    ];

    private static void AddSecondHearings(IEnumerable<LitigationCase> cases, List<(LitigationCase Case, DateOnly On, LitigationInstance Instance)> planned)
    {
        foreach (var c in cases)
        {
            var first = planned.First(h => h.Case == c).On;
            var earliest = c.FiledOn.Year < 2023 ? new DateOnly(2023, 1, 4) : c.ComplaintReceivedOn.AddDays(16);
            planned.Add((c, Weekday(Max(earliest, first.AddDays(-20))), LitigationInstance.First));
        }
    }

    private static LitigationCase NewCase(Random random, Unit unit, DateOnly filed, Func<string, int, string> number)
    {
        var place = unit.Level == UnitLevel.County ? Place(unit.ShortName) : null;
        string defendant;
        if (place is null)
        {
            var pick = random.Next(AgencyWeights.Sum());
            var k = 0;
            while (pick >= AgencyWeights[k])
            {
                pick -= AgencyWeights[k];
                k++;
            }

            defendant = CityAgencies[k];
        }
        else
        {
            var k = random.Next(CountyAgencies.Length + 3) % CountyAgencies.Length;
            defendant = CountyAgencies[k] == "公安局" && place.StartsWith("江门市", StringComparison.Ordinal) ? $"江门市公安局{place[3..]}分局" : place + CountyAgencies[k];
        }

        var court = defendant.EndsWith("人民政府", StringComparison.Ordinal) ? IntermediateCourt : AdministrativeCourt;
        var plaintiff = random.Next(10) < 8 ? Person(random) : $"江门市{CompanyWords[random.Next(CompanyWords.Length)]}实业有限公司";
        return new LitigationCase(unit.Id, court, number(court, filed.Year), LitigationInstance.First, plaintiff, defendant,
            reconsiderationCoDefendant: random.Next(10) == 0, filed, Weekday(filed.AddDays(3 + random.Next(0, 5))), summaryProcedure: random.Next(10) == 0);
    }

    private static string Place(string shortName) => shortName.EndsWith('区') ? "江门市" + shortName : shortName;

    private static string Person(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + (random.Next(3) == 0 ? string.Empty : GivenChars[random.Next(GivenChars.Length)]);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Weekday(DateOnly day, WorkdayCalendar? calendar = null)
    {
        var d = day;
        while (calendar is not null && calendar.Covers(d) ? !calendar.IsWorkingDay(d) : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static List<T> Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
