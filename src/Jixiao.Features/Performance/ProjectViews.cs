using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;

namespace Jixiao.Features.Performance;

/// <summary>A project as the list shows it.</summary>
public sealed record ProjectRow(int Id, string Code, string Name, int Year, int UnitId, string UnitName,
    TargetDeclarationStatus TargetStatus, SelfEvaluationStatus? EvaluationStatus, decimal InitialBudget, decimal FullYearBudget, decimal Executed)
{
    public string TargetStatusName => TargetDeclarationWorkflow.Name(TargetStatus);

    public string EvaluationStatusName => EvaluationStatus is { } s ? SelfEvaluationWorkflow.Name(s) : "未开始";

    public decimal? ExecutionPercent => FullYearBudget > 0 ? Rounding.Percent(Executed / FullYearBudget) : null;
}

/// <summary>Everything the project page shows.</summary>
public sealed record ProjectView(
    Project Project,
    string UnitName,
    SelfEvaluation? Evaluation,
    BudgetFigures Figures,
    IReadOnlyList<DeclarationProblem> DeclarationProblems,
    IReadOnlyList<WorkflowEvent> History,
    ScoringProfile Profile,
    EvaluationScore? Score,
    string? ScoreError,
    EvaluationFigures Data,
    string UnitCode);
