using System.Globalization;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo reconsideration register of 江门市司法局 (440700): the city-level cases of 2023 that give the
/// figures of the 2023 report (seed-figures.md), and a few open cases received in the weeks before
/// today so that deadlines and warnings are live. Names, ID numbers and acts are fictitious, generated
/// from a fixed seed. Running it again removes its own cases and creates them anew.
/// </summary>
/// <remarks>
/// The cases are built through the domain entity, which enforces every move; they are written
/// directly rather than through the handlers because their steps happened in the past.
/// The seed's 47 “settled, mediated or withdrawn” include 13 withdrawals (撤回) beside the 128 cases
/// closed with the listed outcomes: 7 of this year's accepted cases and 6 received in December 2022.
/// The follow-up (意见书、建议书、抄告、履行) is added to the finished cases with random generators of its own,
/// so the cases and their figures are the same as without it: in 2023 the city served 12 opinion letters and
/// 5 recommendation letters, received 12 rectification replies (the five letters served last replied in
/// January 2024) and sent 16 抄告 copies.
/// </remarks>
public sealed class ReconsiderationDemo(IDbContextFactory<JixiaoDbContext> dbFactory, WorkdayCalendarProvider calendarProvider, TimeProvider clock)
{
    private static readonly CaseActor Handler = new(0, "吴家豪", "jx.case");
    private static readonly DateOnly FirstDay = new(2022, 12, 1);
    private static readonly DateOnly LastDay = new(2023, 12, 31);

