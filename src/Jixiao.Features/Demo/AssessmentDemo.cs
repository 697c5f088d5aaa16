using Jixiao.Domain.Assessment;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo rule-of-law assessment of 江门市司法局 (440700, for the 市委依法治市办): the 2023 法治江门建设考评 of the seven
/// counties by 20 assessing units over 5 sections and 46 indicators (100 points; 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60), every
/// indicator scored; the province's 优秀 grades for 2018–2022; the advisory expert pool of 12. Names of experts are
/// fictitious. Running it again removes its own records and creates them anew.
/// </summary>
public sealed class AssessmentDemo(IDbContextFactory<JixiaoDbContext> dbFactory)
{
    public const int Year = 2023;
    public const string PoolName = "江门市依法治市咨询专家库";

    public static readonly IReadOnlyList<string> Assessors =
    [
        "市委办公室", "市政府办公室", "市委组织部", "市委宣传部", "市委政法委", "市中级人民法院", "市人民检察院", "市公安局", "市司法局", "市发展和改革局",
        "市财政局", "市人力资源和社会保障局", "市自然资源局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市市场监督管理局", "市政务服务和数据管理局", "市信访局", "市城市管理和综合执法局",
    ];

    /// <summary>The sections (板块) with points and their indicators: name, points, assessing unit.</summary>
    public static readonly IReadOnlyList<(string Section, decimal Points, (string Name, decimal Points, string Assessor)[] Indicators)> Scheme =
    [
        ("法治政府建设", 35m,
        [
            ("政府机构职能依法全面履行，权责清单动态调整", 2.5m, "市政府办公室"),
            ("重大行政决策程序制度落实", 2.5m, "市司法局"),
            ("重大行政决策合法性审查全覆盖", 2.5m, "市司法局"),
            ("行政规范性文件合法性审核和备案审查", 2.5m, "市司法局"),
            ("政府法律顾问和公职律师作用发挥", 2.5m, "市司法局"),
            ("行政执法“三项制度”全面落实", 2.5m, "市司法局"),
            ("行政执法人员资格管理和培训", 2m, "市司法局"),
            ("行政复议体制改革和案件办理质量", 2m, "市司法局"),
            ("行政机关负责人出庭应诉", 2m, "市中级人民法院"),
            ("行政败诉案件数量和比例控制", 2m, "市中级人民法院"),
            ("政务公开和政府信息公开", 2m, "市政务服务和数据管理局"),
            ("“数字政府”建设和政务服务标准化", 2m, "市政务服务和数据管理局"),
            ("财政预算绩效管理", 2m, "市财政局"),
            ("生态环境领域依法行政", 2m, "市生态环境局"),
            ("自然资源和规划领域依法行政", 2m, "市自然资源局"),
            ("城市管理综合执法规范化", 2m, "市城市管理和综合执法局"),
        ]),
        ("公正执法司法", 20m,
        [
            ("司法责任制综合配套改革", 2.5m, "市委政法委"),
            ("人民法院生效裁判执行", 2.5m, "市中级人民法院"),
            ("检察机关法律监督和公益诉讼", 2.5m, "市人民检察院"),
            ("公安执法规范化建设", 2.5m, "市公安局"),
            ("涉道路交通领域执法问题专项整治", 2m, "市公安局"),
            ("交通运输领域执法规范化", 2m, "市交通运输局"),
            ("劳动保障监察和劳动争议仲裁", 2m, "市人力资源和社会保障局"),
            ("住房和城乡建设领域执法监督", 2m, "市住房和城乡建设局"),
            ("执法司法制约监督体系建设", 2m, "市委政法委"),
        ]),
        ("法治社会建设", 15m,
        [
            ("“八五”普法规划实施和“谁执法谁普法”责任制", 2.5m, "市委宣传部"),
            ("民主法治示范村（社区）创建", 2.5m, "市司法局"),
            ("公共法律服务体系建设", 2m, "市司法局"),
            ("人民调解和矛盾纠纷多元化解", 2m, "市司法局"),
            ("信访工作法治化", 2m, "市信访局"),
            ("法治惠民实事项目推进", 2m, "市司法局"),
            ("市域社会治理现代化", 2m, "市委政法委"),
        ]),
        ("法治化营商环境", 15m,
        [
            ("优化营商环境政策措施落实", 2.5m, "市发展和改革局"),
            ("公平竞争审查制度落实", 2.5m, "市市场监督管理局"),
            ("涉企行政执法“轻微免罚”清单落实", 2.5m, "市司法局"),
            ("知识产权保护", 2.5m, "市市场监督管理局"),
            ("涉企案件审判执行质效", 2.5m, "市中级人民法院"),
            ("政务诚信建设和清理拖欠企业账款", 2.5m, "市发展和改革局"),
        ]),
        ("加强法治建设组织领导", 15m,
        [
            ("党委（党组）理论学习中心组学习习近平法治思想", 2m, "市委宣传部"),
            ("党政主要负责人履行推进法治建设第一责任人职责", 2m, "市委组织部"),
            ("法治建设纳入领导班子和领导干部年度考核", 2m, "市委组织部"),
            ("党委法治建设议事协调机构运作", 2m, "市委办公室"),
            ("法治建设年度报告和述法工作", 2m, "市委办公室"),
            ("法治督察和问题整改", 2m, "市司法局"),
            ("法治建设“述、评、督、考、责”联动机制试点", 1.5m, "市委办公室"),
            ("法治工作队伍建设", 1.5m, "市委组织部"),
        ]),
    ];

