using Jixiao.Domain.Activities;
using Jixiao.Domain.Rectification;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo activity and rectification registers of 江门市司法局 (440700) and its county bureaus for 2023, giving the
/// seed figures (seed-figures.md, issue 6): 4 reconsideration open days; 65 consultations of the reconsideration
/// committee city-wide (23 by the city bureau, the rest by the seven county bureaus: 咨询论证 activities per unit);
/// 4 dedicated meetings of the city committee, 10 written instructions, 12 training lectures; the second
/// “十大法治惠民实事项目” selection with 34 candidates and 10 selected; the road-traffic enforcement campaign with its
/// problem leads; the 3 problems found and 3 rectified in the quality-improvement year. A few open items with deadlines
/// around today keep the warnings live. Running it again replaces its own records.
/// </summary>
public sealed class RegistersDemo(IDbContextFactory<JixiaoDbContext> dbFactory, TimeProvider clock)
{
    private static readonly DateOnly First = new(2023, 1, 1);
    private static readonly DateOnly Last = new(2023, 12, 31);

    /// <summary>Consultations of the reconsideration committee per unit: 65 in all.</summary>
    public static readonly IReadOnlyList<(string Unit, int Count)> Consultations =
    [
        (DemoData.CityBureau, 23), ("440703", 8), ("440704", 5), ("440705", 9), ("440781", 6), ("440783", 5), ("440784", 5), ("440785", 4),
    ];

    private static readonly string[] LiveProblems =
    [
        "行政复议案件卷宗电子化归档不及时，部分已结案件未在结案后30日内归档",
        "行政复议决定书履行情况跟踪台账未按月更新",
        "复议听证室录音录像设备故障，未及时报修",
    ];

    private static readonly string[] CandidateProjects =
    [
        "“粤执法”平台市县镇三级全覆盖应用", "镇街综合行政执法标准化建设", "涉侨涉外商事纠纷“调解-仲裁-诉讼”衔接机制", "“大桥经济”特色普法行动",
        "公共法律服务“半小时服务圈”", "行政复议“掌上申请”服务", "电梯加装纠纷“双调解”机制", "法律援助“免审查”快速通道",
        "“法治体检”进民营企业", "农村“法律明白人”培养工程", "侨乡法治文化公园建设", "“1+6+N”基层社会治理工作体系",
        "非现场执法监测点规范化建设", "网约车经营服务管理实施细则修订", "疑难交通事故案件复核规范", "人民调解“以案定补”机制",
        "社区矫正智慧管控平台", "青少年法治教育实践基地", "知识产权纠纷多元化解中心", "行政执法“首违不罚”清单",
        "劳动争议“裁审衔接”工作机制", "村（社区）法律顾问全覆盖提质", "老年人法律服务绿色通道", "“法治园区”共建行动",
        "政务服务“一网通办”法治保障", "新就业形态劳动者权益保障法律服务", "物业纠纷联调机制", "“律师进村居”驻点服务",
        "禁毒法治宣传教育“五进”活动", "生态环境损害赔偿磋商机制", "历史文化街区保护立法调研", "“无证明城市”建设",
        "校园周边安全综合执法", "涉企行政合规指导清单",
    ];

