using Jixiao.Domain.NormativeDocuments;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo normative-document registers of 江门市司法局 (440700) for 2023, giving the figures of the 2023 report
/// (seed-figures.md): 66 documents reviewed (11 government + 55 departmental), 36 county government documents filed
/// and reviewed, a cleanup of 189 government and 237 departmental documents with 223 opinions (废止 96, 明确有效期 127)
/// published by the city government's decision, and 60 certification items under 告知承诺制 in five fields and more.
/// Titles are fictitious, generated from a fixed seed. Running it again replaces its own 2023 records.
/// </summary>
public sealed class NormativeDocumentsDemo(IDbContextFactory<JixiaoDbContext> dbFactory)
{
    public const string CampaignName = "2023年市级规范性文件全面清理";

    private static readonly DateOnly First = new(2023, 1, 1);
    private static readonly DateOnly Last = new(2023, 12, 31);

    private static readonly string[] Departments =
    [
        "江门市发展和改革局", "江门市教育局", "江门市民政局", "江门市财政局", "江门市人力资源和社会保障局", "江门市自然资源局",
        "江门市生态环境局", "江门市住房和城乡建设局", "江门市交通运输局", "江门市农业农村局", "江门市卫生健康局", "江门市市场监督管理局",
    ];

    private static readonly string[] Subjects =
    [
        "养老服务补贴", "住房公积金提取", "城市供水", "农村宅基地", "建筑垃圾处置", "中小学校外培训", "人才安居", "工业用地出让",
        "公共租赁住房", "生活垃圾分类", "道路货物运输", "医疗机构设置", "农业机械购置补贴", "市场主体登记", "排污许可", "历史建筑保护",
    ];

    private static readonly string[] Kinds = ["管理办法", "实施细则", "暂行办法", "若干规定", "实施办法"];

    private static readonly string[] Counties = ["蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"];

