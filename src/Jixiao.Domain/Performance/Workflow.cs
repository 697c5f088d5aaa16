namespace Jixiao.Domain.Performance;

/// <summary>Status of a target declaration (绩效目标申报).</summary>
public enum TargetDeclarationStatus
{
    /// <summary>草稿：being edited by the performance officer.</summary>
    Draft = 1,

    /// <summary>已提交：waiting for the unit head's review; not editable.</summary>
    Submitted = 2,

    /// <summary>已审核通过：locked.</summary>
    Approved = 3,

    /// <summary>已退回：returned with a comment; editable, then submitted again.</summary>
    Returned = 4,
}

/// <summary>What a user does to a target declaration.</summary>
public enum TargetDeclarationAction
{
    /// <summary>提交 (performance officer).</summary>
    Submit = 1,

    /// <summary>审核通过 (unit head / reviewer).</summary>
    Approve = 2,

    /// <summary>退回 with a required comment (unit head / reviewer).</summary>
    Return = 3,
}

/// <summary>Status of a self-evaluation (绩效自评).</summary>
public enum SelfEvaluationStatus
{
    /// <summary>草稿.</summary>
    Draft = 1,

    /// <summary>已提交：waiting for the unit head's review.</summary>
    Submitted = 2,

    /// <summary>单位已审核：waiting for the finance bureau.</summary>
    Approved = 3,

    /// <summary>单位退回：editable, then submitted again.</summary>
    Returned = 4,

    /// <summary>财政已确认：final, locked.</summary>
    Confirmed = 5,

    /// <summary>财政退回：editable, then submitted again through the unit.</summary>
    ReturnedByFinance = 6,
}

/// <summary>What a user does to a self-evaluation.</summary>
public enum SelfEvaluationAction
{
    /// <summary>提交 (performance officer).</summary>
    Submit = 1,

    /// <summary>审核通过 (unit head / reviewer).</summary>
    Approve = 2,

    /// <summary>退回 with a required comment (unit head / reviewer).</summary>
    Return = 3,

    /// <summary>确认 (finance bureau reviewer).</summary>
    Confirm = 4,

    /// <summary>财政退回 with a required comment (finance bureau reviewer).</summary>
    ReturnByFinance = 5,
}

/// <summary>
/// The target-declaration state machine: Draft → Submitted → Approved (locked), or Returned with a
/// comment → edited → Submitted again.
/// </summary>
/// <remarks>ARCHITECTURE.md “Who uses it”: the performance officer declares targets, the unit head approves or returns them.</remarks>
public static class TargetDeclarationWorkflow
{
    private static readonly ReviewWorkflow<TargetDeclarationStatus, TargetDeclarationAction> Machine = new(
        "绩效目标", Next, IsEditable, a => a == TargetDeclarationAction.Return, Name, Name, Hint);

    /// <summary>True when the action is legal in the status.</summary>
    public static bool IsLegal(TargetDeclarationStatus status, TargetDeclarationAction action) => Machine.IsLegal(status, action);

    /// <summary>The status after the action; refuses an illegal action, or a return without a comment, with a DomainException.</summary>
    /// <param name="status">Current status.</param>
    /// <param name="action">The action.</param>
    /// <param name="comment">退回意见, required for <see cref="TargetDeclarationAction.Return"/>.</param>
    public static TargetDeclarationStatus Apply(TargetDeclarationStatus status, TargetDeclarationAction action, string? comment = null) =>
        Machine.Apply(status, action, comment);

    /// <summary>True when the declaration may be edited: in draft or after it was returned.</summary>
    public static bool IsEditable(TargetDeclarationStatus status) => status is TargetDeclarationStatus.Draft or TargetDeclarationStatus.Returned;

    /// <summary>Refuses an edit of a submitted or approved declaration.</summary>
    public static void EnsureEditable(TargetDeclarationStatus status) => Machine.EnsureEditable(status);

    /// <summary>草稿 / 已提交 / 已审核通过 / 已退回.</summary>
    public static string Name(TargetDeclarationStatus status) => status switch
    {
        TargetDeclarationStatus.Draft => "草稿",
        TargetDeclarationStatus.Submitted => "已提交",
        TargetDeclarationStatus.Approved => "已审核通过",
        TargetDeclarationStatus.Returned => "已退回",
        _ => throw new DomainException($"未知的绩效目标状态：{(int)status}。"),
    };

    /// <summary>提交 / 审核通过 / 退回.</summary>
    public static string Name(TargetDeclarationAction action) => action switch
    {
        TargetDeclarationAction.Submit => "提交",
        TargetDeclarationAction.Approve => "审核通过",
        TargetDeclarationAction.Return => "退回",
        _ => throw new DomainException($"未知的操作：{(int)action}。"),
    };

