using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>The scored evaluation of a project as the command line prints it (and the API returns it).</summary>
public sealed record ScoredEvaluation(
    string Project, string Name, int Year, string Unit, string Profile, int ProfileVersion,
    ScoredBudget Budget, decimal ExecutionPoints, decimal ExecutionScore, string ExecutionExplanation,
    IReadOnlyList<ScoredIndicator> Indicators, decimal Total, string Grade, string TotalExplanation, IReadOnlyList<string> Problems);

/// <summary>Budget figures in yuan; rates as percentages with two decimals (57.19).</summary>
public sealed record ScoredBudget(decimal InitialBudget, decimal Adjustments, decimal FullYearBudget, decimal Executed,
    decimal? ExecutionRate, decimal? ExecutionRateAgainstInitial);

public sealed record ScoredIndicator(string Level1, string Level2, string Name, string Target, string? Actual, decimal Points, decimal? Score,
    string Outcome, string Explanation, string? DeviationReason);

/// <summary>Scores one project's self-evaluation under its own profile or another one.</summary>
public sealed class ScoreEvaluation(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, EvaluationFiguresLoader figuresLoader)
{
    public async Task<ScoredEvaluation> HandleAsync(string projectCode, int year, string? profileName = null, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(await db.ProjectIdAsync(projectCode, year, cancellationToken), cancellationToken, tracking: false);
        var evaluation = await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == project.Id, cancellationToken);
        var profile = profileName is not null
            ? await profiles.GetAsync(profileName, null, cancellationToken)
            : evaluation is not null ? await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken) : ScoringProfiles.National2020;
        var unitRow = await db.Units.Where(u => u.Id == project.UnitId).Select(u => new { u.Name, u.Code }).FirstAsync(cancellationToken);
        var figures = await figuresLoader.LoadAsync(project, evaluation, unitRow.Code, cancellationToken);
        var (score, error) = GetProject.TryScore(project, evaluation, profile, figures);
        if (score is null)
        {
            throw new DomainException($"项目“{projectCode}”不能评分：{error}");
        }

        var total = figures.Budget.Figures().Total;
        var unit = unitRow.Name;
        return new ScoredEvaluation(
            project.Code, project.Name, project.Year, unit, score.ProfileName, score.ProfileVersion,
            new ScoredBudget(total.Initial, total.Adjustments, total.FullYear, total.Executed, total.RateAgainstFullYear.Percent, total.RateAgainstInitial.Percent),
            score.Execution.Points, score.Execution.Score, score.Execution.Explanation,
            [.. score.Indicators.Select(i => new ScoredIndicator(
                IndicatorCatalogue.Name(i.Evaluation.Indicator.Level1), IndicatorCatalogue.Name(i.Evaluation.Indicator.Level2), i.Name,
                i.Evaluation.Indicator.TargetText, ActualText(i), i.Points, i.Score, i.Outcome.ToString(), i.Explanation, i.Evaluation.DeviationReason))],
            score.Total, score.GradeName, score.TotalExplanation, score.Problems);
    }

    public static string? ActualText(IndicatorScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var indicator = score.Evaluation.Indicator;
        return indicator.Kind == IndicatorKind.Qualitative
            ? score.Evaluation.Band is { } band ? ScoringEngine.BandName(band) : null
            : score.Evaluation.Actual is { } a ? Rounding.Plain(a) + indicator.Unit : null;
    }
}
