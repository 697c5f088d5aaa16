using System.Globalization;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Reconsideration;

namespace Jixiao.Features.Demo.Scale;

/// <summary>A unit of the generated tree as the generators use it: its id, names, handlers, agencies and courts.</summary>
internal sealed class GeneratedUnit
{
    public required int Id { get; init; }

    public required ProvinceUnits.Planned Plan { get; init; }

    /// <summary>The prefix of its reconsideration case numbers (江府复), unique among the units.</summary>
    public required string CasePrefix { get; init; }

    public required CaseActor[] Handlers { get; init; }

    public required CaseActor Head { get; init; }

    /// <summary>The agencies whose acts it reviews, by <see cref="CaseGenerator.Agency"/>.</summary>
    public required string[] Agencies { get; init; }

    /// <summary>The six-digit area code for applicants' ID numbers.</summary>
    public required string AreaCode { get; init; }
}

/// <summary>
/// Builds reconsideration and litigation cases through the domain entities, with the distributions of a province's
/// caseload: matters, channels, applicants, outcomes (most decisions uphold or dismiss, about 12 % correct the act,
/// a quarter end in mediation, settlement or withdrawal, 4 % end before acceptance), durations (most closed within the
/// 60 days, some suspended or extended, a few late) and the cases still open at the end of the period. Every move goes
/// through the entity, so the invariants the product relies on hold.
/// </summary>
internal sealed class CaseGenerator(Random random, WorkdayCalendar calendar, DateOnly end)
{
    /// <summary>The kinds of agency a unit's cases are against: departments, then the people's government (index 9).</summary>
    public enum Agency
    {
        Police, Market, NaturalResources, HumanResources, UrbanManagement, Housing, Environment, Transport, Medical, Government,
    }

    public static readonly string[] Departments =
        ["公安局", "市场监督管理局", "自然资源局", "人力资源和社会保障局", "城市管理和综合执法局", "住房和城乡建设局", "生态环境局", "交通运输局", "医疗保障局"];

    public static readonly string[] ProvinceDepartments =
        ["广东省公安厅", "广东省市场监督管理局", "广东省自然资源厅", "广东省人力资源和社会保障厅", "广东省住房和城乡建设厅", "广东省住房和城乡建设厅", "广东省生态环境厅", "广东省交通运输厅", "广东省医疗保障局"];

    public static readonly string[] Surnames = ["陈", "李", "黄", "梁", "张", "吴", "林", "谭", "冯", "区", "余", "甄", "关", "伍", "刘", "何", "杨", "周", "郑", "叶", "邓", "赵", "许", "司徒", "钟", "罗", "蔡", "曾", "彭", "苏", "卢", "谢", "朱", "郭", "温", "潘"];

