using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Performance;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Rectification;

/// <summary>
/// Turns a self-evaluation's 存在问题及建议 (one item per point) and the deviation reasons of its unmet indicators into
/// rectification items of the project's unit, linked to the project and year; running it again adds only what is new.
/// The project page of the next year shows them (<see cref="OfProjectAsync"/>).
/// </summary>
public sealed class RectifyEvaluation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, TimeProvider clock,
    ListRectifications list, Performance.EvaluationFiguresLoader figuresLoader)
{
    /// <returns>The number of items created.</returns>
    public async Task<int> HandleAsync(int projectId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Rectification, write: true);
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var evaluation = await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken)
            ?? throw new DomainException($"项目“{project.Name}”尚未开始绩效自评，没有可转为整改事项的问题。");
        var profile = await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken);
        var unitCode = await db.Units.Where(u => u.Id == project.UnitId).Select(u => u.Code).FirstAsync(cancellationToken);
        var figures = await figuresLoader.LoadAsync(project, evaluation, unitCode, cancellationToken);
        var (score, error) = GetProject.TryScore(project, evaluation, profile, figures);
        var deviations = new List<IndicatorDeviation>();
        if (score is not null)
        {
            foreach (var indicator in project.Indicators)
            {
                var s = score.Indicators.FirstOrDefault(i => i.Name == indicator.Name);
                var unmet = s is not null && s.Outcome != IndicatorOutcome.OverAchieved && s.Outcome != IndicatorOutcome.NotApplicable
                    && s.ScoreBeforeDeduction is { } before && before < s.Points;
                deviations.Add(new IndicatorDeviation(indicator.Id, indicator.Name, unmet, indicator.DeviationReason));
            }
        }
        else if (project.Indicators.Any(i => !string.IsNullOrWhiteSpace(i.DeviationReason)))
        {
            throw new DomainException($"自评尚不能评分，无法判断哪些指标未完成：{error}");
        }

        var findings = RectificationRules.FindingsOf(evaluation.ProblemsText, deviations);
        if (findings.Count == 0)
        {
            throw new DomainException("自评的“存在问题及建议”为空，且没有填写偏差原因的未完成指标，没有可转为整改事项的问题。");
        }

        var existing = await db.RectificationItems.Where(r => r.ProjectId == projectId).Select(r => r.Problem).ToListAsync(cancellationToken);
        var today = clock.Today();
        var created = 0;
        foreach (var f in findings.Where(f => !existing.Contains(f.Problem)))
        {
            var item = new RectificationItem(project.UnitId, f.Source, today, new RectificationDetails(
                f.Problem, project.ResponsiblePerson ?? user.DisplayName, user.UserName, null, null, $"{project.Year}年度“{project.Name}”绩效自评"));
            item.LinkTo(project.Id, project.Year, f.IndicatorId, null);
            db.RectificationItems.Add(item);
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// The items raised by the self-evaluations of this project and of the same project (by code) the year before,
    /// so that this year's evaluation shows what was done about last year's problems.
    /// </summary>
    public async Task<IReadOnlyList<RectificationRow>> OfProjectAsync(int projectId, CancellationToken cancellationToken = default)
    {
        if (!user.MayRead(Area.Rectification))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Code, p.Year }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"项目 {projectId} 不存在或不在您的数据范围内。");
        var ids = await db.Projects.AsNoTracking().Where(p => p.Code == project.Code && (p.Year == project.Year || p.Year == project.Year - 1))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        return await list.AllAsync(new ListRectifications.Query(ProjectIds: ids), cancellationToken);
    }
}
