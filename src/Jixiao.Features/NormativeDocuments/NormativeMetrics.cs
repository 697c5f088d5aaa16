using Jixiao.Domain.Metrics;
using Jixiao.Domain.NormativeDocuments;
using Jixiao.Domain.Organization;
using Jixiao.Features.Metrics;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.NormativeDocuments;

/// <summary>The legality-review figures (审核规范性文件件数): reviews by the day the opinion was given.</summary>
public sealed class ReviewMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<LegalityReview> Figures = Build();

    public Area Area => Area.NormativeDocuments;

    public string ListPath => "normative/reviews";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviews = await db.LegalityReviews.AsNoTracking()
            .Where(r => units.Contains(r.UnitId) && ((r.ReviewedOn >= from && r.ReviewedOn <= to) || (r.ReceivedOn >= from && r.ReceivedOn <= to)))
            .ToListAsync(cancellationToken);
        return Figures.Evaluate(reviews, query.Period);
    }

    private static RecordMetrics<LegalityReview> Build()
    {
        var m = new RecordMetrics<LegalityReview>(Area.NormativeDocuments, "normative", "规范性文件合法性审核", r => r.Id);
        m.Count("reviews_received", "收到送审文件", "统计期间内收到的送审规范性文件（按收文日期）", (r, p) => p.Contains(r.ReceivedOn));
        var reviewed = m.Count("reviewed", "审核（审查）规范性文件", "统计期间内出具审核意见的规范性文件（按审核日期）", (r, p) => p.Contains(r.ReviewedOn));
        m.Count("reviewed_government", "审核政府规范性文件", "审核（审查）规范性文件中的政府规范性文件", (r, p) => p.Contains(r.ReviewedOn) && r.Level == DocumentLevel.Government);
        m.Count("reviewed_departmental", "审核部门规范性文件", "审核（审查）规范性文件中的部门规范性文件", (r, p) => p.Contains(r.ReviewedOn) && r.Level == DocumentLevel.Departmental);
        var rejected = m.Count("reviewed_not_approved", "审核不予通过", "审核（审查）规范性文件中审核结果为不予通过的", (r, p) => p.Contains(r.ReviewedOn) && r.Result == ReviewResult.NotApproved);
        m.Rate("not_approved_share", "不予通过占审核比例", "审核不予通过 ÷ 审核（审查）规范性文件", rejected, reviewed);
        return m;
    }
}

/// <summary>The filing-review figures (备案审查): documents filed with the unit in the period, on time or not.</summary>
public sealed class FilingMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<FilingReview> Figures = Build();

    public Area Area => Area.NormativeDocuments;

    public string ListPath => "normative/filings";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filings = await db.FilingReviews.AsNoTracking().Where(r => units.Contains(r.UnitId) && r.FiledOn >= from && r.FiledOn <= to).ToListAsync(cancellationToken);
        return Figures.Evaluate(filings, query.Period);
    }

    private static RecordMetrics<FilingReview> Build()
    {
        var m = new RecordMetrics<FilingReview>(Area.NormativeDocuments, "normative", "规范性文件备案审查", r => r.Id);
        var filed = m.Count("filings", "审查下级政府报备文件", "统计期间内县（市、区）政府报送备案并由本机关审查的规范性文件（按报备日期）", (r, p) => p.Contains(r.FiledOn));
        var onTime = m.Count("filings_on_time", "按时报备", $"报备文件中自公布之日起{NormativeRules.FilingDays}日内报送备案的", (r, p) => p.Contains(r.FiledOn) && r.FiledOnTime);
        m.Rate("filing_on_time_rate", "按时报备率", "按时报备 ÷ 审查下级政府报备文件", onTime, filed);
        var problems = m.Count("filings_problem", "审查发现问题", "报备文件中审查结果为责令纠正或予以撤销的", (r, p) => p.Contains(r.FiledOn) && NormativeRules.FoundProblem(r.Result));
        m.Rate("filing_problem_share", "发现问题占报备比例", "审查发现问题 ÷ 审查下级政府报备文件", problems, filed);
        return m;
    }
}