    private static readonly string[] Reviewers = ["周国华", "林志强", "黄淑贞", "梁家明", "陈耀祖", "司徒敏", "伍泽文"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = DemoData.Units.Where(u => u.Code == DemoData.CityBureau || u.Parent == DemoData.CityBureau).Select(u => u.Code).ToList();
        var units = await db.Units.IgnoreQueryFilters().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var unitIds = units.Values.ToList();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        db.RectificationItems.RemoveRange(await db.RectificationItems.IgnoreQueryFilters()
            .Where(r => unitIds.Contains(r.UnitId) && ((r.FoundOn >= First && r.FoundOn <= Last) || LiveProblems.Contains(r.Problem)))
            .ToListAsync(cancellationToken));
        db.Activities.RemoveRange(await db.Activities.IgnoreQueryFilters().Include(a => a.Candidates)
            .Where(a => unitIds.Contains(a.UnitId) && a.HeldOn >= First && a.HeldOn <= Last).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var kinds = await db.ActivityKinds.Where(k => k.Code != null).ToDictionaryAsync(k => k.Code!, cancellationToken);
        var city = units[DemoData.CityBureau];
        void Add(string unit, string kind, DateOnly on, string title, int? participants = null, string? with = null, string? description = null) =>
            db.Activities.Add(new Activity(units[unit], kinds[kind], new ActivityDetails(on, title, participants, with, description)));

        // 4 reconsideration open days (江门市复议办举办4次行政复议开放日活动).
        var openDays = new[] { new DateOnly(2023, 3, 23), new DateOnly(2023, 6, 15), new DateOnly(2023, 9, 21), new DateOnly(2023, 11, 30) };
        for (var i = 0; i < openDays.Length; i++)
        {
            Add(DemoData.CityBureau, "open_day", openDays[i], $"2023年第{i + 1}期行政复议开放日暨公开听证观摩活动", 30 + 5 * i,
                "市直机关执法部门、行政复议委员会委员", "邀请市直机关执法部门工作人员、复议委员会委员观摩听证");
        }

        // 65 consultations of the reconsideration committee city-wide.
        var matters = new[] { "工伤认定", "政府信息公开", "房屋征收补偿", "行政处罚", "土地权属争议", "加装电梯规划许可", "不履行法定职责", "行政强制" };
        foreach (var (unit, count) in Consultations)
        {
            var name = DemoData.Units.First(u => u.Code == unit).ShortName;
            for (var i = 0; i < count; i++)
            {
                var on = new DateOnly(2023, 1 + (i * 12 / count), 5 + (i * 7 % 20));
                Add(unit, "consultation", on, $"{name}就{matters[(i + unit.Length) % matters.Length]}类重大疑难案件征求行政复议委员会咨询意见", 5 + (i % 4),
                    "行政复议委员会委员");
            }
        }

        // 4 dedicated meetings of the city committee (市委常委会会议、市委全面依法治市委员会会议4次专题研究部署法治建设工作).
        Add(DemoData.CityBureau, "meeting", new DateOnly(2023, 2, 24), "市委全面依法治市委员会第六次会议", 45, "市委全面依法治市委员会成员单位", "审议2023年法治江门建设工作要点");
        Add(DemoData.CityBureau, "meeting", new DateOnly(2023, 5, 12), "市委常委会会议专题研究法治建设工作", 20, "市委常委", "听取2022年度法治江门建设考评情况汇报");
        Add(DemoData.CityBureau, "meeting", new DateOnly(2023, 8, 29), "市委常委会会议专题听取法治广东建设考评迎检工作汇报", 20, "市委常委");
        Add(DemoData.CityBureau, "meeting", new DateOnly(2023, 12, 19), "市委全面依法治市委员会第七次会议", 48, "市委全面依法治市委员会成员单位", "部署法治建设“述、评、督、考、责”联动机制先行试点");

        // 10 written instructions of the city's principal leader on rule-of-law work.
        var instructions = new[]
        {
            "关于2022年度法治广东建设考评结果的批示", "关于法治建设“述、评、督、考、责”联动机制先行试点的批示", "关于行政复议体制改革工作情况的批示",
            "关于道路交通安全和运输执法领域突出问题专项整治的批示", "关于“十大法治惠民实事项目”评选工作的批示", "关于镇街综合行政执法标准化试点的批示",
            "关于市县法治建设规范化先行点建设的批示", "关于涉外法治工作的批示", "关于法治化营商环境建设的批示", "关于2023年度法治江门建设考评工作的批示",
        };
        for (var i = 0; i < instructions.Length; i++)
        {
            Add(DemoData.CityBureau, "instruction", new DateOnly(2023, 1 + i, 10 + i), "市委主要负责同志" + instructions[i]);
        }

        // 12 training lectures (“习近平法治思想+实务培训”讲座).
        var topics = new[] { "行政执法程序规范", "行政复议法新修订解读", "行政诉讼应诉实务", "规范性文件合法性审核", "法治化营商环境", "涉外法治",
            "重大行政决策程序", "行政协议纠纷处理", "公平竞争审查", "信息公开实务", "行政处罚裁量基准", "基层依法治理" };
        for (var i = 0; i < topics.Length; i++)
        {
            Add(DemoData.CityBureau, "training", new DateOnly(2023, 1 + i, 26), $"“习近平法治思想+实务培训”讲座第{i + 1}期：{topics[i]}", 120 + 10 * (i % 5),
                "市直各单位、各县（市、区）");
        }

        Add(DemoData.CityBureau, "inspection", new DateOnly(2023, 10, 17), "2023年度法治政府建设实地督察", 12, "各县（市、区）人民政府");
        Add(DemoData.CityBureau, "publicity", new DateOnly(2023, 12, 4), "“宪法宣传周”主题宣传活动", 800, "市普法办成员单位");

        // The road-traffic enforcement campaign and the second livelihood-projects selection.
        var campaign = new Activity(city, kinds["campaign"], new ActivityDetails(new DateOnly(2023, 4, 10), "道路交通安全和运输执法领域突出问题专项整治", 60,
            "市公安局、市交通运输局、市城市管理和综合执法局", "对“逐利执法”、执法不规范、执法方式简单僵化等问题线索全面清理，边查边改、立行立改"));
        db.Activities.Add(campaign);
        var selection = new Activity(city, kinds["selection"], new ActivityDetails(new DateOnly(2023, 11, 8), "第二届“十大法治惠民实事项目”评选", null,
            "全市各级各部门", "向全市广泛征集法治惠民实事推荐项目，由咨询专家组成评审团审核筛选", string.Join("、", Reviewers), 10));
        var random = new Random(2023);
        foreach (var name in CandidateProjects)
        {
            selection.AddCandidate(kinds["selection"], name, DemoData.Units[8 + random.Next(7)].Name, 70m + random.Next(0, 280) / 10m);
        }

        db.Activities.Add(selection);
        await db.SaveChangesAsync(cancellationToken);
        selection.Select([.. selection.Candidates.OrderByDescending(c => c.Score).Take(10).Select(c => c.Id)]);

        // The quality-improvement year: 3 problems found, 3 rectified (100 %).
        var quality = new[]
        {
            ("部分案件听取被申请人意见笔录未由经办人签名确认", new DateOnly(2023, 4, 18), new DateOnly(2023, 6, 30)),
            ("个别行政复议决定书对证据采信理由阐述不充分", new DateOnly(2023, 6, 9), new DateOnly(2023, 8, 31)),
            ("少数案件延期审理审批表缺少负责人审批日期", new DateOnly(2023, 9, 12), new DateOnly(2023, 10, 31)),
        };
        foreach (var (problem, found, deadline) in quality)
        {
            var item = new RectificationItem(city, RectificationSource.QualityReview, found,
                new RectificationDetails(problem, "吴家豪", "jx.case", "建立问题清单，逐案复核并完善文书范本", deadline, "2023年行政复议质量提升年活动"));
            item.Start(found.AddDays(3));
            item.Complete(deadline.AddDays(-10), "已对账销号，相关卷宗补正完毕");
            item.Verify(deadline.AddDays(-3), "谭伟文", "复核通过");
            db.RectificationItems.Add(item);
        }

        // The campaign's problem leads (问题线索).
        var leads = new[]
        {
            ("非现场执法监测点设置未按规定公示", RectificationStatus.Verified),
            ("交通事故现场执法风险点缺少处置规范", RectificationStatus.Verified),
            ("网约车经营服务管理执法存在“以罚代管”倾向", RectificationStatus.Rectified),
            ("高速公路交通事故地点记录不统一", RectificationStatus.Rectified),
            ("个别执法单位罚没收入与考核挂钩", RectificationStatus.InProgress),
        };
        for (var i = 0; i < leads.Length; i++)
        {
            var found = new DateOnly(2023, 5, 8 + i * 3);
            var item = new RectificationItem(city, RectificationSource.ProblemLead, found,
                new RectificationDetails(leads[i].Item1, "谭伟文", "jx.head", "督促责任单位内部纠查，制定治本措施", new DateOnly(2023, 9, 30), $"专项整治问题线索{i + 1}"));
            item.LinkTo(null, null, null, campaign.Id);
            item.Start(found.AddDays(5));
            if (leads[i].Item2 is RectificationStatus.Rectified or RectificationStatus.Verified)
            {
                item.Complete(new DateOnly(2023, 9, 1 + i * 5), "已出台相应规范并组织培训");
            }

            if (leads[i].Item2 == RectificationStatus.Verified)
            {
                item.Verify(new DateOnly(2023, 10, 10), "谭伟文", "经复查，整改到位");
            }

            db.RectificationItems.Add(item);
        }

        // Open items with deadlines around today: one overdue, one due soon, one later.
        var live = new[] { (LiveProblems[0], -2), (LiveProblems[1], 3), (LiveProblems[2], 20) };
        foreach (var (problem, days) in live)
        {
            var item = new RectificationItem(city, RectificationSource.Inspection, today.AddDays(-30),
                new RectificationDetails(problem, "吴家豪", "jx.case", days < 0 ? "逐案清理未归档卷宗" : null, today.AddDays(days), "局内法治督察"));
            if (days < 0)
            {
                item.Start(today.AddDays(-25));
            }

            db.RectificationItems.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