    private static TargetDeclarationStatus? Next(TargetDeclarationStatus status, TargetDeclarationAction action) => (status, action) switch
    {
        (TargetDeclarationStatus.Draft or TargetDeclarationStatus.Returned, TargetDeclarationAction.Submit) => TargetDeclarationStatus.Submitted,
        (TargetDeclarationStatus.Submitted, TargetDeclarationAction.Approve) => TargetDeclarationStatus.Approved,
        (TargetDeclarationStatus.Submitted, TargetDeclarationAction.Return) => TargetDeclarationStatus.Returned,
        _ => null,
    };

    private static string Hint(TargetDeclarationStatus status) => status switch
    {
        TargetDeclarationStatus.Submitted => "已提交的绩效目标须由审核人审核通过或退回。",
        TargetDeclarationStatus.Approved => "绩效目标已审核通过并锁定。",
        _ => "请先修改后提交。",
    };
}

/// <summary>
/// The self-evaluation state machine: Draft → Submitted → Approved or Returned (by the unit); an approved
/// evaluation goes to the finance bureau, which confirms it (locked) or returns it; a returned one is
/// edited and submitted again.
/// </summary>
/// <remarks>ARCHITECTURE.md “Who uses it”: the unit head approves or returns, the finance bureau reviewer confirms or returns.</remarks>
public static class SelfEvaluationWorkflow
{
    private static readonly ReviewWorkflow<SelfEvaluationStatus, SelfEvaluationAction> Machine = new(
        "绩效自评", Next, IsEditable, a => a is SelfEvaluationAction.Return or SelfEvaluationAction.ReturnByFinance, Name, Name, Hint);

    /// <summary>True when the action is legal in the status.</summary>
    public static bool IsLegal(SelfEvaluationStatus status, SelfEvaluationAction action) => Machine.IsLegal(status, action);

    /// <summary>The status after the action; refuses an illegal action, or a return without a comment, with a DomainException.</summary>
    /// <param name="status">Current status.</param>
    /// <param name="action">The action.</param>
    /// <param name="comment">退回意见, required for both returns.</param>
    public static SelfEvaluationStatus Apply(SelfEvaluationStatus status, SelfEvaluationAction action, string? comment = null) =>
        Machine.Apply(status, action, comment);

    /// <summary>True when the evaluation may be edited: in draft or after either return.</summary>
    public static bool IsEditable(SelfEvaluationStatus status) =>
        status is SelfEvaluationStatus.Draft or SelfEvaluationStatus.Returned or SelfEvaluationStatus.ReturnedByFinance;

    /// <summary>Refuses an edit of a submitted, approved or confirmed evaluation.</summary>
    public static void EnsureEditable(SelfEvaluationStatus status) => Machine.EnsureEditable(status);

    /// <summary>Chinese name of a status.</summary>
    public static string Name(SelfEvaluationStatus status) => status switch
    {
        SelfEvaluationStatus.Draft => "草稿",
        SelfEvaluationStatus.Submitted => "已提交",
        SelfEvaluationStatus.Approved => "单位已审核",
        SelfEvaluationStatus.Returned => "单位退回",
        SelfEvaluationStatus.Confirmed => "财政已确认",
        SelfEvaluationStatus.ReturnedByFinance => "财政退回",
        _ => throw new DomainException($"未知的绩效自评状态：{(int)status}。"),
    };

    /// <summary>Chinese name of an action.</summary>
    public static string Name(SelfEvaluationAction action) => action switch
    {
        SelfEvaluationAction.Submit => "提交",
        SelfEvaluationAction.Approve => "审核通过",
        SelfEvaluationAction.Return => "退回",
        SelfEvaluationAction.Confirm => "财政确认",
        SelfEvaluationAction.ReturnByFinance => "财政退回",
        _ => throw new DomainException($"未知的操作：{(int)action}。"),
    };

    private static SelfEvaluationStatus? Next(SelfEvaluationStatus status, SelfEvaluationAction action) => (status, action) switch
    {
        (SelfEvaluationStatus.Draft or SelfEvaluationStatus.Returned or SelfEvaluationStatus.ReturnedByFinance, SelfEvaluationAction.Submit) => SelfEvaluationStatus.Submitted,
        (SelfEvaluationStatus.Submitted, SelfEvaluationAction.Approve) => SelfEvaluationStatus.Approved,
        (SelfEvaluationStatus.Submitted, SelfEvaluationAction.Return) => SelfEvaluationStatus.Returned,
        (SelfEvaluationStatus.Approved, SelfEvaluationAction.Confirm) => SelfEvaluationStatus.Confirmed,
        (SelfEvaluationStatus.Approved, SelfEvaluationAction.ReturnByFinance) => SelfEvaluationStatus.ReturnedByFinance,
        _ => null,
    };

    private static string Hint(SelfEvaluationStatus status) => status switch
    {
        SelfEvaluationStatus.Submitted => "已提交的绩效自评须由单位审核人审核通过或退回。",
        SelfEvaluationStatus.Approved => "单位已审核的绩效自评须由财政审核人确认或退回。",
        SelfEvaluationStatus.Confirmed => "绩效自评已经财政确认并锁定。",
        _ => "请先修改后提交。",
    };
}