    public static readonly string[] GivenChars = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "志", "建", "国", "文", "辉", "健", "俊", "嘉", "欣", "婷", "雪", "梅", "浩", "宇", "锦", "泽", "荣", "坚", "耀", "棠", "彩", "凤", "炳", "展", "颖"];

    private static readonly string[] CompanyWords = ["恒达", "粤顺", "新侨", "联兴", "华美", "泰和", "嘉信", "骏达", "锦程", "宏图", "南粤", "金穗", "银洲", "珠江", "岭南", "海晟", "信诚", "汇通"];
    private static readonly string[] Industries = ["贸易", "五金制品", "食品", "物流", "建材", "电子科技", "餐饮管理", "房地产开发", "纺织", "机电设备", "家具", "陶瓷"];
    private static readonly string[] Roads = ["建设路", "人民路", "解放路", "中山路", "迎宾大道", "环城路", "发展大道", "东风路", "新华路", "滨江路", "朝阳路", "文化路"];
    private static readonly string[] Towns = ["城关", "东城", "西城", "南城", "北城", "新城", "沙田", "石湾", "龙江", "大沙", "塘口", "水口"];

    /// <summary>Matters (of 100), the agencies typically answering for them, and the act contested.</summary>
    private static readonly (MatterCategory Matter, int Weight, Agency[] Agencies, string Act)[] Matters =
    [
        (MatterCategory.AdministrativePenalty, 31, [Agency.Police, Agency.Market, Agency.UrbanManagement, Agency.Environment, Agency.Transport], "行政处罚决定书"),
        (MatterCategory.InformationDisclosure, 17, [Agency.NaturalResources, Agency.Housing, Agency.Government], "政府信息公开申请答复书"),
        (MatterCategory.ComplaintHandling, 12, [Agency.Market, Agency.Medical], "投诉举报处理告知书"),
        (MatterCategory.Confirmation, 8, [Agency.HumanResources], "不予认定工伤决定书"),
        (MatterCategory.Enforcement, 6, [Agency.UrbanManagement, Agency.Environment], "查封扣押决定书"),
        (MatterCategory.Inaction, 6, [Agency.Police, Agency.Housing], "未履行法定职责"),
        (MatterCategory.Expropriation, 5, [Agency.Government], "房屋征收补偿决定书"),
        (MatterCategory.Licensing, 5, [Agency.Transport, Agency.Housing], "不予行政许可决定书"),
        (MatterCategory.TitleDetermination, 4, [Agency.Government, Agency.NaturalResources], "土地权属争议处理决定书"),
        (MatterCategory.Other, 6, [Agency.Medical, Agency.HumanResources], "行政行为"),
    ];

    /// <summary>Outcomes of accepted cases (of 1000): 维持/驳回 58 %, 纠错 12 %, 调解/和解/撤回 26 %, 终止 and 驳回申请 4 %.</summary>
    private static readonly (ReconsiderationOutcome Outcome, int Weight)[] OutcomeWeights =
    [
        (ReconsiderationOutcome.Uphold, 520), (ReconsiderationOutcome.DismissClaim, 60),
        (ReconsiderationOutcome.Revoke, 30), (ReconsiderationOutcome.RevokePartly, 8), (ReconsiderationOutcome.RevokeAndRedo, 22),
        (ReconsiderationOutcome.ConfirmIllegal, 40), (ReconsiderationOutcome.Vary, 10), (ReconsiderationOutcome.OrderPerformance, 10),
        (ReconsiderationOutcome.MediationStatement, 90), (ReconsiderationOutcome.SettlementWithdrawal, 80), (ReconsiderationOutcome.Withdrawal, 90),
        (ReconsiderationOutcome.OtherTermination, 20), (ReconsiderationOutcome.DismissApplication, 20),
    ];

    private static readonly (FirstInstanceOutcome Outcome, int Weight)[] FirstInstanceWeights =
    [
        (FirstInstanceOutcome.DismissClaim, 580), (FirstInstanceOutcome.RulingAllowWithdrawal, 220), (FirstInstanceOutcome.RulingDismissSuit, 60),
        (FirstInstanceOutcome.Revoke, 70), (FirstInstanceOutcome.ConfirmIllegal, 45), (FirstInstanceOutcome.ConfirmVoid, 3), (FirstInstanceOutcome.Vary, 2),
        (FirstInstanceOutcome.OrderPerformance, 8), (FirstInstanceOutcome.Mediation, 5), (FirstInstanceOutcome.DismissCompensation, 7),
    ];

    private readonly int matterTotal = Matters.Sum(m => m.Weight);
    private readonly int outcomeTotal = OutcomeWeights.Sum(o => o.Weight);
    private readonly int firstInstanceTotal = FirstInstanceWeights.Sum(o => o.Weight);

    /// <summary>The agency names of a unit's place, by <see cref="Agency"/>.</summary>
    public static string[] AgenciesOf(ProvinceUnits.Planned unit, Random random)
    {
        if (unit.Level == Domain.Organization.UnitLevel.Province)
        {
            var city = ProvinceUnits.Cities[random.Next(ProvinceUnits.Cities.Count)];
            return [.. ProvinceDepartments, city.Name + "人民政府"];
        }

        var government = unit.Level == Domain.Organization.UnitLevel.County
            ? $"{unit.Place}{Towns[random.Next(Towns.Length)]}镇人民政府"
            : unit.Place + "人民政府";
        return [.. Departments.Select(d => unit.Place + d), government];
    }

    public static string PersonName(Random random) =>
        Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + (random.Next(3) == 0 ? string.Empty : GivenChars[random.Next(GivenChars.Length)]);

    /// <summary>A random working day of the year, not after the end of the period.</summary>
    public DateOnly WorkingDayIn(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31) < end ? new DateOnly(year, 12, 31) : end;
        var day = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(day < last ? 1 : -1);
        }

        return day;
    }

    /// <summary>A reconsideration case received on <paramref name="received"/>, carried as far as the end of the period allows.</summary>
    public ReconsiderationCase Reconsideration(GeneratedUnit unit, string number, DateOnly received)
    {
        var handler = unit.Handlers[random.Next(unit.Handlers.Length)];
        var (matter, _, agencies, actName) = PickMatter();
        var respondent = unit.Agencies[(int)agencies[random.Next(agencies.Length)]];
        var roll = random.Next(100);
        var kind = roll < 12 ? ApplicantKind.Enterprise : roll < 14 ? ApplicantKind.OtherOrganisation : ApplicantKind.Citizen;
        var channel = random.Next(100) switch { < 35 => ApplicationChannel.Online, < 75 => ApplicationChannel.InPerson, _ => ApplicationChannel.Post };
        var applicant = Applicant(kind, unit);
        var actNumber = $"{respondent[..Math.Min(2, respondent.Length)]}{(matter == MatterCategory.AdministrativePenalty ? "罚决" : "决")}〔{received.Year}〕{random.Next(10, 999)}号";
        var act = matter == MatterCategory.Inaction ? $"{respondent}未依法履行法定职责" : $"{respondent}作出的{actNumber}{actName}";
        var c = new ReconsiderationCase(unit.Id, number, received, matter, channel, kind, applicant.Name, respondent, handler, At(received, 9 + random.Next(2)));
        c.RecordParticulars(new ApplicationParticulars(
            kind == ApplicantKind.Citizen ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode, applicant.IdNumber, applicant.Phone, applicant.Address,
            random.Next(10) < 3 ? $"广东{CompanyWords[random.Next(CompanyWords.Length)]}律师事务所 {PersonName(random)}" : null,
            kind == ApplicantKind.Enterprise || random.Next(100) < 4, Requests(matter, actName), act, null), received);

        var review = Later(received, 1 + random.Next(4));
        var pre = random.Next(1000);
        if (pre < 40)
        {
            EndBeforeAcceptance(c, unit, handler, number, review, pre);
            return c;
        }

        if (random.Next(100) < 7)
        {
            if (review > end)
            {
                return c;
            }

            c.RequestSupplement("申请书未载明具体的行政复议请求；缺少被申请复议的行政行为的文书复印件", handler, At(review, 10),
                new(number.Replace("府复", "府复补", StringComparison.Ordinal), "补正通知书"));
            var supplied = Later(review, 3 + random.Next(8));
            if (supplied > end)
            {
                return c;
            }

            c.ReceiveSupplement(handler, At(supplied, 10), new(null, "补正材料"));
            review = Later(supplied, 1 + random.Next(3));
        }

        if (review > end)
        {
            return c;
        }

        var summary = random.Next(100) < 20;
        c.Accept(summary ? Procedure.Summary : Procedure.Ordinary, handler, At(review, 11), new(number.Replace("府复", "府复受", StringComparison.Ordinal), "行政复议受理通知书"));
        var copied = Later(review, 1 + random.Next(summary ? 2 : 5));
        if (copied > end)
        {
            return c;
        }

        c.SendCopyToRespondent(handler, At(copied, 11), new(null, "行政复议申请书副本发送通知书"));
        var answered = Later(copied, (summary ? 2 : 3) + random.Next(summary ? 3 : 7));
        if (answered > end)
        {
            return c;
        }

        c.RecordAnswer(handler, At(answered, 15), new(null, "行政复议答复书及证据材料"));
        var outcome = PickOutcome();
        var cursor = answered;
        var planned = summary ? review.AddDays(10 + random.Next(18)) : review.AddDays(20 + random.Next(38));
        var late = random.Next(1000) < 15;
        if (!summary && random.Next(100) < 4)
        {
            var noticed = Later(cursor, 1);
            var hearing = calendar.OnOrNextWorkingDay(noticed.AddDays(7 + random.Next(8)));
            if (noticed > end)
            {
                return c;
            }

            c.ScheduleHearing(hearing, handler, At(noticed, 14), new(null, "听证通知书"));
            if (hearing > end)
            {
                return c;
            }

            c.HoldHearing(handler, At(hearing, 9), new(null, "听证笔录"));
            cursor = hearing;
        }

        if (random.Next(100) < 5)
        {
            var suspended = Later(cursor, 2);
            if (suspended > end)
            {
                return c;
            }

            var ground = outcome is ReconsiderationOutcome.MediationStatement or ReconsiderationOutcome.SettlementWithdrawal
                ? SuspensionGround.MediationOrSettlement
                : random.Next(2) == 0 ? SuspensionGround.DependsOnOtherCase : SuspensionGround.Other;
            c.Suspend(ground, handler, At(suspended, 11), new(null, "行政复议中止通知书"));
            var length = 10 + random.Next(31);
            var resumed = calendar.Covers(suspended.AddDays(length + 10)) ? calendar.OnOrNextWorkingDay(suspended.AddDays(length)) : DateOnly.MaxValue;
            if (resumed > end)
            {
                return c;
            }

            c.Resume(handler, At(resumed, 10), new(null, "行政复议恢复审理通知书"));
            planned = planned.AddDays(resumed.DayNumber - suspended.DayNumber);
            cursor = resumed;
        }

        if (!summary && !late && random.Next(100) < 8)
        {
            var extended = Later(review.AddDays(44 + random.Next(8)), 0);
            if (extended > cursor && extended <= review.AddDays(55))
            {
                if (extended > end)
                {
                    return c;
                }

                c.Extend(30, unit.Head, calendar, handler, At(extended, 16), new(null, "行政复议延期审理通知书"));
                planned = review.AddDays(62 + random.Next(24));
                cursor = extended;
            }
        }
        else if (late && !summary)
        {
            planned = review.AddDays(63 + random.Next(18));
        }

        if (outcome == ReconsiderationOutcome.MediationStatement || outcome == ReconsiderationOutcome.SettlementWithdrawal)
        {
            var met = Later(cursor, 1 + random.Next(3));
            if (met > end)
            {
                return c;
            }

            if (outcome == ReconsiderationOutcome.MediationStatement)
            {
                c.Mediate(handler, At(met, 14), null, "组织双方当事人调解");
            }
            else
            {
                c.RecordSettlement(handler, At(met, 14), null, "双方自愿达成和解");
            }

            cursor = met;
        }

        var closed = Max(calendar.Covers(planned) ? calendar.OnOrNextWorkingDay(planned) : DateOnly.MaxValue, Later(cursor, 1));
        if (closed > end)
        {
            return c;
        }

        c.Close(outcome, handler, At(closed, 16), new(number, Outcomes.DocumentTitle(outcome)));
        if (Outcomes.RequiresPerformance(outcome) && random.Next(100) < 90)
        {
            var set = Later(closed, 1);
            if (set > end)
            {
                return c;
            }

            c.SetPerformanceDue(closed.AddDays(30 + random.Next(31)), handler, At(set, 9),
                outcome == ReconsiderationOutcome.MediationStatement ? "按调解书约定的期限履行" : $"{Outcomes.DocumentTitle(outcome)}限期履行");
            var performed = Later(closed, 5 + random.Next(20));
            if (performed <= end)
            {
                c.RecordPerformed(performed, outcome == ReconsiderationOutcome.MediationStatement ? "双方已按调解书履行完毕" : "被申请人已履行并书面报告", handler, At(performed, 15));
            }
        }

        return c;
    }

    /// <summary>A first-instance lawsuit filed on <paramref name="filed"/> against an agency of the unit's area.</summary>
    public LitigationCase Litigation(GeneratedUnit unit, DateOnly filed, Func<(string Name, string Code), int, string> number)
    {
        var agency = random.Next(100) switch
        {
            < 14 => Agency.Government,
            < 34 => Agency.Police,
            < 50 => Agency.NaturalResources,
            < 62 => Agency.HumanResources,
            < 72 => Agency.UrbanManagement,
            < 80 => Agency.Market,
            < 88 => Agency.Housing,
            < 93 => Agency.Environment,
            < 97 => Agency.Transport,
            _ => Agency.Medical,
        };
        var defendant = unit.Agencies[(int)agency];
        var court = defendant.EndsWith("人民政府", StringComparison.Ordinal) ? unit.Plan.Intermediate : unit.Plan.Court;
        var plaintiff = random.Next(10) < 8 ? PersonName(random) : $"{unit.Plan.Place}{CompanyWords[random.Next(CompanyWords.Length)]}{Industries[random.Next(Industries.Length)]}有限公司";
        var received = Weekday(filed.AddDays(2 + random.Next(5)));
        var caseNumber = number(court, filed.Year);
        var c = new LitigationCase(unit.Id, court.Name, caseNumber, LitigationInstance.First, plaintiff, defendant,
            reconsiderationCoDefendant: random.Next(10) == 0, filed, received, summaryProcedure: random.Next(10) == 0);
        var defence = Weekday(received.AddDays(5 + random.Next(10)));
        if (defence <= end && random.Next(100) >= 2)
        {
            c.SubmitDefence(defence);
        }

        var outcome = PickFirstInstance();
        var concluded = Weekday(filed.AddDays(40 + random.Next(100) + random.Next(80)));
        var earliestHearing = received.AddDays(16);
        if (concluded > end)
        {
            var heard = Weekday(earliestHearing.AddDays(random.Next(40)));
            if (heard <= end && random.Next(2) == 0)
            {
                Hearing(c, heard, LitigationInstance.First, null);
            }

            return c;
        }

        var hearings = outcome switch
        {
            FirstInstanceOutcome.RulingDismissSuit => 0,
            FirstInstanceOutcome.RulingAllowWithdrawal => random.Next(10) < 3 ? 1 : 0,
            _ => random.Next(10) == 0 ? 2 : 1,
        };
        var first = Max(earliestHearing, concluded.AddDays(-10 - random.Next(15)));
        for (var h = 0; h < hearings; h++)
        {
            var on = Weekday(h == 0 ? first : Max(earliestHearing, first.AddDays(-20)));
            Hearing(c, on > concluded ? concluded : on, LitigationInstance.First, null);
        }

        var served = Weekday(concluded.AddDays(3 + random.Next(6)));
        c.RecordJudgment(outcome, concluded, caseNumber, served <= end ? served : null);
        if (served > end || !(outcome == FirstInstanceOutcome.DismissClaim || LitigationOutcomes.IsAgencyChanged(outcome)) || random.Next(100) >= 30)
        {
            return c;
        }

        var appealed = Weekday(served.AddDays(5 + random.Next(8)));
        if (appealed > end)
        {
            return c;
        }

        c.RecordAppeal(appealed, LitigationOutcomes.IsAgencyChanged(outcome) ? defendant : plaintiff);
        var heardOn = Weekday(appealed.AddDays(25 + random.Next(26)));
        if (heardOn > end)
        {
            return c;
        }

        Hearing(c, heardOn, LitigationInstance.Second, unit.Plan.Intermediate.Name);
        var decided = Weekday(heardOn.AddDays(15 + random.Next(41)));
        if (decided <= end)
        {
            var roll = random.Next(100);
            c.RecordSecondInstance(roll < 88 ? SecondInstanceOutcome.Uphold : roll < 95 ? SecondInstanceOutcome.Revise : SecondInstanceOutcome.Remand, decided);
        }

        return c;
    }

    private void Hearing(LitigationCase c, DateOnly on, LitigationInstance instance, string? court)
    {
        var government = c.Defendant.EndsWith("人民政府", StringComparison.Ordinal);
        if (random.Next(100) < 96)
        {
            c.RecordHearing(on, court, instance, headAppeared: true, $"{PersonName(random)}（{(government ? "副区（县、市）长" : "副局长")}）", null);
        }
        else
        {
            c.RecordHearing(on, court, instance, headAppeared: false, null, $"法制工作机构负责人{PersonName(random)}（负责人因公出差，书面请假）");
        }
    }

    private void EndBeforeAcceptance(ReconsiderationCase c, GeneratedUnit unit, CaseActor handler, string number, DateOnly review, int roll)
    {
        if (review > end)
        {
            return;
        }

        switch (roll)
        {
            case < 16:
                c.Refuse(Pick("申请超过法定申请期限且无正当理由", "申请人与被申请复议的行政行为没有利害关系", "申请事项不属于行政复议范围", "已就同一事项向人民法院提起行政诉讼"),
                    handler, At(review, 10), new(number.Replace("府复", "府复不受", StringComparison.Ordinal), "不予受理决定书"));
                break;
            case < 28:
                c.Inform(Pick("告知申请人就民事纠纷向人民法院提起诉讼", "告知申请人通过信访途径反映诉求", "告知申请人向劳动人事争议仲裁委员会申请仲裁"), handler, At(review, 10), new(null, "告知书"));
                break;
            case < 33:
                c.HandleOtherwise("属于信访事项，转信访部门按信访程序处理", handler, At(review, 10));
                break;
            case < 36:
                c.Transfer(unit.Agencies[(int)Agency.Government].Replace("人民政府", "人民政府行政复议机构", StringComparison.Ordinal), handler, At(review, 10), new(null, "行政复议申请转送函"));
                break;
            default:
                c.RequestSupplement("申请书未载明申请人的基本情况和具体的行政复议请求", handler, At(review, 10), new(number.Replace("府复", "府复补", StringComparison.Ordinal), "补正通知书"));
                var lapsed = Later(review, 11 + random.Next(3));
                if (lapsed <= end)
                {
                    c.LapseSupplement(calendar, handler, At(lapsed, 10));
                }

                break;
        }
    }

    private (string Name, string IdNumber, string Phone, string Address) Applicant(ApplicantKind kind, GeneratedUnit unit)
    {
        var address = $"{unit.Plan.Place}{Roads[random.Next(Roads.Length)]}{random.Next(1, 300)}号";
        if (kind == ApplicantKind.Citizen)
        {
            var phone = "1" + Pick("35", "37", "38", "39", "58", "59", "88", "36") + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 50 * 365));
            var first17 = unit.AreaCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            return (PersonName(random), first17 + ResidentIdNumber.ComputeCheckCharacter(first17), phone, address);
        }

        var orgCode = new string([.. Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Charset[random.Next(UnifiedSocialCreditCode.Charset.Length)])]);
        var code17 = (kind == ApplicantKind.Enterprise ? "91" : "52") + unit.AreaCode + orgCode;
        var name = kind == ApplicantKind.Enterprise
            ? $"{unit.Plan.Place}{CompanyWords[random.Next(CompanyWords.Length)]}{Industries[random.Next(Industries.Length)]}有限公司"
            : $"{unit.Plan.Place}{CompanyWords[random.Next(CompanyWords.Length)]}{Pick("行业协会", "商会", "业主委员会", "慈善会")}";
        return (name, code17 + UnifiedSocialCreditCode.ComputeCheckCharacter(code17), "0" + random.Next(200, 999).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(2_000_000, 8_999_999).ToString(CultureInfo.InvariantCulture), address);
    }

    private static string Requests(MatterCategory matter, string act) => matter switch
    {
        MatterCategory.Inaction => "确认被申请人未履行法定职责违法，并责令被申请人依法履行。",
        MatterCategory.InformationDisclosure => "撤销被申请人作出的政府信息公开申请答复书，责令被申请人重新答复。",
        _ => $"撤销被申请人作出的{act}。",
    };

    private (MatterCategory Matter, int Weight, Agency[] Agencies, string Act) PickMatter()
    {
        var roll = random.Next(matterTotal);
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

    private ReconsiderationOutcome PickOutcome()
    {
        var roll = random.Next(outcomeTotal);
        foreach (var (outcome, weight) in OutcomeWeights)
        {
            if (roll < weight)
            {
                return outcome;
            }

            roll -= weight;
        }

        return ReconsiderationOutcome.Uphold;
    }

    private FirstInstanceOutcome PickFirstInstance()
    {
        var roll = random.Next(firstInstanceTotal);
        foreach (var (outcome, weight) in FirstInstanceWeights)
        {
            if (roll < weight)
            {
                return outcome;
            }

            roll -= weight;
        }

        return FirstInstanceOutcome.DismissClaim;
    }

    /// <summary>Working days later; a day past the calendar's last year counts as after the end of the period.</summary>
    private DateOnly Later(DateOnly day, int workingDays) =>
        calendar.Covers(day) && calendar.Covers(day.AddDays((workingDays * 2) + 20))
            ? workingDays == 0 ? calendar.OnOrNextWorkingDay(day) : calendar.AddWorkingDays(day, workingDays)
            : DateOnly.MaxValue;

    private DateOnly Weekday(DateOnly day)
    {
        if (day > end)
        {
            return day;
        }

        var d = day;
        while (calendar.Covers(d) ? !calendar.IsWorkingDay(d) : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The office's local time (UTC+8) on the day.</summary>
    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
}