    /// <summary>The seven counties in their usual order.</summary>
    public static readonly IReadOnlyList<string> Counties = ["440703", "440704", "440705", "440781", "440783", "440784", "440785"];

    private static readonly (string Name, string Organization, string Title, string Field)[] Experts =
    [
        ("梁志远", "五邑大学政法学院", "教授", "行政法"),
        ("陈慧敏", "五邑大学政法学院", "副教授", "宪法学"),
        ("黄振邦", "广东侨乡律师事务所", "主任、一级律师", "行政诉讼"),
        ("李静仪", "广东五邑律师事务所", "高级合伙人", "企业合规"),
        ("谭国华", "江门市委党校", "教授", "地方立法"),
        ("吴嘉敏", "江门职业技术学院", "副教授", "社会治理"),
        ("冯启明", "广东粤侨律师事务所", "律师", "知识产权"),
        ("余卓颖", "江门市法学会", "研究员", "法治理论"),
        ("甄伟强", "广东银洲律师事务所", "律师", "征地拆迁"),
        ("关丽华", "五邑大学经济管理学院", "教授", "营商环境"),
        ("区建文", "广东江门公证处", "公证员", "公共法律服务"),
        ("司徒雅琴", "广东新会律师事务所", "律师", "劳动和社会保障"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var city = units[DemoData.CityBureau];

        var old = await db.AssessmentSchemes.IgnoreQueryFilters().Where(s => s.UnitId == city && s.Year == Year).ToListAsync(cancellationToken);
        if (old.Count > 0)
        {
            var ids = old.Select(s => s.Id).ToList();
            db.AssessmentScores.RemoveRange(await db.AssessmentScores.IgnoreQueryFilters().Where(s => ids.Contains(s.SchemeId)).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var s in old)
            {
                var full = await db.AssessmentSchemes.IgnoreQueryFilters().Include(x => x.Sections).ThenInclude(x => x.Indicators)
                    .Include(x => x.Assessors).Include(x => x.Targets).AsSplitQuery().SingleAsync(x => x.Id == s.Id, cancellationToken);
                foreach (var section in full.Sections.ToList())
                {
                    foreach (var indicator in section.Indicators.ToList())
                    {
                        full.RemoveIndicator(indicator);
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                db.AssessmentSchemes.Remove(full);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        db.ProvincialAssessments.RemoveRange(await db.ProvincialAssessments.IgnoreQueryFilters().Where(p => p.UnitId == city && p.Year >= 2018 && p.Year <= 2022).ToListAsync(cancellationToken));
        db.ExpertPools.RemoveRange(await db.ExpertPools.IgnoreQueryFilters().Include(p => p.Members).Where(p => p.UnitId == city && p.Name == PoolName).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var scheme = new AssessmentScheme(city, Year, "2023年度法治江门建设考评", 100m, new GradeThresholds(90m, 80m, 60m));
        var assessors = Assessors.ToDictionary(a => a, scheme.AddAssessor);
        foreach (var (name, points, indicators) in Scheme)
        {
            var section = scheme.AddSection(name, points);
            foreach (var i in indicators)
            {
                scheme.AddIndicator(section, i.Name, i.Points, assessors[i.Assessor], $"按{i.Assessor}掌握的情况评分，未达要求的每项扣0.5分，扣完为止。");
            }
        }

        foreach (var code in Counties)
        {
            scheme.AddTarget(units[code]);
        }

        db.AssessmentSchemes.Add(scheme);
        await db.SaveChangesAsync(cancellationToken);

        var all = scheme.Indicators.ToList();
        for (var c = 0; c < Counties.Count; c++)
        {
            for (var i = 0; i < all.Count; i++)
            {
                var deduction = Deduction(c, i);
                var note = deduction == 0 ? null : $"{all[i].Name}：{Reasons[(c + i) % Reasons.Length]}，扣{deduction:0.0}分";
                db.AssessmentScores.Add(new AssessmentScore(scheme, all[i], units[Counties[c]], all[i].Points - deduction, note));
            }
        }

        for (var y = 2018; y <= 2022; y++)
        {
            db.ProvincialAssessments.Add(new ProvincialAssessment(city, y, AssessmentGrade.Excellent, null, $"{y}年度法治广东建设考评获评优秀等次"));
        }

        var pool = new ExpertPool(city, PoolName, new DateOnly(2021, 6, 1));
        for (var e = 0; e < Experts.Length; e++)
        {
            var x = Experts[e];
            pool.Appoint(x.Name, x.Organization, x.Title, x.Field, $"1380750{e + 1:0000}", e < 9 ? new DateOnly(2021, 6, 1) : new DateOnly(2023, 3, 1));
        }

        db.ExpertPools.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] Reasons = ["材料报送不及时", "佐证材料不完整", "工作台账不规范", "未按要求开展专项工作", "整改落实不到位"];

    /// <summary>A fixed pattern of deductions that gives each county a different total between about 84 and 97.</summary>
    private static decimal Deduction(int county, int indicator) =>
        ((county * 7) + (indicator * 3)) % 11 == 0 ? 1m
        : ((county + 1) * (indicator + 2)) % (county + 4) == 0 ? 0.5m
        : 0m;
}