    private static readonly (CertificationField Field, string Agency, string[] Items)[] CertificationPlan =
    [
        (CertificationField.PublicSecurity, "江门市公安局", ["无犯罪记录证明", "户籍证明", "居住证明", "亲属关系证明", "身份证明", "死亡证明", "出生证明", "未婚证明", "暂住证明", "迁移证明", "港澳通行证办理居住证明", "养犬登记居住证明"]),
        (CertificationField.HumanResources, "江门市人力资源和社会保障局", ["学历证明", "工作经历证明", "职业资格证明", "社会保险缴纳证明", "劳动合同证明", "失业登记证明", "技能等级证明", "退休证明", "职称证明", "就业困难人员证明", "创业补贴经营证明", "人才引进工作证明"]),
        (CertificationField.Justice, "江门市司法局", ["律师执业无犯罪记录证明", "公证员执业证明", "法律援助经济困难证明", "基层法律服务工作者执业证明", "司法鉴定人职称证明", "人民调解员身份证明", "律师事务所住所证明", "仲裁员资格证明", "法律职业资格学历证明", "司法鉴定机构场所证明"]),
        (CertificationField.Health, "江门市卫生健康局", ["医师执业健康证明", "护士执业学历证明", "医疗机构场所证明", "计划生育情况证明", "独生子女证明", "出生医学证明补发证明", "母婴保健技术服务人员资格证明", "放射工作人员健康证明", "消毒产品生产场所证明", "公共场所卫生证明"]),
        (CertificationField.Agriculture, "江门市农业农村局", ["农业机械所有权证明", "渔船所有权证明", "种子生产场所证明", "兽医资格学历证明", "农药经营场所证明", "农村土地承包经营证明", "生猪屠宰场所证明", "渔业捕捞许可船舶证明"]),
        (CertificationField.MarketRegulation, "江门市市场监督管理局", ["食品经营场所证明", "住所（经营场所）使用证明", "特种设备作业人员学历证明", "计量器具检定证明"]),
        (CertificationField.Housing, "江门市住房和城乡建设局", ["建筑施工企业安全生产证明", "房屋租赁登记证明", "物业服务企业场所证明", "建造师执业证明"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau, cancellationToken);
        db.LegalityReviews.RemoveRange(await db.LegalityReviews.Where(r => r.UnitId == city.Id && r.ReceivedOn >= First && r.ReceivedOn <= Last).ToListAsync(cancellationToken));
        db.FilingReviews.RemoveRange(await db.FilingReviews.Where(r => r.UnitId == city.Id && r.FiledOn >= First && r.FiledOn <= Last).ToListAsync(cancellationToken));
        db.CleanupCampaigns.RemoveRange(await db.CleanupCampaigns.Where(c => c.UnitId == city.Id && c.Name == CampaignName).ToListAsync(cancellationToken));
        db.CertificationItems.RemoveRange(await db.CertificationItems.Where(i => i.UnitId == city.Id && i.IncludedOn >= First && i.IncludedOn <= Last).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2023);
        SeedReviews(db, random, city.Id);
        SeedFilings(db, random, city.Id);
        await SeedCleanupAsync(db, random, city.Id, cancellationToken);
        SeedCertification(db, random, city.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Title(Random random) => $"江门市{Subjects[random.Next(Subjects.Length)]}{Kinds[random.Next(Kinds.Length)]}";

    private static void SeedReviews(JixiaoDbContext db, Random random, int unitId)
    {
        // 11 government and 55 departmental drafts, received from January to early December and reviewed within 3–20 days.
        for (var n = 0; n < 66; n++)
        {
            var level = n % 6 == 0 ? DocumentLevel.Government : DocumentLevel.Departmental;
            var received = new DateOnly(2023, 1, 3).AddDays(random.Next(0, 330));
            var reviewed = received.AddDays(random.Next(3, 21));
            var result = n % 9 == 4 ? ReviewResult.ApprovedWithChanges : n == 37 ? ReviewResult.NotApproved : ReviewResult.Approved;
            var drafter = level == DocumentLevel.Government ? Departments[random.Next(Departments.Length)] : Departments[n % Departments.Length];
            db.LegalityReviews.Add(new LegalityReview(unitId, level, Title(random) + "（送审稿）", drafter, received, reviewed, result, null));
        }
    }

    private static void SeedFilings(JixiaoDbContext db, Random random, int unitId)
    {
        // 36 documents of the seven county-level governments; three filed late, two corrected after review.
        for (var n = 0; n < 36; n++)
        {
            var county = Counties[n % Counties.Length];
            var published = new DateOnly(2023, 1, 5).AddDays(random.Next(0, 320));
            var filed = published.AddDays(n is 7 or 19 or 30 ? NormativeRules.FilingDays + random.Next(3, 20) : random.Next(2, NormativeRules.FilingDays + 1));
            var reviewed = filed.AddDays(random.Next(5, 25));
            var result = n is 11 or 26 ? FilingResult.Corrected : FilingResult.Compliant;
            var shortName = county[..2];
            db.FilingReviews.Add(new FilingReview(unitId, $"{county}人民政府", Title(random).Replace("江门市", county, StringComparison.Ordinal),
                $"{shortName}府〔2023〕{n + 3}号", published, filed, reviewed, result, null));
        }
    }

    private static async Task SeedCleanupAsync(JixiaoDbContext db, Random random, int unitId, CancellationToken cancellationToken)
    {
        var campaign = new CleanupCampaign(unitId, CampaignName, new DateOnly(2023, 3, 1),
            "江门市人民政府关于部分市政府规范性文件予以废止和明确实施期限的决定", new DateOnly(2023, 11, 28));
        db.CleanupCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        // 189 government documents: 41 repealed, 60 given a validity period, 88 kept;
        // 237 departmental documents: 55 repealed, 67 given a validity period, 115 kept. 96 + 127 = 223 opinions.
        void Add(DocumentLevel level, int count, int repeal, int validity)
        {
            for (var n = 0; n < count; n++)
            {
                var opinion = n < repeal ? CleanupOpinion.Repeal : n < repeal + validity ? CleanupOpinion.SetValidity : CleanupOpinion.Keep;
                var year = 2008 + random.Next(0, 15);
                var body = level == DocumentLevel.Government ? "江门市人民政府" : Departments[random.Next(Departments.Length)];
                var number = level == DocumentLevel.Government ? $"江府〔{year}〕{n + 1}号" : $"江{body[3..5]}〔{year}〕{n + 1}号";
                db.CleanupItems.Add(new CleanupItem(campaign, level, Title(random), body, number, opinion, null));
            }
        }

        Add(DocumentLevel.Government, 189, 41, 60);
        Add(DocumentLevel.Departmental, 237, 55, 67);
    }

    private static void SeedCertification(JixiaoDbContext db, Random random, int unitId)
    {
        foreach (var (field, agency, items) in CertificationPlan)
        {
            foreach (var name in items)
            {
                var included = new DateOnly(2023, 3, 1).AddDays(random.Next(0, 120));
                db.CertificationItems.Add(new CertificationItem(unitId, name, field, agency, included, random.Next(600, 5100), new DateOnly(2023, 12, 31), null));
            }
        }
    }
}
