namespace Jixiao.Domain.Reconsideration;

/// <summary>Who did something on a case: the user's number or sign-in name, and their name at the time.</summary>
public readonly record struct CaseActor(int UserId, string Name, string? UserName = null);

/// <summary>A document issued or received with a step, e.g. 补正通知书 with its number (文号).</summary>
public sealed record CaseDocument(string? Number, string Title);

/// <summary>What happened in a step of a reconsideration case.</summary>
public enum CaseStepKind
{
    Received = 1,
    SupplementRequested = 2,
    SupplementReceived = 3,
    SupplementLapsed = 4,
    Accepted = 5,
    Refused = 6,
    Informed = 7,
    Transferred = 8,
    HandledOtherwise = 9,
    SwitchedToOrdinary = 10,
    CopySent = 11,
    AnswerRecorded = 12,
    HearingScheduled = 13,
    HearingHeld = 14,
    CommitteeConsulted = 15,
    Mediation = 16,
    Settlement = 17,
    Suspended = 18,
    Resumed = 19,
    Extended = 20,
    Closed = 21,
    /// <summary>制发意见书或建议书</summary>
    OpinionLetterIssued = 22,

    /// <summary>收到意见书或建议书的整改反馈</summary>
    OpinionFeedbackReceived = 23,
    LetterRemoved = 24,
    CopiedToSuperior = 25,
    CopyRemoved = 26,
    PerformanceDueSet = 27,
    Performed = 28,
    PerformanceUrged = 29,
    EnforcementApplied = 30,
    HandlerAssigned = 50,
}

/// <summary>One entry of a case's history (办理记录): what, when, who, with which document.</summary>
public sealed class CaseStep
{
    private CaseStep()
    {
        ActorName = string.Empty;
    }

    internal CaseStep(CaseStepKind kind, DateTimeOffset at, CaseActor actor, CaseDocument? document, string? note)
    {
        Kind = kind;
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorUserName = actor.UserName;
        DocumentNumber = document?.Number;
        DocumentTitle = document?.Title;
        Note = note;
    }

    public int Id { get; private set; }

    public CaseStepKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>The sign-in name of the user who acted, when the actor is a user of the product.</summary>
    public string? ActorUserName { get; private set; }

    public string? DocumentNumber { get; private set; }

    public string? DocumentTitle { get; private set; }

    public string? Note { get; private set; }

    public static string KindName(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Received => "收到申请",
        CaseStepKind.SupplementRequested => "通知补正",
        CaseStepKind.SupplementReceived => "收到补正材料",
        CaseStepKind.SupplementLapsed => "逾期未补正，视为放弃",
        CaseStepKind.Accepted => "受理",
        CaseStepKind.Refused => "不予受理",
        CaseStepKind.Informed => "告知",
        CaseStepKind.Transferred => "转送",
        CaseStepKind.HandledOtherwise => "另行处理",
        CaseStepKind.SwitchedToOrdinary => "简易程序转普通程序",
        CaseStepKind.CopySent => "发送申请书副本",
        CaseStepKind.AnswerRecorded => "收到答复",
        CaseStepKind.HearingScheduled => "通知听证",
        CaseStepKind.HearingHeld => "举行听证",
        CaseStepKind.CommitteeConsulted => "提请咨询委员会咨询",
        CaseStepKind.Mediation => "调解",
        CaseStepKind.Settlement => "达成和解",
        CaseStepKind.Suspended => "中止",
        CaseStepKind.Resumed => "恢复审理",
        CaseStepKind.Extended => "延期",
        CaseStepKind.Closed => "结案",
        CaseStepKind.OpinionLetterIssued => "制发意见书/建议书",
        CaseStepKind.OpinionFeedbackReceived => "收到整改反馈",
        CaseStepKind.LetterRemoved => "删除意见书/建议书登记",
        CaseStepKind.CopiedToSuperior => "抄告",
        CaseStepKind.CopyRemoved => "删除抄告记录",
        CaseStepKind.PerformanceDueSet => "确定履行期限",
        CaseStepKind.Performed => "履行完毕",
        CaseStepKind.PerformanceUrged => "责令限期履行",
        CaseStepKind.EnforcementApplied => "申请强制执行",
        CaseStepKind.HandlerAssigned => "分配承办人",
        _ => kind.ToString(),
    };
}

/// <summary>A suspension of the case: ground, from, and the day the hearing of the case resumed.</summary>
public sealed class CaseSuspension
{
    private CaseSuspension()
    {
    }

    internal CaseSuspension(SuspensionGround ground, DateOnly from)
    {
        Ground = ground;
        From = from;
    }

    public int Id { get; private set; }

    public SuspensionGround Ground { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    internal void End(DateOnly to) => To = to;
}
