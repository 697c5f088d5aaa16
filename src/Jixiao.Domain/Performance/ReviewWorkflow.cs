namespace Jixiao.Domain.Performance;

/// <summary>
/// The mechanics shared by the review workflows: a transition table, the statuses that may be edited,
/// the actions that need a comment, and the Chinese refusals.
/// </summary>
/// <param name="subject">What is reviewed, for messages: 绩效目标, 绩效自评.</param>
/// <param name="next">The status after an action, or null when the action is illegal in the status.</param>
/// <param name="isEditable">Statuses in which the record may be edited.</param>
/// <param name="needsComment">Actions (returns) that need a comment.</param>
/// <param name="statusName">Chinese status names.</param>
/// <param name="actionName">Chinese action names.</param>
/// <param name="hint">What may happen next in a status, appended to a refusal.</param>
internal sealed class ReviewWorkflow<TStatus, TAction>(
    string subject,
    Func<TStatus, TAction, TStatus?> next,
    Func<TStatus, bool> isEditable,
    Func<TAction, bool> needsComment,
    Func<TStatus, string> statusName,
    Func<TAction, string> actionName,
    Func<TStatus, string> hint)
    where TStatus : struct, Enum
    where TAction : struct, Enum
{
    public bool IsLegal(TStatus status, TAction action) => next(status, action).HasValue;

    public bool IsEditable(TStatus status) => isEditable(status);

    public TStatus Apply(TStatus status, TAction action, string? comment)
    {
        var result = next(status, action)
            ?? throw new DomainException($"{subject}当前状态为“{statusName(status)}”，不能{actionName(action)}。{hint(status)}");
        if (needsComment(action) && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException($"退回{subject}必须填写退回意见，说明需要修改的内容。");
        }

        return result;
    }

    public void EnsureEditable(TStatus status)
    {
        if (!isEditable(status))
        {
            throw new DomainException($"{subject}当前状态为“{statusName(status)}”，不能修改。{hint(status)}");
        }
    }
}
