using Jixiao.Domain.LegalAdvice;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo legal-adviser registers of 江门市司法局 (440700) for 2023 (seed-figures.md): 7 government legal advisers
/// with 260 matters and 185 written opinions; 2 pooled firms with 114 matters, 111 written opinions, 2 meetings and
/// 1 lecture. Names are fictitious. Running it again replaces its own advisers and their records.
/// </summary>
public sealed class LegalAdviceDemo(IDbContextFactory<JixiaoDbContext> dbFactory)
{
    private static readonly (string Name, AdviserKind Kind, string? Organisation, bool Pooled)[] Advisers =
    [
        ("陈国栋", AdviserKind.Person, "广东五邑律师事务所", false),
        ("李慧敏", AdviserKind.Person, "广东侨乡律师事务所", false),
        ("黄志坚", AdviserKind.Person, "五邑大学政法学院", false),
        ("梁嘉欣", AdviserKind.Person, "广东江门律师事务所", false),
        ("谭伟明", AdviserKind.Person, "广东蓬江律师事务所", false),
        ("广东新会律师事务所", AdviserKind.Firm, null, false),
        ("广东开平律师事务所", AdviserKind.Firm, null, false),
        ("广东邑信律师事务所", AdviserKind.Firm, null, true),
        ("广东江海律师事务所", AdviserKind.Firm, null, true),
    ];

    private static readonly string[] Subjects =
    [
        "合作框架协议", "政府采购合同", "土地出让合同", "特许经营协议", "征收补偿方案", "信访事项答复", "行政诉讼应诉方案", "规范性文件草案",
        "重大行政决策方案", "招商引资协议", "国有资产处置方案", "政府债务风险处置方案",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau, cancellationToken);
        var names = Advisers.Select(a => a.Name).ToList();
        var old = await db.LegalAdvisers.Where(a => a.UnitId == city.Id && names.Contains(a.Name)).Select(a => a.Id).ToListAsync(cancellationToken);
        db.AdviceMatters.RemoveRange(await db.AdviceMatters.Where(m => old.Contains(m.AdviserId)).ToListAsync(cancellationToken));
        db.AdviserActivities.RemoveRange(await db.AdviserActivities.Where(a => old.Contains(a.AdviserId)).ToListAsync(cancellationToken));
        db.LegalAdvisers.RemoveRange(await db.LegalAdvisers.Where(a => old.Contains(a.Id)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var advisers = Advisers.Select(a => new LegalAdviser(city.Id, a.Name, a.Kind, a.Organisation, a.Pooled,
            a.Pooled ? new DateOnly(2022, 7, 1) : new DateOnly(2023, 1, 1), a.Pooled ? new DateOnly(2023, 12, 31) : new DateOnly(2024, 12, 31), null)).ToList();
        db.LegalAdvisers.AddRange(advisers);
        await db.SaveChangesAsync(cancellationToken);

        var random = new Random(2023);
        var own = advisers.Where(a => !a.Pooled).ToList();
        var pooled = advisers.Where(a => a.Pooled).ToList();
        AddMatters(db, random, own, 260, 185);
        AddMatters(db, random, pooled, 114, 111);
        db.AdviserActivities.Add(new AdviserActivity(pooled[0], ActivityKind.Meeting, new DateOnly(2023, 4, 18), "重大行政决策合法性论证会"));
        db.AdviserActivities.Add(new AdviserActivity(pooled[1], ActivityKind.Meeting, new DateOnly(2023, 9, 7), "涉法涉诉风险研判会"));
        db.AdviserActivities.Add(new AdviserActivity(pooled[0], ActivityKind.Lecture, new DateOnly(2023, 6, 15), "党政机关合同管理法律风险防范讲座"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Matters received in 2023 (finished the same year), the first <paramref name="opinions"/> with a written opinion.</summary>
    private static void AddMatters(JixiaoDbContext db, Random random, List<LegalAdviser> advisers, int count, int opinions)
    {
        for (var n = 0; n < count; n++)
        {
            var received = new DateOnly(2023, 1, 3).AddDays(random.Next(0, 340));
            var type = (MatterType)(n % 4 + 1);
            db.AdviceMatters.Add(new AdviceMatter(advisers[n % advisers.Count], type, "关于" + Subjects[random.Next(Subjects.Length)] + "的法律意见", received,
                received.AddDays(random.Next(1, 15)), n < opinions, null));
        }
    }
}
