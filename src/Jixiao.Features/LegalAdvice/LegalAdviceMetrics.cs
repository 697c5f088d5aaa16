using Jixiao.Domain.LegalAdvice;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.LegalAdvice;

/// <summary>The adviser figures: advisers engaged during the period (聘期与统计期间重叠), the government's own and the pooled firms.</summary>
public sealed class AdviserMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<LegalAdviser> Figures = Build();

    public Area Area => Area.LegalAdvice;

    public string ListPath => "legal/advisers";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var advisers = await db.LegalAdvisers.AsNoTracking().Where(a => units.Contains(a.UnitId) && a.EngagedFrom <= to && a.EngagedTo >= from).ToListAsync(cancellationToken);
        return Figures.Evaluate(advisers, query.Period);
    }

    private static RecordMetrics<LegalAdviser> Build()
    {
        var m = new RecordMetrics<LegalAdviser>(Area.LegalAdvice, "legal_advice", "法律顾问", a => a.Id);
        bool Engaged(LegalAdviser a, MetricPeriod p) => LegalAdviceRules.EngagedDuring(a.EngagedFrom, a.EngagedTo, p.From, p.To);
        m.Count("advisers", "聘请法律顾问", "统计期间内在聘期内的法律顾问（统筹使用的除外）", (a, p) => Engaged(a, p) && !a.Pooled, "名");
        m.Count("advisers_persons", "聘请法律顾问-个人", "聘请法律顾问中的个人", (a, p) => Engaged(a, p) && !a.Pooled && a.Kind == AdviserKind.Person, "名");
        m.Count("advisers_firms", "聘请法律顾问-律师事务所", "聘请法律顾问中的律师事务所", (a, p) => Engaged(a, p) && !a.Pooled && a.Kind == AdviserKind.Firm, "家");
        m.Count("pooled_firms", "统筹使用法律顾问单位", "统计期间内在聘期内的统筹使用法律顾问（律师事务所）", (a, p) => Engaged(a, p) && a.Pooled, "家");
        return m;
    }
}

/// <summary>The matter figures (办件): matters received in the period and the written opinions among them, for the own advisers and the pooled firms.</summary>
public sealed class MatterMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<(AdviceMatter Matter, bool Pooled)> Figures = Build();

    public Area Area => Area.LegalAdvice;

    public string ListPath => "legal/matters";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matters = await db.AdviceMatters.AsNoTracking().Where(m => units.Contains(m.UnitId) && m.ReceivedOn >= first && m.ReceivedOn <= last)
            .Join(db.LegalAdvisers, m => m.AdviserId, a => a.Id, (m, a) => new { Matter = m, a.Pooled }).ToListAsync(cancellationToken);
        return Figures.Evaluate([.. matters.Select(x => (x.Matter, x.Pooled))], query.Period);
    }

    private static RecordMetrics<(AdviceMatter Matter, bool Pooled)> Build()
    {
        var m = new RecordMetrics<(AdviceMatter Matter, bool Pooled)>(Area.LegalAdvice, "legal_advice", "法律顾问办件", x => x.Matter.Id);
        var matters = m.Count("matters", "法律顾问办件", "统计期间内法律顾问（统筹使用的除外）收到的办件（按收件日期）", (x, p) => !x.Pooled && p.Contains(x.Matter.ReceivedOn));
        var opinions = m.Count("written_opinions", "出具书面意见", "法律顾问办件中出具书面法律意见的", (x, p) => !x.Pooled && p.Contains(x.Matter.ReceivedOn) && x.Matter.WrittenOpinion, "份");
        m.Rate("written_opinion_rate", "书面意见占办件比例", "出具书面意见 ÷ 法律顾问办件", opinions, matters);
        var pooled = m.Count("pooled_matters", "统筹使用办理涉法事务", "统计期间内统筹使用法律顾问收到的涉法事务（按收件日期）", (x, p) => x.Pooled && p.Contains(x.Matter.ReceivedOn));
        var pooledOpinions = m.Count("pooled_written_opinions", "统筹使用出具书面意见", "统筹使用办理涉法事务中出具书面法律意见的", (x, p) => x.Pooled && p.Contains(x.Matter.ReceivedOn) && x.Matter.WrittenOpinion, "份");
        m.Rate("pooled_written_opinion_rate", "统筹使用书面意见占比", "统筹使用出具书面意见 ÷ 统筹使用办理涉法事务", pooledOpinions, pooled);
        return m;
    }
}

/// <summary>The meetings attended and lectures given by advisers in the period.</summary>
public sealed class ActivityMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<(AdviserActivity Activity, bool Pooled)> Figures = Build();

    public Area Area => Area.LegalAdvice;

    public string ListPath => "legal/activities";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activities = await db.AdviserActivities.AsNoTracking().Where(a => units.Contains(a.UnitId) && a.HeldOn >= first && a.HeldOn <= last)
            .Join(db.LegalAdvisers, x => x.AdviserId, a => a.Id, (x, a) => new { Activity = x, a.Pooled }).ToListAsync(cancellationToken);
        return Figures.Evaluate([.. activities.Select(x => (x.Activity, x.Pooled))], query.Period);
    }

    private static RecordMetrics<(AdviserActivity Activity, bool Pooled)> Build()
    {
        var m = new RecordMetrics<(AdviserActivity Activity, bool Pooled)>(Area.LegalAdvice, "legal_advice", "法律顾问会议讲座", x => x.Activity.Id);
        m.Count("meetings", "参加会议", "统计期间内法律顾问参加的会议", (x, p) => p.Contains(x.Activity.HeldOn) && x.Activity.Kind == ActivityKind.Meeting, "次");
        m.Count("lectures", "开展讲座", "统计期间内法律顾问开展的讲座", (x, p) => p.Contains(x.Activity.HeldOn) && x.Activity.Kind == ActivityKind.Lecture, "场");
        m.Count("pooled_meetings", "统筹使用参加会议", "参加会议中由统筹使用法律顾问参加的", (x, p) => x.Pooled && p.Contains(x.Activity.HeldOn) && x.Activity.Kind == ActivityKind.Meeting, "次");
        m.Count("pooled_lectures", "统筹使用开展讲座", "开展讲座中由统筹使用法律顾问开展的", (x, p) => x.Pooled && p.Contains(x.Activity.HeldOn) && x.Activity.Kind == ActivityKind.Lecture, "场");
        return m;
    }
}
