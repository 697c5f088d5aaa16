using System.Text.Json;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// The workflow of targets and self-evaluations: the performance officer submits, the unit's reviewer
/// approves or returns with a comment, the finance reviewer confirms or returns. Each move is checked
/// by the role and by the state machine, recorded as a <see cref="WorkflowEvent"/>, and audited.
/// </summary>
public sealed class ReviewWorkflow(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, TimeProvider clock,
    EvaluationFiguresLoader figuresLoader, Reports.ReportSentences sentences)
{
    public const string TargetsStage = "绩效目标";
    public const string EvaluationStage = "绩效自评";

    public async Task SubmitTargetsAsync(int projectId, CancellationToken cancellationToken = default)
    {
        RequireRole(Roles.PerformanceOfficer, "提交绩效目标");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var profile = ScoringProfile(await db.EvaluationOfAsync(projectId, cancellationToken));
        var from = project.TargetStatus;
        project.SubmitTargets(project.CheckDeclaration(await profile));
        Record(db, project, TargetsStage, "提交", TargetDeclarationWorkflow.Name(from), TargetDeclarationWorkflow.Name(project.TargetStatus), null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task ApproveTargetsAsync(int projectId, CancellationToken cancellationToken = default) =>
        TargetMoveAsync(projectId, "审核通过", null, p => p.ApproveTargets(), cancellationToken);

    public Task ReturnTargetsAsync(int projectId, string comment, CancellationToken cancellationToken = default) =>
        TargetMoveAsync(projectId, "退回", comment, p => p.ReturnTargets(comment ?? string.Empty), cancellationToken);

    public async Task SubmitEvaluationAsync(int projectId, CancellationToken cancellationToken = default)
    {
        RequireRole(Roles.PerformanceOfficer, "提交绩效自评");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var evaluation = await db.EvaluationOfAsync(projectId, cancellationToken)
            ?? throw new DomainException("尚未开始绩效自评。");
        if (project.TargetStatus != TargetDeclarationStatus.Approved)
        {
            throw new DomainException("绩效目标尚未审核通过，不能提交自评。");
        }

        var profile = await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken);
        var unitCode = await db.Units.Where(u => u.Id == project.UnitId).Select(u => u.Code).FirstAsync(cancellationToken);
        var figures = await figuresLoader.LoadAsync(project, evaluation, unitCode, cancellationToken);
        var (score, error) = GetProject.TryScore(project, evaluation, profile, figures);
        if (score is null)
        {
            throw new DomainException("自评尚不完整，不能提交：" + error);
        }

        var missing = score.Indicators.Where(i => i.DeviationReasonMissing).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException([.. missing.Select(n => new ValidationProblem(n, $"指标“{n}”未完全达成或超额完成，须填写偏差原因分析及改进措施。"))]);
        }

        if (score.Execution.ReasonMissing)
        {
            throw new ValidationException([new("ExecutionReason", "预算执行率低于评分方案要求，须说明原因。")]);
        }

        var from = evaluation.Status;
        // The figures are frozen with the submission: later ledger changes show as changes, never in the score or the report.
        var frozenSentences = await sentences.FreezeAsync(await sentences.CurrentAsync(project, evaluation, figures, unitCode, cancellationToken), unitCode, cancellationToken);
        var frozen = EvaluationFiguresLoader.Freeze(project, figures, profile.Name, profile.Version, frozenSentences);
        evaluation.Submit(JsonSerializer.Serialize(score, ScoringProfileStore.Json), frozen, clock.GetUtcNow().UtcDateTime);
        Record(db, project, EvaluationStage, "提交", SelfEvaluationWorkflow.Name(from), SelfEvaluationWorkflow.Name(evaluation.Status), $"自评得分 {score.Total:0.00}（{score.GradeName}）");
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task ApproveEvaluationAsync(int projectId, CancellationToken cancellationToken = default) =>
        EvaluationMoveAsync(projectId, Roles.Reviewer, "审核通过", null, e => e.Approve(), cancellationToken);

    public Task ReturnEvaluationAsync(int projectId, string comment, CancellationToken cancellationToken = default) =>
        EvaluationMoveAsync(projectId, Roles.Reviewer, "退回", comment, e => e.Return(comment ?? string.Empty), cancellationToken);

    public Task ConfirmEvaluationAsync(int projectId, CancellationToken cancellationToken = default) =>
        EvaluationMoveAsync(projectId, Roles.FinanceReviewer, "财政确认", null, e => e.Confirm(), cancellationToken);

    public Task ReturnEvaluationByFinanceAsync(int projectId, string comment, CancellationToken cancellationToken = default) =>
        EvaluationMoveAsync(projectId, Roles.FinanceReviewer, "财政退回", comment, e => e.ReturnByFinance(comment ?? string.Empty), cancellationToken);

    private async Task TargetMoveAsync(int projectId, string action, string? comment, Action<Project> move, CancellationToken cancellationToken)
    {
        RequireRole(Roles.Reviewer, action + "绩效目标");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        var from = project.TargetStatus;
        move(project);
        Record(db, project, TargetsStage, action, TargetDeclarationWorkflow.Name(from), TargetDeclarationWorkflow.Name(project.TargetStatus), comment);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EvaluationMoveAsync(int projectId, string role, string action, string? comment, Action<SelfEvaluation> move, CancellationToken cancellationToken)
    {
        RequireRole(role, action + "绩效自评");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var evaluation = await db.EvaluationOfAsync(projectId, cancellationToken) ?? throw new DomainException("尚未开始绩效自评。");
        var from = evaluation.Status;
        move(evaluation);
        Record(db, project, EvaluationStage, action, SelfEvaluationWorkflow.Name(from), SelfEvaluationWorkflow.Name(evaluation.Status), comment);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Domain.Scoring.ScoringProfile> ScoringProfile(SelfEvaluation? evaluation) => evaluation is null
        ? Domain.Scoring.ScoringProfiles.National2020
        : await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion);

    private void Record(JixiaoDbContext db, Project project, string stage, string action, string from, string to, string? comment) =>
        db.WorkflowEvents.Add(new WorkflowEvent(project.UnitId, project.Id, stage, action, from, to, comment?.Trim(), user.DisplayName, clock.GetUtcNow().UtcDateTime));

    private void RequireRole(string role, string what) => user.RequireRole(role, Area.Performance, what);
}