/// <summary>The cleanup figures (规范性文件清理): the documents examined in campaigns started in the period and the opinions on them.</summary>
public sealed class CleanupMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<(CleanupItem Item, DateOnly StartedOn)> Figures = Build();

    public Area Area => Area.NormativeDocuments;

    public string ListPath => "normative/cleanups";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (first, last, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.CleanupItems.AsNoTracking()
            .Join(db.CleanupCampaigns.Where(c => units.Contains(c.UnitId) && c.StartedOn >= first && c.StartedOn <= last), i => i.CampaignId, c => c.Id,
                (i, c) => new { Item = i, c.StartedOn })
            .ToListAsync(cancellationToken);
        return Figures.Evaluate([.. items.Select(x => (x.Item, x.StartedOn))], query.Period);
    }

    private static RecordMetrics<(CleanupItem Item, DateOnly StartedOn)> Build()
    {
        var m = new RecordMetrics<(CleanupItem Item, DateOnly StartedOn)>(Area.NormativeDocuments, "normative", "清理文件", x => x.Item.Id);
        var examined = m.Count("cleanup_examined", "清理梳理文件", "统计期间内启动的清理中梳理的全部规范性文件", (x, p) => p.Contains(x.StartedOn));
        m.Count("cleanup_examined_government", "梳理政府规范性文件", "清理梳理文件中的政府规范性文件", (x, p) => p.Contains(x.StartedOn) && x.Item.Level == DocumentLevel.Government);
        m.Count("cleanup_examined_departmental", "梳理部门规范性文件", "清理梳理文件中的部门规范性文件", (x, p) => p.Contains(x.StartedOn) && x.Item.Level == DocumentLevel.Departmental);
        var opinions = m.Count("cleanup_opinions", "提出清理意见", "清理梳理文件中清理意见为修改、废止或明确有效期的（保留以外）", (x, p) => p.Contains(x.StartedOn) && NormativeRules.IsChangeOpinion(x.Item.Opinion));
        m.Rate("cleanup_opinion_share", "提出清理意见占梳理比例", "提出清理意见 ÷ 清理梳理文件", opinions, examined);
        foreach (var o in Enum.GetValues<CleanupOpinion>())
        {
            m.Count("cleanup_" + OpinionKey(o), "清理意见-" + NormativeTermNames.Name(o), $"清理梳理文件中清理意见为“{NormativeTermNames.Name(o)}”的",
                (x, p) => p.Contains(x.StartedOn) && x.Item.Opinion == o);
        }

        return m;
    }

    private static string OpinionKey(CleanupOpinion o) => o switch
    {
        CleanupOpinion.Keep => "keep",
        CleanupOpinion.Amend => "amend",
        CleanupOpinion.Repeal => "repeal",
        CleanupOpinion.SetValidity => "set_validity",
        _ => throw new ArgumentOutOfRangeException(nameof(o)),
    };
}

/// <summary>The 证明事项告知承诺制 figures: items brought under the scheme in the period, by field, and the cases handled under them.</summary>
public sealed class CertificationMetrics(IDbContextFactory<JixiaoDbContext> dbFactory) : IMetricSource
{
    private static readonly RecordMetrics<CertificationItem> Figures = Build();

    public Area Area => Area.NormativeDocuments;

    public string ListPath => "normative/certification";

    public IReadOnlyList<MetricDefinition> Definitions => Figures.Definitions;

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, units) = (query.Period.From, query.Period.To, query.UnitIds.ToList());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.CertificationItems.AsNoTracking().Where(i => units.Contains(i.UnitId) && i.IncludedOn >= from && i.IncludedOn <= to).ToListAsync(cancellationToken);
        return Figures.Evaluate(items, query.Period);
    }

    private static RecordMetrics<CertificationItem> Build()
    {
        var m = new RecordMetrics<CertificationItem>(Area.NormativeDocuments, "normative", "告知承诺制证明事项", i => i.Id);
        m.Count("certification_items", "纳入告知承诺制的证明事项", "统计期间内纳入证明事项告知承诺制范围的证明事项（按纳入日期）", (i, p) => p.Contains(i.IncludedOn), "个");
        m.Sum("certification_cases", "告知承诺制办件数", "纳入告知承诺制的证明事项已以告知承诺方式办理的件数之和（各事项截至其统计日期的累计数）", (i, p) => p.Contains(i.IncludedOn), i => i.CasesHandled);
        foreach (var f in Enum.GetValues<CertificationField>())
        {
            m.Count("certification_field_" + FieldKey(f), "证明事项-" + NormativeTermNames.Name(f), $"纳入告知承诺制的证明事项中属于{NormativeTermNames.Name(f)}领域的",
                (i, p) => p.Contains(i.IncludedOn) && i.Field == f, "个");
        }

        return m;
    }

    private static string FieldKey(CertificationField f) => f switch
    {
        CertificationField.PublicSecurity => "public_security",
        CertificationField.HumanResources => "human_resources",
        CertificationField.Justice => "justice",
        CertificationField.Health => "health",
        CertificationField.Agriculture => "agriculture",
        CertificationField.MarketRegulation => "market_regulation",
        CertificationField.Housing => "housing",
        CertificationField.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };
}
