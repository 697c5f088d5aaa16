using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Reports;
using Jixiao.Features.Metrics;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reports;

/// <summary>One area's sentence template as the settings page shows it.</summary>
public sealed record SentenceTemplateRow(Area Area, string AreaName, string Text, bool IsDefault, IReadOnlyList<MetricDefinition> Metrics);

/// <summary>
/// The generated figures of part 三 of a self-evaluation report (ADR-014): one sentence template per area, kept as
/// data; each project's report renders the templates of the areas its indicators take metrics from, for the
/// project's unit, scope and period; users may edit the sentences, and every number that came from a placeholder is
/// compared with its metric before a file is produced.
/// </summary>
public sealed class ReportSentences(IDbContextFactory<JixiaoDbContext> dbFactory, MetricCatalogue catalogue, CurrentUser user)
{
    /// <summary>The shipped template of the reconsideration area, after the 2023 report's sentence.</summary>
    public const string ReconsiderationDefault =
        "全年共新收行政复议案件{reconsideration.received}件，其中不予受理{reconsideration.ended.refused}件，告知{reconsideration.ended.informed}件，"
        + "另行处理{reconsideration.ended.handled_otherwise}件，转送{reconsideration.ended.transferred}件，逾期未补正{reconsideration.ended.supplement_overdue}件，"
        + "立案受理{reconsideration.accepted}件；审结{reconsideration.closed}件，调撤率{reconsideration.settlement_withdrawal_rate}，"
        + "直接调解率{reconsideration.direct_mediation_rate}。";

