using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Performance;

/// <summary>
/// The self-evaluation (绩效自评) of one project: its text parts, the profile it is scored with, and
/// its workflow from the performance officer through the unit head to the finance bureau. The
/// indicators' actuals live on the project's indicators and may change only while this is editable.
/// </summary>
public sealed class SelfEvaluation : IUnitScoped
{
    private SelfEvaluation()
    {
        ProfileName = string.Empty;
    }

    public SelfEvaluation(int projectId, int unitId, string profileName, int profileVersion)
    {
        ProjectId = projectId;
        UnitId = unitId;
        Status = SelfEvaluationStatus.Draft;
        UseProfile(profileName, profileVersion);
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public SelfEvaluationStatus Status { get; private set; }

    public string ProfileName { get; private set; } = string.Empty;

    public int ProfileVersion { get; private set; }

    /// <summary>一（二）项目完成情况.</summary>
    public string? CompletionText { get; private set; }

    /// <summary>二（一）投入: the narrative beside the generated budget figures.</summary>
    public string? InputText { get; private set; }

    /// <summary>二（二）过程.</summary>
    public string? ProcessText { get; private set; }

    /// <summary>二（三）管理.</summary>
    public string? ManagementText { get; private set; }

    /// <summary>三 项目绩效情况.</summary>
    public string? PerformanceText { get; private set; }

    /// <summary>四 项目主要做法和经验.</summary>
    public string? PracticesText { get; private set; }

    /// <summary>五 存在问题及建议.</summary>
    public string? ProblemsText { get; private set; }

    /// <summary>年度总体目标 实际完成情况 (score table).</summary>
    public string? GoalActual { get; private set; }

    /// <summary>Reason for a low execution rate where the profile asks for one.</summary>
    public string? ExecutionReason { get; private set; }

    public string? LastComment { get; private set; }

    /// <summary>The score as submitted (JSON of the scoring result), kept so a later change shows.</summary>
    public string? SubmittedScore { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    /// <summary>
    /// The figures frozen at submission (JSON: budget, each metric's value and the ids of the records behind it,
    /// the generated report sentences); null while the evaluation is editable, so that it reads live values.
    /// </summary>
    public string? FrozenFigures { get; private set; }

    /// <summary>True from submission until the evaluation is returned: its figures no longer follow the ledgers.</summary>
    public bool IsFrozen => FrozenFigures is not null;

    /// <summary>三 项目绩效情况: the sentences generated from metrics as users last saved them (JSON), null until generated.</summary>
    public string? FigureSentences { get; private set; }

    public bool IsEditable => SelfEvaluationWorkflow.IsEditable(Status);

    public void EnsureEditable() => SelfEvaluationWorkflow.EnsureEditable(Status);

    public void UseProfile(string profileName, int profileVersion)
    {
        EnsureEditableOrNew();
        ProfileName = Text.Required(profileName, "评分方案", 64);
        ProfileVersion = profileVersion;
    }

    public void UpdateTexts(EvaluationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        EnsureEditable();
        CompletionText = Text.Optional(texts.Completion, 20_000);
        InputText = Text.Optional(texts.Input, 20_000);
        ProcessText = Text.Optional(texts.Process, 20_000);
        ManagementText = Text.Optional(texts.Management, 20_000);
        PerformanceText = Text.Optional(texts.Performance, 50_000);
        PracticesText = Text.Optional(texts.Practices, 50_000);
        ProblemsText = Text.Optional(texts.Problems, 20_000);
        GoalActual = Text.Optional(texts.GoalActual, 5_000);
        ExecutionReason = Text.Optional(texts.ExecutionReason, 2_000);
    }

    /// <summary>Saves the generated (and possibly edited) figure sentences of part 三.</summary>
    public void UpdateFigureSentences(string? json)
    {
        EnsureEditable();
        FigureSentences = string.IsNullOrWhiteSpace(json) ? null : json;
    }

    public EvaluationTexts Texts => new(CompletionText, InputText, ProcessText, ManagementText, PerformanceText, PracticesText, ProblemsText, GoalActual, ExecutionReason);

    /// <summary>提交: the caller has checked that every indicator is filled in and scored, and freezes its figures.</summary>
    public void Submit(string scoreJson, string frozenFigures, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(frozenFigures);
        Status = SelfEvaluationWorkflow.Apply(Status, SelfEvaluationAction.Submit);
        SubmittedScore = scoreJson;
        FrozenFigures = frozenFigures;
        SubmittedAt = at;
        LastComment = null;
    }

    public void Approve() => Status = SelfEvaluationWorkflow.Apply(Status, SelfEvaluationAction.Approve);

    public void Return(string comment)
    {
        Status = SelfEvaluationWorkflow.Apply(Status, SelfEvaluationAction.Return, comment);
        LastComment = comment.Trim();
        FrozenFigures = null;
    }

    public void Confirm() => Status = SelfEvaluationWorkflow.Apply(Status, SelfEvaluationAction.Confirm);

    public void ReturnByFinance(string comment)
    {
        Status = SelfEvaluationWorkflow.Apply(Status, SelfEvaluationAction.ReturnByFinance, comment);
        LastComment = comment.Trim();
        FrozenFigures = null;
    }

    private void EnsureEditableOrNew()
    {
        if (Id != 0)
        {
            EnsureEditable();
        }
    }
}

/// <summary>The text parts of a self-evaluation report written by users.</summary>
public sealed record EvaluationTexts(string? Completion, string? Input, string? Process, string? Management, string? Performance, string? Practices, string? Problems, string? GoalActual, string? ExecutionReason);

/// <summary>One step of a project's workflow, shown as its history.</summary>
public sealed class WorkflowEvent : IUnitScoped
{
    private WorkflowEvent()
    {
        Stage = Action = FromStatus = ToStatus = UserName = string.Empty;
    }

    public WorkflowEvent(int unitId, int projectId, string stage, string action, string fromStatus, string toStatus, string? comment, string userName, DateTime at)
    {
        UnitId = unitId;
        ProjectId = projectId;
        Stage = stage;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Comment = comment;
        UserName = userName;
        At = at;
    }

    public long Id { get; private set; }

    public int UnitId { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>绩效目标 or 绩效自评.</summary>
    public string Stage { get; private set; }

    public string Action { get; private set; }

    public string FromStatus { get; private set; }

    public string ToStatus { get; private set; }

    public string? Comment { get; private set; }

    public string UserName { get; private set; }

    public DateTime At { get; private set; }
}
