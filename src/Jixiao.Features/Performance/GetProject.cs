using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>One project with its figures, declaration check, evaluation, history and live score.</summary>
public sealed class GetProject(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, EvaluationFiguresLoader figuresLoader)
{
    public async Task<ProjectView> HandleAsync(int projectId, string? profileName = null, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var evaluation = await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken);
        var unit = await db.Units.Where(u => u.Id == project.UnitId).Select(u => new { u.Name, u.Code }).FirstAsync(cancellationToken);
        var history = await db.WorkflowEvents.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var profile = profileName is not null
            ? await profiles.GetAsync(profileName, null, cancellationToken)
            : evaluation is not null
                ? await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken)
                : ScoringProfiles.National2020;
        var lastYear = await LastYearActualsAsync(db, project, cancellationToken);
        var problems = project.CheckDeclaration(profile, lastYear);
        var figures = await figuresLoader.LoadAsync(project, evaluation, unit.Code, cancellationToken);
        var (score, error) = TryScore(project, evaluation, profile, figures);
        return new ProjectView(project, unit.Name, evaluation, figures.Budget.Figures(), problems, history, profile, score, error, figures, unit.Code);
    }

    /// <summary>
    /// Scores the project's actuals with its figures (live metric values while editable, frozen ones once submitted);
    /// an incomplete evaluation gives the reason instead of a score.
    /// </summary>
    public static (EvaluationScore? Score, string? Error) TryScore(Project project, SelfEvaluation? evaluation, ScoringProfile profile, EvaluationFigures figures)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(figures);
        try
        {
            var total = figures.Budget.Figures().Total;
            var input = new ScoringInput(total.FullYear, total.Executed,
                [.. project.Indicators.OrderBy(i => i.SortOrder).Select(i => i.ToEvaluation(figures.ValueOf(i.Id)))], evaluation?.ExecutionReason);
            return (ScoringEngine.Score(input, profile), null);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Last year's actuals of the same unit's project with the same name, by indicator name (for 指标值设定偏低).</summary>
    private static async Task<IReadOnlyDictionary<string, decimal>> LastYearActualsAsync(JixiaoDbContext db, Project project, CancellationToken cancellationToken)
    {
        var previous = await db.Projects.AsNoTracking()
            .Where(p => p.UnitId == project.UnitId && p.Year == project.Year - 1 && p.Name == project.Name)
            .Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (previous == 0)
        {
            return new Dictionary<string, decimal>();
        }

        return await db.Set<ProjectIndicator>().AsNoTracking()
            .Where(i => i.ProjectId == previous && i.Actual != null)
            .ToDictionaryAsync(i => i.Name, i => i.Actual!.Value, cancellationToken);
    }
}