    /// <summary>Every area of the catalogue with its template (stored, or the default).</summary>
    public async Task<IReadOnlyList<SentenceTemplateRow>> TemplatesAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ReportSentenceTemplates.AsNoTracking().ToDictionaryAsync(t => t.Area, t => t.Text, cancellationToken);
        return [.. catalogue.Areas.Select(a => new SentenceTemplateRow(a, Roles.AreaName(a), stored.GetValueOrDefault(a) ?? Default(a), !stored.ContainsKey(a),
            [.. catalogue.Definitions.Where(d => d.Area == a)]))];
    }

    /// <summary>Saves an area's template; null or empty text restores the default.</summary>
    /// <exception cref="ValidationException">The template is malformed or names a metric not of the area.</exception>
    public async Task SaveTemplateAsync(Area area, string? text, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "修改报告语句模板");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReportSentenceTemplates.FirstOrDefaultAsync(t => t.Area == area, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (row is not null)
            {
                db.ReportSentenceTemplates.Remove(row);
            }
        }
        else
        {
            try
            {
                Validate(area, SentenceTemplate.Parse(text));
            }
            catch (DomainException ex)
            {
                throw new ValidationException([new("语句模板", ex.Message)]);
            }

            if (row is null)
            {
                db.ReportSentenceTemplates.Add(new ReportSentenceTemplate(area, text));
            }
            else
            {
                row.Update(text);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The sentences of a project as generated now: one per area its indicators take metrics from (in catalogue
    /// order), for the project's unit with the scope and period of the area's first such indicator.
    /// </summary>
    public async Task<IReadOnlyList<FigureSentence>> GenerateAsync(Project project, string unitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var templates = (await TemplatesAsync(cancellationToken)).ToDictionary(t => t.Area, t => t.Text);
        var sentences = new List<FigureSentence>();
        var metrics = project.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Metric).OfType<IndicatorMetric>().Where(m => catalogue.Exists(m.Key)).ToList();
        foreach (var area in catalogue.Areas.Where(user.MayRead))
        {
            if (metrics.FirstOrDefault(m => catalogue.Find(m.Key).Area == area) is not { } first)
            {
                continue;
            }

            var template = SentenceTemplate.Parse(templates[area]);
            var figures = await FiguresAsync(template, unitCode, first.Scope, first.Period, cancellationToken);
            sentences.Add(new FigureSentence(area.ToString(), first.Scope, first.Period.From, first.Period.To, template.Text, template.Render(figures), [.. figures.Values]));
        }

        return sentences;
    }

    /// <summary>The sentences the report of an evaluation shows: frozen ones once submitted, else the saved (edited) ones, else generated.</summary>
    public async Task<IReadOnlyList<FigureSentence>> CurrentAsync(Project project, SelfEvaluation evaluation, EvaluationFigures figures, string unitCode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(figures);
        return figures.FrozenSentences ?? Saved(evaluation) ?? await GenerateAsync(project, unitCode, cancellationToken);
    }

    /// <summary>Generates the sentences anew and saves them on the evaluation (replacing any edits).</summary>
    public async Task<IReadOnlyList<FigureSentence>> RegenerateAsync(int projectId, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "生成报告数据语句");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (project, evaluation, unitCode) = await LoadAsync(db, projectId, cancellationToken);
        var sentences = await GenerateAsync(project, unitCode, cancellationToken);
        evaluation.UpdateFigureSentences(JsonSerializer.Serialize(sentences, ScoringProfileStore.Json));
        await db.SaveChangesAsync(cancellationToken);
        return sentences;
    }

    /// <summary>Saves the sentences as a user edited them (same areas and templates, new texts).</summary>
    public async Task SaveEditedAsync(int projectId, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "修改报告数据语句");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (project, evaluation, unitCode) = await LoadAsync(db, projectId, cancellationToken);
        var current = Saved(evaluation) ?? await GenerateAsync(project, unitCode, cancellationToken);
        if (texts.Count != current.Count)
        {
            throw new ValidationException([new("语句", $"应有 {current.Count} 段数据语句，收到 {texts.Count} 段。")]);
        }

        var edited = current.Select((s, i) => s with { Text = string.IsNullOrWhiteSpace(texts[i]) ? s.Text : texts[i].Trim() }).ToList();
        evaluation.UpdateFigureSentences(JsonSerializer.Serialize(edited, ScoringProfileStore.Json));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every number of the sentences that came from a placeholder and differs from its metric: against the values
    /// frozen at submission for a submitted evaluation, else against the ledgers as they are now.
    /// </summary>
    public async Task<IReadOnlyList<ReportFinding>> CheckAsync(IReadOnlyList<FigureSentence> sentences, bool frozen, string unitCode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var findings = new List<ReportFinding>();
        foreach (var sentence in sentences)
        {
            var template = SentenceTemplate.Parse(sentence.Template);
            var figures = frozen && sentence.Figures is { } kept
                ? kept.ToDictionary(f => f.Key, StringComparer.Ordinal)
                : await FiguresAsync(template, unitCode, sentence.Scope, new MetricPeriod(sentence.From, sentence.To), cancellationToken);
            findings.AddRange(template.Check(sentence.Text, figures).Select(m => new ReportFinding(
                ReportRules.Metric, sentence.Text, 0, 0, m.Stated, -1, [new FindingFigure("metric", m.Key, figures[m.Key].Value ?? 0m, -1)],
                m.Message + (frozen ? "（提交时的统计值）" : "（台账当前的统计值）"), m.Expected)));
        }

        return findings;
    }

    /// <summary>The sentences with the figures they are checked against from now on: the values at submission.</summary>
    public async Task<IReadOnlyList<FigureSentence>> FreezeAsync(IReadOnlyList<FigureSentence> sentences, string unitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var frozen = new List<FigureSentence>();
        foreach (var s in sentences)
        {
            var figures = await FiguresAsync(SentenceTemplate.Parse(s.Template), unitCode, s.Scope, new MetricPeriod(s.From, s.To), cancellationToken);
            frozen.Add(s with { Figures = [.. figures.Values] });
        }

        return frozen;
    }

    private async Task<IReadOnlyDictionary<string, SentenceFigure>> FiguresAsync(SentenceTemplate template, string unitCode, MetricScope scope, MetricPeriod period,
        CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, SentenceFigure>(StringComparer.Ordinal);
        foreach (var area in template.Keys.Where(catalogue.Exists).Select(k => catalogue.Find(k).Area).Distinct())
        {
            var set = await catalogue.SummarizeAsync(area, unitCode, scope, period, null, cancellationToken);
            foreach (var key in template.Keys.Where(k => catalogue.Exists(k) && catalogue.Find(k).Area == area))
            {
                var v = set[key];
                figures[key] = new SentenceFigure(key, v.Definition.Name, v.Value, v.Definition.Unit == MetricUnit.Percent);
            }
        }

        var missing = template.Keys.FirstOrDefault(k => !figures.ContainsKey(k));
        return missing is null ? figures : throw new DomainException($"语句模板中的“{{{missing}}}”不在指标目录中，请修改报告语句模板。");
    }

    private void Validate(Area area, SentenceTemplate template)
    {
        foreach (var key in template.Keys)
        {
            if (!catalogue.Exists(key) || catalogue.Find(key).Area != area)
            {
                throw new DomainException($"占位符“{{{key}}}”不是“{Roles.AreaName(area)}”的统计指标。");
            }
        }
    }

    /// <summary>The default of an area: the shipped one, or its headline figures (or first four) as “名称{key}件”.</summary>
    private string Default(Area area)
    {
        if (area == Area.Reconsideration && ReconsiderationDefault.Split('{').Skip(1).All(p => catalogue.Exists(p[..p.IndexOf('}', StringComparison.Ordinal)])))
        {
            return ReconsiderationDefault;
        }

        var definitions = catalogue.Definitions.Where(d => d.Area == area).ToList();
        var headline = definitions.Where(d => d.Headline).ToList();
        var shown = headline.Count > 0 ? headline : definitions.Take(4).ToList();
        return $"全年{Roles.AreaName(area)}工作：" + string.Join("，", shown.Select(d =>
            d.Unit == MetricUnit.Percent ? $"{d.Name}{{{d.Key}}}" : $"{d.Name}{{{d.Key}}}{d.UnitLabel}")) + "。";
    }

    private static IReadOnlyList<FigureSentence>? Saved(SelfEvaluation evaluation) => evaluation.FigureSentences is { } json
        ? JsonSerializer.Deserialize<List<FigureSentence>>(json, ScoringProfileStore.Json)
        : null;

    private static async Task<(Project, SelfEvaluation, string)> LoadAsync(JixiaoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.Include(p => p.Indicators).AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException($"项目 {projectId} 不存在或不在您的数据范围内。");
        var evaluation = await db.SelfEvaluations.FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken)
            ?? throw new DomainException("尚未开始绩效自评。");
        var unitCode = await db.Units.Where(u => u.Id == project.UnitId).Select(u => u.Code).FirstAsync(cancellationToken);
        return (project, evaluation, unitCode);
    }
}