    private static readonly string[] Surnames = ["陈", "李", "黄", "梁", "张", "吴", "林", "谭", "冯", "区", "余", "甄", "关", "伍", "刘", "何", "杨", "周", "郑", "叶", "邓", "赵", "许", "司徒", "容", "钟"];
    private static readonly string[] GivenChars = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "志", "建", "国", "文", "辉", "健", "俊", "嘉", "欣", "婷", "雪", "梅", "浩", "宇", "锦", "泽", "荣", "坚", "耀", "棠", "彩", "凤", "炳", "展", "颖"];
    private static readonly string[] CompanyWords = ["恒达", "粤顺", "新侨", "联兴", "华美", "泰和", "嘉信", "骏达", "锦程", "宏图", "侨乡", "五邑", "广源", "金穗", "银洲"];
    private static readonly string[] Industries = ["贸易", "五金制品", "食品", "物流", "建材", "电子科技", "餐饮管理", "房地产开发", "纺织", "机电设备"];
    private static readonly string[] Roads = ["建设路", "港口路", "胜利路", "白沙大道", "迎宾大道", "江华路", "发展大道", "五邑路", "跃进路", "堤东路", "会城大道", "台城环市路"];
    private static readonly string[] Districts = ["蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"];
    private static readonly string[] AreaCodes = ["440703", "440704", "440705", "440781", "440783", "440784", "440785"];

    private static readonly (string Name, string Superior)[] AgencyList =
    [
        ("江门市公安局交通警察支队", "江门市公安局"),
        ("江门市公安局", "江门市人民政府"),
        ("江门市市场监督管理局", "江门市人民政府"),
        ("江门市城市管理和综合执法局", "江门市人民政府"),
        ("江门市生态环境局", "江门市人民政府"),
        ("江门市自然资源局", "江门市人民政府"),
        ("江门市住房和城乡建设局", "江门市人民政府"),
        ("江门市人力资源和社会保障局", "江门市人民政府"),
        ("江门市交通运输局", "江门市人民政府"),
        ("江门市医疗保障局", "江门市人民政府"),
        ("江门市蓬江区人民政府", "江门市人民政府"),
        ("江门市江海区人民政府", "江门市人民政府"),
    ];

    /// <summary>The matters, how often they occur (of 100), who is typically the respondent, and the contested act.</summary>
    private static readonly (MatterCategory Matter, int Weight, string[] Respondents, string Act)[] Matters =
    [
        (MatterCategory.AdministrativePenalty, 30, ["江门市公安局交通警察支队", "江门市市场监督管理局", "江门市城市管理和综合执法局", "江门市生态环境局"], "行政处罚决定书"),
        (MatterCategory.InformationDisclosure, 18, ["江门市自然资源局", "江门市住房和城乡建设局", "江门市蓬江区人民政府"], "政府信息公开申请答复书"),
        (MatterCategory.ComplaintHandling, 12, ["江门市市场监督管理局", "江门市医疗保障局"], "投诉举报处理告知书"),
        (MatterCategory.Confirmation, 8, ["江门市人力资源和社会保障局"], "不予认定工伤决定书"),
        (MatterCategory.Enforcement, 6, ["江门市城市管理和综合执法局", "江门市生态环境局"], "查封扣押决定书"),
        (MatterCategory.Inaction, 6, ["江门市公安局", "江门市住房和城乡建设局"], "未履行法定职责"),
        (MatterCategory.Expropriation, 5, ["江门市蓬江区人民政府", "江门市江海区人民政府"], "房屋征收补偿决定书"),
        (MatterCategory.Licensing, 5, ["江门市交通运输局", "江门市住房和城乡建设局"], "不予行政许可决定书"),
        (MatterCategory.TitleDetermination, 4, ["江门市江海区人民政府", "江门市自然资源局"], "土地权属争议处理决定书"),
        (MatterCategory.Other, 6, ["江门市医疗保障局", "江门市人力资源和社会保障局"], "行政行为"),
    ];

    private enum Plan
    {
        Refuse, Inform, HandleOtherwise, Transfer, SupplementLapse,
        Revoke, Dismiss, Uphold, Terminate, ConfirmIllegal, Mediation, Settlement, Withdrawal, Vary, OrderPerformance,
    }

    /// <summary>Seeds the register unless the city's 2023 cases are there (the demo projects' indicators read them).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var city = await db.Units.IgnoreQueryFilters().Where(u => u.Code == DemoData.CityBureau).Select(u => u.Id).SingleAsync(cancellationToken);
            if (await db.ReconsiderationCases.IgnoreQueryFilters().AnyAsync(c => c.UnitId == city && c.ReceivedOn >= FirstDay && c.ReceivedOn <= LastDay, cancellationToken))
            {
                return;
            }
        }

        await SeedAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var calendar = calendarProvider.Calendar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau, cancellationToken);
        var countyCodes = DemoData.Units.Where(u => u.Parent == DemoData.CityBureau && u.Level == Domain.Organization.UnitLevel.County).Select(u => u.Code).ToList();
        var counties = await db.Units.Where(u => countyCodes.Contains(u.Code)).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var agencies = await EnsureAgenciesAsync(db, counties.Select(AgencyPlace), cancellationToken);
        var countyIds = counties.Select(u => u.Id).ToList();
        var openRandom = new Random(2024);
        var openApplicants = Enumerable.Range(0, 8).Select(_ => Applicant(openRandom, ApplicantKind.Citizen)).ToList();
        var openIds = openApplicants.Select(a => a.IdNumber).ToList();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var old = await db.ReconsiderationCases.IgnoreQueryFilters()
            .Where(c => (c.UnitId == city.Id && ((c.ReceivedOn >= FirstDay && c.ReceivedOn <= LastDay) || (c.ReceivedOn > LastDay && openIds.Contains(c.ApplicantIdNumber!))))
                || (countyIds.Contains(c.UnitId) && c.ReceivedOn >= FirstDay && c.ReceivedOn <= LastDay))
            .ToListAsync(cancellationToken);
        db.ReconsiderationCases.RemoveRange(old);
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2023);
        var cases = new List<ReconsiderationCase>();
        var prefix = CaseNumbers.Prefix(city);
        var plans = Shuffle(random, [
            .. Repeat(Plan.Refuse, 25), .. Repeat(Plan.Inform, 16), .. Repeat(Plan.HandleOtherwise, 8), .. Repeat(Plan.Transfer, 1), .. Repeat(Plan.SupplementLapse, 5),
            .. Repeat(Plan.Revoke, 1), .. Repeat(Plan.Dismiss, 2), .. Repeat(Plan.Uphold, 84), .. Repeat(Plan.Terminate, 3), .. Repeat(Plan.ConfirmIllegal, 4),
            .. Repeat(Plan.Mediation, 22), .. Repeat(Plan.Settlement, 12), .. Repeat(Plan.Withdrawal, 7)]);
        var online = Shuffle(random, Enumerable.Range(0, plans.Count).ToList()).Take(29).ToHashSet();
        var received = plans.Select(p => RandomWorkingDay(random, calendar, new DateOnly(2023, 1, 3), p <= Plan.SupplementLapse ? new DateOnly(2023, 12, 20) : new DateOnly(2023, 10, 20))).ToList();
        var order = Enumerable.Range(0, plans.Count).OrderBy(i => received[i]).ThenBy(i => i).ToList();
        for (var n = 0; n < order.Count; n++)
        {
            var i = order[n];
            var channel = online.Contains(i) ? ApplicationChannel.Online : random.Next(10) < 6 ? ApplicationChannel.InPerson : ApplicationChannel.Post;
            cases.Add(Build(random, calendar, agencies, city.Id, CaseNumbers.Format(prefix, 2023, n + 1), received[i], channel, plans[i]));
        }

        // Six cases received in December 2022 and withdrawn in 2023 (the carried-over withdrawals).
        for (var n = 0; n < 6; n++)
        {
            var day = new DateOnly(2022, 12, 5 + (3 * n));
            cases.Add(Build(random, calendar, agencies, city.Id, CaseNumbers.Format(prefix, 2022, 181 + n), day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? day.AddDays(2) : day,
                ApplicationChannel.InPerson, Plan.Withdrawal, carriedOver: true));
        }

        FollowUpCity2023(cases, agencies, calendar);
        db.ReconsiderationCases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);
        await SeedCountiesAsync(db, counties, agencies, calendar, CityWideEnterpriseRelated - cases.Count(c => c.EnterpriseRelated && c.ReceivedOn.Year == 2023), cancellationToken);

        if (calendar.Covers(today) && calendar.Covers(today.AddDays(-160)))
        {
            await SeedOpenCasesAsync(db, city, agencies, openApplicants, calendar, today, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, Agency>> EnsureAgenciesAsync(JixiaoDbContext db, IEnumerable<string> places, CancellationToken cancellationToken)
    {
        var list = AgencyList.Concat(places.SelectMany(p => AgencyList.Select(a => LocalAgency(a.Name, p)))).DistinctBy(a => a.Name).ToList();
        var names = list.Select(a => a.Name).ToList();
        var existing = await db.Agencies.Where(a => names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, cancellationToken);
        foreach (var (name, superior) in list.Where(a => !existing.ContainsKey(a.Name)))
        {
            var agency = new Agency(name, superior);
            db.Agencies.Add(agency);
            existing[name] = agency;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>Open cases at different stages: under review, awaiting supplement, copy overdue, running, near the decision deadline, suspended.</summary>
    private static async Task SeedOpenCasesAsync(JixiaoDbContext db, Domain.Organization.Unit city, Dictionary<string, Agency> agencies,
        List<(string Name, string IdNumber, string Phone, string Address)> applicants, WorkdayCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2025);
        DateOnly Back(int days) => OnOrBeforeWorkingDay(calendar, today.AddDays(-days));
        var received = new[] { Back(3), Back(14), Back(20), Back(45), Back(62), Back(35) };
        for (var i = 0; i < received.Length; i++)
        {
            var (matter, _, respondents, act) = Matters[i % Matters.Length];
            var respondent = agencies[respondents[0]];
            var number = await CaseNumbers.NextAsync(db, city, received[i].Year, cancellationToken);
            var c = new ReconsiderationCase(city.Id, number, received[i], matter, i % 2 == 0 ? ApplicationChannel.Online : ApplicationChannel.InPerson,
                ApplicantKind.Citizen, applicants[i].Name, respondent.Name, Handler, At(received[i], 9));
            c.RecordParticulars(new ApplicationParticulars(IdDocumentType.ResidentIdCard, applicants[i].IdNumber, applicants[i].Phone, applicants[i].Address, null, false,
                Requests(matter, act), $"{respondent.Name}作出的{act}", respondent.Id), received[i]);
            var accepted = calendar.AddWorkingDays(received[i], 2);
            switch (i)
            {
                case 1:
                    c.RequestSupplement("申请书未载明具体的行政复议请求；缺少被申请复议的行政行为的文书复印件", Handler, At(accepted, 10), new("江府复补字〔" + received[i].Year + "〕" + (i + 1) + "号", "补正通知书"));
                    break;
                case 2:
                    c.Accept(Procedure.Ordinary, Handler, At(accepted, 10), AcceptanceNotice(number));
                    break;
                case 3 or 5:
                    c.Accept(Procedure.Ordinary, Handler, At(accepted, 10), AcceptanceNotice(number));
                    var copied = calendar.AddWorkingDays(accepted, 2 + random.Next(3));
                    c.SendCopyToRespondent(Handler, At(copied, 10));
                    c.RecordAnswer(Handler, At(calendar.AddWorkingDays(copied, 6), 15), new(null, "行政复议答复书及证据材料"));
                    if (i == 5)
                    {
                        c.Suspend(SuspensionGround.MediationOrSettlement, Handler, At(Back(10), 11), new(null, "行政复议中止通知书"));
                    }

                    break;
                case 4:
                    var acceptedNear = today.AddDays(-58);
                    c.Accept(Procedure.Ordinary, Handler, At(acceptedNear < received[i] ? received[i] : acceptedNear, 10), AcceptanceNotice(number));
                    var sent = calendar.AddWorkingDays(c.AcceptedOn!.Value, 3);
                    c.SendCopyToRespondent(Handler, At(sent, 10));
                    c.RecordAnswer(Handler, At(calendar.AddWorkingDays(sent, 8), 15), new(null, "行政复议答复书及证据材料"));
                    break;
                default:
                    break;
            }

            db.ReconsiderationCases.Add(c);
            await db.SaveChangesAsync(cancellationToken);
        }

        await SeedRecentFollowUpAsync(db, city, agencies, applicants, calendar, today, cancellationToken);
    }

    /// <summary>
    /// Two cases closed in the months before today whose letters await their rectification reply: a
    /// recommendation letter due within days (yellow) and an opinion letter already overdue (red), so that
    /// the feedback warnings are live; the second decision also awaits performance and was copied to the superior.
    /// </summary>
    private static async Task SeedRecentFollowUpAsync(JixiaoDbContext db, Domain.Organization.Unit city, Dictionary<string, Agency> agencies,
        List<(string Name, string IdNumber, string Phone, string Address)> applicants, WorkdayCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        DateOnly Back(int days) => OnOrBeforeWorkingDay(calendar, today.AddDays(-days));
        var plans = new[]
        {
            (Applicant: applicants[6], Received: Back(120), Closed: Back(75), Outcome: ReconsiderationOutcome.Uphold, Respondent: "江门市市场监督管理局", Kind: LetterKind.Recommendation, Served: today.AddDays(-59)),
            (Applicant: applicants[7], Received: Back(150), Closed: Back(85), Outcome: ReconsiderationOutcome.RevokeAndRedo, Respondent: "江门市城市管理和综合执法局", Kind: LetterKind.Opinion, Served: Back(70)),
        };
        foreach (var plan in plans)
        {
            var respondent = agencies[plan.Respondent];
            var number = await CaseNumbers.NextAsync(db, city, plan.Received.Year, cancellationToken);
            var matter = plan.Kind == LetterKind.Opinion ? MatterCategory.Enforcement : MatterCategory.AdministrativePenalty;
            var act = plan.Kind == LetterKind.Opinion ? "查封扣押决定书" : "行政处罚决定书";
            var c = new ReconsiderationCase(city.Id, number, plan.Received, matter, ApplicationChannel.InPerson, ApplicantKind.Citizen,
                plan.Applicant.Name, respondent.Name, Handler, At(plan.Received, 9));
            c.RecordParticulars(new ApplicationParticulars(IdDocumentType.ResidentIdCard, plan.Applicant.IdNumber, plan.Applicant.Phone, plan.Applicant.Address, null, false,
                Requests(matter, act), $"{respondent.Name}作出的{act}", respondent.Id), plan.Received);
            var accepted = calendar.AddWorkingDays(plan.Received, 2);
            c.Accept(Procedure.Ordinary, Handler, At(accepted, 10), AcceptanceNotice(number));
            var copied = calendar.AddWorkingDays(accepted, 3);
            c.SendCopyToRespondent(Handler, At(copied, 10));
            c.RecordAnswer(Handler, At(calendar.AddWorkingDays(copied, 8), 15), new(null, "行政复议答复书及证据材料"));
            c.Close(plan.Outcome, Handler, At(plan.Closed, 16), new(number, Outcomes.DocumentTitle(plan.Outcome)));
            if (plan.Outcome == ReconsiderationOutcome.RevokeAndRedo)
            {
                c.SetPerformanceDue(today.AddDays(20), Handler, At(plan.Closed.AddDays(1), 10), "限被申请人六十日内重新作出行政行为");
            }

            var letterNumber = $"江府复{(plan.Kind == LetterKind.Opinion ? "意" : "建")}〔{plan.Served.Year}〕{(plan.Kind == LetterKind.Opinion ? 31 : 9)}号";
            var letter = c.IssueLetter(new LetterDraft(plan.Kind, letterNumber, respondent.Name, respondent.Id, plan.Served,
                plan.Kind == LetterKind.Opinion
                    ? "查封扣押物品清单未经当事人签名确认即作出决定，程序违法；请依法纠正，规范查封扣押程序，并于六十日内报送整改情况。"
                    : "同类行政处罚案件裁量基准适用不一，建议完善行政处罚裁量基准并加强执法人员培训。"), Handler, At(plan.Served, 11));
            if (plan.Kind == LetterKind.Opinion)
            {
                c.CopyToSuperior(CopiedDocument.OpinionLetter, letter, respondent.SuperiorName!, plan.Served, $"江府复抄〔{plan.Served.Year}〕5号", Handler, At(plan.Served, 15));
            }

            db.ReconsiderationCases.Add(c);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Abbreviations the agencies use in their document numbers, for the numbers of their rectification reports.</summary>
    private static readonly Dictionary<string, string> AgencyAbbreviations = new()
    {
        ["江门市公安局交通警察支队"] = "江公交",
        ["江门市公安局"] = "江公",
        ["江门市市场监督管理局"] = "江市监",
        ["江门市城市管理和综合执法局"] = "江城管",
        ["江门市生态环境局"] = "江环",
        ["江门市自然资源局"] = "江自然资源",
        ["江门市住房和城乡建设局"] = "江建",
        ["江门市人力资源和社会保障局"] = "江人社",
        ["江门市交通运输局"] = "江交",
        ["江门市医疗保障局"] = "江医保",
        ["江门市蓬江区人民政府"] = "蓬府",
        ["江门市江海区人民政府"] = "江海府",
    };

    /// <summary>What the letters of 2023 pointed out, by matter; the recommendation letters ask for better rules and practice.</summary>
    private static string LetterSummary(LetterKind kind, MatterCategory matter, Random random) => kind == LetterKind.Recommendation
        ? Pick(random,
            "同类案件反复出现，建议完善执法程序指引并组织执法人员专题培训。",
            "建议统一行政处罚裁量基准的适用，定期开展案卷评查。",
            "建议健全政府信息公开申请登记、答复工作机制，规范答复文书格式。",
            "建议完善投诉举报处理流程，明确受理、调查、答复各环节时限。")
        : matter switch
        {
            MatterCategory.AdministrativePenalty => "行政处罚决定未充分听取当事人陈述申辩，送达程序不规范；请依法纠正并于六十日内报送整改情况。",
            MatterCategory.InformationDisclosure => "政府信息公开答复未说明不予公开的理由和依据；请依法纠正并于六十日内报送整改情况。",
            MatterCategory.ComplaintHandling => "投诉举报处理超过法定期限且未告知处理结果；请依法纠正并于六十日内报送整改情况。",
            _ => "行政行为认定事实的证据不足、执法文书不规范；请依法纠正并于六十日内报送整改情况。",
        };

    /// <summary>
    /// The city's follow-up of 2023: 12 opinion and 5 recommendation letters on closed cases, 12 rectification
    /// replies received in 2023 and 5 in January 2024, 16 抄告 copies (10 decisions, 6 opinion letters) and the
    /// performance of the mediation statements.
    /// </summary>
    private static void FollowUpCity2023(List<ReconsiderationCase> cases, Dictionary<string, Agency> agencies, WorkdayCalendar calendar)
    {
        var random = new Random(2077);
        var closed = cases.Where(c => c.State == CaseState.Closed && c.ReceivedOn.Year == 2023 && c.Outcome is { } o && Outcomes.IsMeritsDecision(o))
            .OrderBy(c => c.ClosedOn).ThenBy(c => c.CaseNumber, StringComparer.Ordinal).ToList();
        var early = Shuffle(random, closed.Where(c => c.ClosedOn!.Value.Month is >= 2 and <= 9).ToList()).Take(12).OrderBy(c => c.ClosedOn).ToList();
        var late = Shuffle(random, closed.Where(c => c.ClosedOn!.Value >= new DateOnly(2023, 11, 15) && c.ClosedOn!.Value <= new DateOnly(2023, 12, 15)).ToList()).Take(5).OrderBy(c => c.ClosedOn).ToList();
        var kinds = Shuffle(random, [.. Enumerable.Repeat(LetterKind.Opinion, 12), .. Enumerable.Repeat(LetterKind.Recommendation, 5)]);
        var copyLetters = new HashSet<ReconsiderationCase>();
        var events = new List<(DateOnly Day, int Hour, Action Act)>();
        var opinionNumber = 0;
        var recommendationNumber = 0;
        foreach (var (c, i) in early.Concat(late).Select((c, i) => (c, i)))
        {
            var kind = kinds[i];
            var respondent = agencies[c.RespondentName];
            var served = Later(calendar, c.ClosedOn!.Value, 3 + random.Next(8));
            var number = kind == LetterKind.Opinion ? $"江府复意〔2023〕{++opinionNumber}号" : $"江府复建〔2023〕{++recommendationNumber}号";
            var letter = c.IssueLetter(new LetterDraft(kind, number, respondent.Name, respondent.Id, served, LetterSummary(kind, c.Matter, random)), Handler, At(served, 11));

            // Replies arrive within the 60 days: in 2023 for the letters served by September, in January 2024 for the five served last.
            var repliedOn = i < early.Count
                ? OnOrNext(calendar, served.AddDays(20 + random.Next(30)))
                : OnOrNext(calendar, new DateOnly(2024, 1, 8).AddDays(random.Next(10)));
            if (repliedOn.Year == 2023 && repliedOn > new DateOnly(2023, 12, 29))
            {
                repliedOn = new DateOnly(2023, 12, 29);
            }

            var abbreviation = AgencyAbbreviations.GetValueOrDefault(respondent.Name, "江");
            var replyNumber = $"{abbreviation}函〔{repliedOn.Year}〕{random.Next(10, 300)}号";
            events.Add((repliedOn, 10, () => c.RecordLetterReply(letter, repliedOn, replyNumber,
                kind == LetterKind.Opinion ? "已撤销原行政行为并重新作出，对承办人员进行批评教育，修订执法流程。" : "已修订相关工作制度，组织全员培训。", Handler, At(repliedOn, 10))));
            if (kind == LetterKind.Opinion && i < early.Count && copyLetters.Count < 6 && IsDepartment(respondent))
            {
                copyLetters.Add(c);
                events.Add((served, 15, () => _ = c.CopyToSuperior(CopiedDocument.OpinionLetter, letter, respondent.SuperiorName!, served, $"江府复抄〔2023〕{copyLetters.Count}号", Handler, At(served, 15))));
            }
        }

        // The decisions copied to the superior: cases against government departments, closed by the end of November.
        var lettered = early.Concat(late).ToHashSet();
        var decisions = Shuffle(random, closed.Where(c => !lettered.Contains(c) && c.ClosedOn!.Value <= new DateOnly(2023, 11, 30) && IsDepartment(agencies[c.RespondentName])).ToList())
            .Take(16 - copyLetters.Count).ToList();
        foreach (var (c, n) in decisions.Select((c, n) => (c, n)))
        {
            var sent = Later(calendar, c.ClosedOn!.Value, 1 + random.Next(5));
            events.Add((sent, 14, () => _ = c.CopyToSuperior(CopiedDocument.Decision, null, agencies[c.RespondentName].SuperiorName!, sent, $"江府复抄〔2023〕{copyLetters.Count + n + 1}号", Handler, At(sent, 14))));
        }

        foreach (var (_, _, act) in events.OrderBy(e => e.Day).ThenBy(e => e.Hour))
        {
            act();
        }

        RecordPerformance(random, cases, calendar);
    }

    /// <summary>A government department (工作部门), not a people's government: Art. 79 has its decisions copied to its superior.</summary>
    private static bool IsDepartment(Agency agency) => !agency.Name.EndsWith("人民政府", StringComparison.Ordinal) && agency.SuperiorName is not null;

    /// <summary>
    /// The performance of the 2023 decisions and mediation statements that oblige someone to act: a period of
    /// 30 days, performed in time in most cases; one performed only after an order to perform (责令限期履行),
    /// one mediation statement enforced (强制执行), and one order to perform still pending past its period.
    /// </summary>
    private static void RecordPerformance(Random random, List<ReconsiderationCase> cases, WorkdayCalendar calendar)
    {
        var due = cases.Where(c => c.Performance == PerformanceStatus.Pending && c.ClosedOn!.Value.Year == 2023).OrderBy(c => c.ClosedOn).ThenBy(c => c.CaseNumber, StringComparer.Ordinal).ToList();
        var urged = due.FirstOrDefault(c => c.Outcome == ReconsiderationOutcome.MediationStatement);
        var enforced = due.LastOrDefault(c => c.Outcome == ReconsiderationOutcome.MediationStatement && c != urged);
        var pending = due.FirstOrDefault(c => c.Outcome == ReconsiderationOutcome.OrderPerformance);
        foreach (var c in due)
        {
            var closedOn = c.ClosedOn!.Value;
            var dueOn = OnOrNext(calendar, closedOn.AddDays(30));
            var outcome = c.Outcome!.Value;
            c.SetPerformanceDue(dueOn, Handler, At(Later(calendar, closedOn, 1), 9),
                outcome == ReconsiderationOutcome.MediationStatement ? "按调解书约定的期限履行" : $"{Outcomes.DocumentTitle(outcome)}限三十日内履行");
            if (c == pending)
            {
                continue;
            }

            if (c == urged || c == enforced)
            {
                var noticed = Later(calendar, dueOn, 3);
                if (c == urged)
                {
                    c.UrgePerformance(OnOrNext(calendar, noticed.AddDays(15)), "被申请人未按调解书约定期限履行，书面责令限期履行并约谈有关负责人", Handler, At(noticed, 10),
                        new($"江府复责〔{noticed.Year}〕1号", "责令限期履行通知书"));
                    var performedLate = Later(calendar, noticed, 8);
                    c.RecordPerformed(performedLate, "被申请人已按责令限期履行通知书履行", Handler, At(performedLate, 15));
                }
                else
                {
                    c.ApplyForEnforcement("申请人逾期不履行调解书，依法申请人民法院强制执行", Handler, At(noticed, 10), new(null, "强制执行申请书"));
                }

                continue;
            }

            var performedOn = Later(calendar, closedOn, 5 + random.Next(12));
            c.RecordPerformed(performedOn, outcome == ReconsiderationOutcome.MediationStatement ? "双方已按调解书履行完毕" : "被申请人已履行并书面报告", Handler, At(performedOn, 15));
        }
    }

    private static ReconsiderationCase Build(Random random, WorkdayCalendar calendar, Dictionary<string, Agency> agencies, int unitId, string number,
        DateOnly received, ApplicationChannel channel, Plan plan, bool carriedOver = false, string? place = null, bool? enterprise = null)
    {
        var matter = PickMatter(random);
        var respondent = agencies[LocalAgency(matter.Respondents[random.Next(matter.Respondents.Length)], place).Name];
        var kind = enterprise switch
        {
            null => random.Next(100) < 11 ? ApplicantKind.Enterprise : ApplicantKind.Citizen,
            true => random.Next(100) < 70 ? ApplicantKind.Enterprise : ApplicantKind.Citizen,
            false => ApplicantKind.Citizen,
        };
        var applicant = Applicant(random, kind);
        var actNumber = $"{respondent.Name[..2]}{(matter.Matter == MatterCategory.AdministrativePenalty ? "罚决" : "决")}〔{received.Year}〕{random.Next(10, 999)}号";
        var act = matter.Matter == MatterCategory.Inaction ? $"{respondent.Name}未依法履行法定职责" : $"{respondent.Name}作出的{actNumber}{matter.Act}";
        var c = new ReconsiderationCase(unitId, number, received, matter.Matter, channel, kind, applicant.Name, respondent.Name, Handler, At(received, 9));
        c.RecordParticulars(new ApplicationParticulars(
            kind == ApplicantKind.Citizen ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode, applicant.IdNumber, applicant.Phone, applicant.Address,
            random.Next(10) < 3 ? $"广东{CompanyWords[random.Next(CompanyWords.Length)]}律师事务所 {PersonName(random)}" : null,
            enterprise ?? (kind == ApplicantKind.Enterprise || random.Next(100) < 4), Requests(matter.Matter, matter.Act), act, respondent.Id), received);

        var decided = Later(calendar, received, 1 + random.Next(4));
        switch (plan)
        {
            case Plan.Refuse:
                c.Refuse(Pick(random, "申请超过法定申请期限且无正当理由", "申请人与被申请复议的行政行为没有利害关系", "申请事项不属于行政复议范围（内部人事处理）", "已就同一事项向人民法院提起行政诉讼"),
                    Handler, At(decided, 10), new($"江府复不受字〔{received.Year}〕{random.Next(1, 60)}号", "不予受理决定书"));
                return c;
            case Plan.Inform:
                c.Inform(Pick(random, "告知申请人就民事纠纷向人民法院提起诉讼", "告知申请人通过信访途径反映诉求", "告知申请人向劳动人事争议仲裁委员会申请仲裁"), Handler, At(decided, 10), new(null, "告知书"));
                return c;
            case Plan.HandleOtherwise:
                c.HandleOtherwise("属于信访事项，转市信访局按信访程序处理", Handler, At(decided, 10));
                return c;
            case Plan.Transfer:
                c.Transfer($"{Districts[random.Next(3, Districts.Length)]}人民政府", Handler, At(decided, 10), new(null, "行政复议申请转送函"));
                return c;
            case Plan.SupplementLapse:
                c.RequestSupplement("申请书未载明申请人的基本情况和具体的行政复议请求", Handler, At(decided, 10), new($"江府复补字〔{received.Year}〕{random.Next(1, 60)}号", "补正通知书"));
                c.LapseSupplement(calendar, Handler, At(Later(calendar, decided, 11 + random.Next(3)), 10));
                return c;
            default:
                break;
        }

        c.Accept(Procedure.Ordinary, Handler, At(decided, 10), AcceptanceNotice(number));
        var copied = Later(calendar, decided, 1 + random.Next(5));
        c.SendCopyToRespondent(Handler, At(copied, 10), new(null, "行政复议申请书副本发送通知书"));
        var answered = Later(calendar, copied, 3 + random.Next(7));
        c.RecordAnswer(Handler, At(answered, 15), new(null, "行政复议答复书及证据材料"));
        var closedOn = OnOrNext(calendar, decided.AddDays(carriedOver ? 30 + random.Next(20) : 20 + random.Next(31)));
        if (closedOn <= answered)
        {
            closedOn = Later(calendar, answered, 1);
        }

        var decisionNumber = $"{number}";
        switch (plan)
        {
            case Plan.Mediation:
                c.Mediate(Handler, At(Later(calendar, answered, 1), 14), null, "组织双方当事人调解");
                c.Close(ReconsiderationOutcome.MediationStatement, Handler, At(closedOn, 16), new(decisionNumber, "行政复议调解书"));
                break;
            case Plan.Settlement:
                c.RecordSettlement(Handler, At(Later(calendar, answered, 1), 14), null, "双方自愿达成和解");
                c.Close(ReconsiderationOutcome.SettlementWithdrawal, Handler, At(closedOn, 16), new(decisionNumber, "行政复议终止决定书"));
                break;
            default:
                var outcome = plan switch
                {
                    Plan.Revoke => ReconsiderationOutcome.Revoke,
                    Plan.Vary => ReconsiderationOutcome.Vary,
                    Plan.OrderPerformance => ReconsiderationOutcome.OrderPerformance,
                    Plan.Dismiss => ReconsiderationOutcome.DismissClaim,
                    Plan.Uphold => ReconsiderationOutcome.Uphold,
                    Plan.Terminate => ReconsiderationOutcome.OtherTermination,
                    Plan.ConfirmIllegal => ReconsiderationOutcome.ConfirmIllegal,
                    _ => ReconsiderationOutcome.Withdrawal,
                };
                c.Close(outcome, Handler, At(closedOn, 16), new(decisionNumber, Outcomes.IsTermination(outcome) ? "行政复议终止决定书" : "行政复议决定书"));
                break;
        }

        return c;
    }

    /// <summary>Working days later by the calendar; for days before the calendar's first year (the carried-over 2022 cases), Monday to Friday.</summary>
    private static DateOnly Later(WorkdayCalendar calendar, DateOnly day, int workingDays)
    {
        if (calendar.Covers(day))
        {
            return calendar.AddWorkingDays(day, workingDays);
        }

        var d = day;
        for (var left = workingDays; left > 0;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }

        return d;
    }

    private static DateOnly OnOrNext(WorkdayCalendar calendar, DateOnly day) =>
        calendar.Covers(day) ? calendar.OnOrNextWorkingDay(day) : day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };

    /// <summary>The city-wide enterprise-related applications of 2023 (seed-figures.md).</summary>
    private const int CityWideEnterpriseRelated = 220;

    /// <summary>
    /// The seven county bureaus' 2023 cases. With the city's own they give the city-wide figures of the
    /// report: 64 corrected directly (撤销 25, 变更 1, 确认违法 36, 责令履行 2; the city's own cases hold
    /// 撤销 1 and 确认违法 4) and 220 enterprise-related applications.
    /// </summary>
    private static async Task SeedCountiesAsync(JixiaoDbContext db, List<Domain.Organization.Unit> counties, Dictionary<string, Agency> agencies, WorkdayCalendar calendar,
        int enterpriseRelated, CancellationToken cancellationToken)
    {
        var random = new Random(2031);
        var plans = Shuffle(random, [
            .. Repeat(Plan.Revoke, 24), .. Repeat(Plan.Vary, 1), .. Repeat(Plan.ConfirmIllegal, 32), .. Repeat(Plan.OrderPerformance, 2),
            .. Repeat(Plan.Uphold, 120), .. Repeat(Plan.Dismiss, 15), .. Repeat(Plan.Mediation, 30), .. Repeat(Plan.Settlement, 15), .. Repeat(Plan.Withdrawal, 12),
            .. Repeat(Plan.Terminate, 5), .. Repeat(Plan.Refuse, 20), .. Repeat(Plan.Inform, 12), .. Repeat(Plan.HandleOtherwise, 5), .. Repeat(Plan.SupplementLapse, 3)]);
        var enterprise = Shuffle(random, Enumerable.Range(0, plans.Count).ToList()).Take(Math.Clamp(enterpriseRelated, 0, plans.Count)).ToHashSet();
        var cases = new List<ReconsiderationCase>();
        foreach (var (county, k) in counties.Select((c, k) => (c, k)))
        {
            var mine = Enumerable.Range(0, plans.Count).Where(i => i % counties.Count == k).ToList();
            var received = mine.ToDictionary(i => i, i => RandomWorkingDay(random, calendar, new DateOnly(2023, 1, 3), plans[i] <= Plan.SupplementLapse ? new DateOnly(2023, 12, 20) : new DateOnly(2023, 10, 20)));
            var prefix = CaseNumbers.Prefix(county);
            foreach (var (i, n) in mine.OrderBy(i => received[i]).ThenBy(i => i).Select((i, n) => (i, n)))
            {
                var channel = random.Next(100) < 12 ? ApplicationChannel.Online : random.Next(10) < 6 ? ApplicationChannel.InPerson : ApplicationChannel.Post;
                cases.Add(Build(random, calendar, agencies, county.Id, CaseNumbers.Format(prefix, 2023, n + 1), received[i], channel, plans[i],
                    place: AgencyPlace(county), enterprise: enterprise.Contains(i)));
            }
        }

        RecordPerformance(new Random(2078), cases, calendar);
        db.ReconsiderationCases.AddRange(cases);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The place name county agencies carry: 江门市蓬江区 for a district, 台山市 for a county-level city.</summary>
    private static string AgencyPlace(Domain.Organization.Unit county)
    {
        var place = county.Name.Replace("司法局", string.Empty, StringComparison.Ordinal);
        return place.EndsWith('区') ? "江门市" + place : place;
    }

    /// <summary>The agency of a place that corresponds to a city agency (江门市市场监督管理局 → 台山市市场监督管理局), with its superior.</summary>
    private static (string Name, string Superior) LocalAgency(string cityAgency, string? place)
    {
        if (place is null)
        {
            return AgencyList.Single(a => a.Name == cityAgency);
        }

        if (cityAgency.EndsWith("区人民政府", StringComparison.Ordinal))
        {
            return (place + "人民政府", "江门市人民政府");
        }

        var name = cityAgency.Replace("江门市", place, StringComparison.Ordinal).Replace("支队", "大队", StringComparison.Ordinal);
        return (name, name.Contains("交通警察", StringComparison.Ordinal) ? place + "公安局" : place + "人民政府");
    }

    private static CaseDocument AcceptanceNotice(string number) => new(number.Replace("府复", "府复受", StringComparison.Ordinal), "行政复议受理通知书");

    private static string Requests(MatterCategory matter, string act) => matter switch
    {
        MatterCategory.Inaction => "确认被申请人未履行法定职责违法，并责令被申请人依法履行。",
        MatterCategory.InformationDisclosure => "撤销被申请人作出的政府信息公开申请答复书，责令被申请人重新答复。",
        _ => $"撤销被申请人作出的{act}。",
    };

    private static (MatterCategory Matter, int Weight, string[] Respondents, string Act) PickMatter(Random random)
    {
        var roll = random.Next(Matters.Sum(m => m.Weight));
        foreach (var m in Matters)
        {
            if (roll < m.Weight)
            {
                return m;
            }

            roll -= m.Weight;
        }

        return Matters[^1];
    }

    private static (string Name, string IdNumber, string Phone, string Address) Applicant(Random random, ApplicantKind kind)
    {
        var phone = "1" + Pick(random, "35", "37", "38", "39", "58", "59", "88", "36") + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var address = $"江门市{Districts[random.Next(Districts.Length)]}{Roads[random.Next(Roads.Length)]}{random.Next(1, 300)}号";
        if (kind == ApplicantKind.Citizen)
        {
            var birth = new DateOnly(1955, 1, 1).AddDays(random.Next(0, 45 * 365));
            var first17 = AreaCodes[random.Next(AreaCodes.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            return (PersonName(random), first17 + ResidentIdNumber.ComputeCheckCharacter(first17), phone, address);
        }

        var orgCode = new string([.. Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Charset[random.Next(UnifiedSocialCreditCode.Charset.Length)])]);
        var code17 = "91" + AreaCodes[random.Next(AreaCodes.Length)] + orgCode;
        var name = $"江门市{CompanyWords[random.Next(CompanyWords.Length)]}{Industries[random.Next(Industries.Length)]}有限公司";
        return (name, code17 + UnifiedSocialCreditCode.ComputeCheckCharacter(code17), "0750-" + random.Next(3_000_000, 3_999_999).ToString(CultureInfo.InvariantCulture), address);
    }

    private static string PersonName(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + (random.Next(3) == 0 ? string.Empty : GivenChars[random.Next(GivenChars.Length)]);

    private static DateOnly RandomWorkingDay(Random random, WorkdayCalendar calendar, DateOnly from, DateOnly to) =>
        OnOrBeforeWorkingDay(calendar, from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1)), from);

    private static DateOnly OnOrBeforeWorkingDay(WorkdayCalendar calendar, DateOnly day, DateOnly? notBefore = null)
    {
        var d = day;
        while (!calendar.IsWorkingDay(d))
        {
            d = d.AddDays(-1);
        }

        return notBefore is { } floor && d < floor ? calendar.OnOrNextWorkingDay(floor) : d;
    }

    /// <summary>The office's local time (UTC+8) on the day.</summary>
    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static IEnumerable<Plan> Repeat(Plan plan, int count) => Enumerable.Repeat(plan, count);

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
