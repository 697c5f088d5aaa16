using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// Fills in a self-evaluation: starts it (after the targets are approved) under a profile, records
/// each indicator's actual, band and deviation reason, writes the text parts; the reviewer records
/// deductions for over-achievement with a reason.
/// </summary>
public sealed class EditEvaluation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, Metrics.MetricCatalogue catalogue)
{
    /// <summary>An indicator's actual; <paramref name="Source"/> (数据来源) is required when a manual value replaces a metric's.</summary>
    public sealed record Actual(int IndicatorId, decimal? Value, string? Text, QualitativeBand? Band, decimal? QualitativeScore, string? DeviationReason, string? Source = null);

    /// <summary>
    /// 取自统计指标: the indicator's actual is taken from a metric of the catalogue for the project's unit (本级 or 含下级)
    /// and a period; null makes it a manual actual again. Allowed while the targets or the self-evaluation are editable.
    /// </summary>
    public async Task FeedFromMetricAsync(int projectId, int indicatorId, IndicatorMetric? metric, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "设置指标取数");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var evaluation = await db.EvaluationOfAsync(projectId, cancellationToken);
        if (!project.TargetsEditable && evaluation is not { IsEditable: true })
        {
            throw new DomainException("绩效目标已锁定且自评不可编辑，不能更改指标取数。");
        }

        var indicator = project.FindIndicator(indicatorId);
        Domain.Metrics.MetricUnit? unit = null;
        if (metric is not null)
        {
            if (!catalogue.Exists(metric.Key))
            {
                throw new ValidationException([new("统计指标", $"统计指标“{metric.Key}”不在指标目录中。")]);
            }

            unit = catalogue.Find(metric.Key).Unit;
        }

        try
        {
            indicator.FeedFrom(metric, unit);
        }
        catch (DomainException ex)
        {
            throw new ValidationException([new(indicator.Name, ex.Message)]);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task StartAsync(int projectId, string? profileName = null, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "填写绩效自评");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        if (project.TargetStatus != TargetDeclarationStatus.Approved)
        {
            throw new DomainException("绩效目标审核通过后才能开始自评。");
        }

        if (await db.EvaluationOfAsync(projectId, cancellationToken) is not null)
        {
            return;
        }

        var profile = await profiles.GetAsync(profileName ?? ScoringProfiles.National2020.Name, null, cancellationToken);
        var evaluation = new SelfEvaluation(project.Id, project.UnitId, profile.Name, profile.Version);

        // Last year's texts of the same unit's project of the same name are offered as a start.
        var previous = await db.Projects.AsNoTracking()
            .Where(p => p.UnitId == project.UnitId && p.Year == project.Year - 1 && p.Name == project.Name)
            .Join(db.SelfEvaluations, p => p.Id, e => e.ProjectId, (p, e) => e)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            evaluation.UpdateTexts(previous.Texts with { GoalActual = null, ExecutionReason = null });
        }

        db.SelfEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UseProfileAsync(int projectId, string profileName, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "填写绩效自评");
        var profile = await profiles.GetAsync(profileName, null, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evaluation = await RequireEvaluationAsync(db, projectId, cancellationToken);
        evaluation.UseProfile(profile.Name, profile.Version);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveTextsAsync(int projectId, EvaluationTexts texts, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "填写绩效自评");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evaluation = await RequireEvaluationAsync(db, projectId, cancellationToken);
        evaluation.UpdateTexts(texts);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records actuals for several indicators at once; nothing is saved if one is refused.</summary>
    public async Task RecordActualsAsync(int projectId, IReadOnlyList<Actual> actuals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "填写绩效自评");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evaluation = await RequireEvaluationAsync(db, projectId, cancellationToken);
        evaluation.EnsureEditable();
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var profile = await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken);
        var problems = new List<ValidationProblem>();
        foreach (var a in actuals)
        {
            var indicator = project.FindIndicator(a.IndicatorId);
            try
            {
                if (a.Band is { } band && a.QualitativeScore is { } score)
                {
                    var (min, max) = ScoringEngine.QualitativeRange(profile, band, indicator.Points);
                    if (score < min || score > max)
                    {
                        throw new DomainException($"指标“{indicator.Name}”选择“{ScoringEngine.BandName(band)}”时得分应在 {min:0.##} 至 {max:0.##} 之间。");
                    }
                }

                indicator.RecordActual(a.Value, a.Text, a.Band, a.QualitativeScore, a.DeviationReason, a.Source);
            }
            catch (DomainException ex)
            {
                problems.Add(new ValidationProblem(indicator.Name, ex.Message));
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>审核扣分: the unit's reviewer, while the evaluation awaits review.</summary>
    public async Task SetDeductionAsync(int projectId, int indicatorId, decimal points, string? reason, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.Reviewer, Area.Performance, "审核扣分");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evaluation = await RequireEvaluationAsync(db, projectId, cancellationToken);
        if (evaluation.Status != SelfEvaluationStatus.Submitted)
        {
            throw new DomainException("只能在自评提交后、审核通过前扣分。");
        }

        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        project.FindIndicator(indicatorId).SetDeduction(points, reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<SelfEvaluation> RequireEvaluationAsync(JixiaoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        _ = await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken)
            ? true
            : throw new NotFoundException($"项目 {projectId} 不存在或不在您的数据范围内。");
        return await db.EvaluationOfAsync(projectId, cancellationToken) ?? throw new DomainException("尚未开始绩效自评。");
    }
}
