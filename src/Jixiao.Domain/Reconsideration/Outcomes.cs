namespace Jixiao.Domain.Reconsideration;

/// <summary>How an accepted reconsideration case was closed (结案方式).</summary>
public enum ReconsiderationOutcome
{
    /// <summary>变更（第六十三条）</summary>
    Vary = 1,

    /// <summary>撤销（第六十四条）</summary>
    Revoke = 2,

    /// <summary>部分撤销（第六十四条）</summary>
    RevokePartly = 3,

    /// <summary>撤销并责令重新作出（第六十四条）</summary>
    RevokeAndRedo = 4,

    /// <summary>部分撤销并责令重新作出（第六十四条）</summary>
    RevokePartlyAndRedo = 5,

    /// <summary>确认违法（第六十五条）</summary>
    ConfirmIllegal = 6,

    /// <summary>责令履行（第六十六条）</summary>
    OrderPerformance = 7,

    /// <summary>确认无效（第六十七条）</summary>
    ConfirmVoid = 8,

    /// <summary>维持（第六十八条）</summary>
    Uphold = 9,

    /// <summary>驳回复议请求（第六十九条）</summary>
    DismissClaim = 10,

    /// <summary>驳回申请（第三十三条）</summary>
    DismissApplication = 11,

    /// <summary>调解结案，制作调解书（第七十三条）</summary>
    MediationStatement = 12,

    /// <summary>和解后申请人撤回，终止（第七十四条）</summary>
    SettlementWithdrawal = 13,

    /// <summary>申请人撤回申请，终止（第四十一条第一项）</summary>
    Withdrawal = 14,

    /// <summary>其他终止（第四十一条）</summary>
    OtherTermination = 15,
}

/// <summary>The groups the statistics count outcomes in.</summary>
public enum OutcomeGroup
{
    /// <summary>纠错：撤销（含部分撤销、责令重作）、变更、确认违法、责令履行</summary>
    Corrected = 1,

    /// <summary>确认无效</summary>
    ConfirmedVoid = 2,

    /// <summary>维持</summary>
    Upheld = 3,

    /// <summary>驳回（驳回复议请求、驳回申请）</summary>
    Dismissed = 4,

    /// <summary>调解、和解</summary>
    MediatedOrSettled = 5,

    /// <summary>撤回终止</summary>
    Withdrawn = 6,

    /// <summary>其他终止</summary>
    Terminated = 7,
}

/// <summary>Names, articles and statistical groups of the outcomes.</summary>
/// <remarks>
/// 纠错率口径（casework-rules.md）：撤销 + 变更 + 确认违法 + 责令履行；确认无效与“改正后终止”不计入，使用其他口径时须在数字旁注明。
/// 调撤：和解、调解、撤回；直接调解：和解、调解。
/// </remarks>
public static class Outcomes
{
    public static string Name(ReconsiderationOutcome outcome) => outcome switch
    {
        ReconsiderationOutcome.Vary => "变更",
        ReconsiderationOutcome.Revoke => "撤销",
        ReconsiderationOutcome.RevokePartly => "部分撤销",
        ReconsiderationOutcome.RevokeAndRedo => "撤销并责令重作",
        ReconsiderationOutcome.RevokePartlyAndRedo => "部分撤销并责令重作",
        ReconsiderationOutcome.ConfirmIllegal => "确认违法",
        ReconsiderationOutcome.OrderPerformance => "责令履行",
        ReconsiderationOutcome.ConfirmVoid => "确认无效",
        ReconsiderationOutcome.Uphold => "维持",
        ReconsiderationOutcome.DismissClaim => "驳回复议请求",
        ReconsiderationOutcome.DismissApplication => "驳回申请",
        ReconsiderationOutcome.MediationStatement => "调解",
        ReconsiderationOutcome.SettlementWithdrawal => "和解后撤回终止",
        ReconsiderationOutcome.Withdrawal => "撤回终止",
        ReconsiderationOutcome.OtherTermination => "其他终止",
        _ => outcome.ToString(),
    };

    /// <summary>The article of the 2023 law the outcome rests on.</summary>
    public static string Citation(ReconsiderationOutcome outcome) => "《行政复议法》" + outcome switch
    {
        ReconsiderationOutcome.Vary => "第六十三条",
        ReconsiderationOutcome.Revoke or ReconsiderationOutcome.RevokePartly or ReconsiderationOutcome.RevokeAndRedo or ReconsiderationOutcome.RevokePartlyAndRedo => "第六十四条",
        ReconsiderationOutcome.ConfirmIllegal => "第六十五条",
        ReconsiderationOutcome.OrderPerformance => "第六十六条",
        ReconsiderationOutcome.ConfirmVoid => "第六十七条",
        ReconsiderationOutcome.Uphold => "第六十八条",
        ReconsiderationOutcome.DismissClaim => "第六十九条",
        ReconsiderationOutcome.DismissApplication => "第三十三条",
        ReconsiderationOutcome.MediationStatement => "第七十三条",
        ReconsiderationOutcome.SettlementWithdrawal => "第七十四条",
        _ => "第四十一条",
    };

    public static OutcomeGroup Group(ReconsiderationOutcome outcome) => outcome switch
    {
        ReconsiderationOutcome.Vary or ReconsiderationOutcome.Revoke or ReconsiderationOutcome.RevokePartly or ReconsiderationOutcome.RevokeAndRedo
            or ReconsiderationOutcome.RevokePartlyAndRedo or ReconsiderationOutcome.ConfirmIllegal or ReconsiderationOutcome.OrderPerformance => OutcomeGroup.Corrected,
        ReconsiderationOutcome.ConfirmVoid => OutcomeGroup.ConfirmedVoid,
        ReconsiderationOutcome.Uphold => OutcomeGroup.Upheld,
        ReconsiderationOutcome.DismissClaim or ReconsiderationOutcome.DismissApplication => OutcomeGroup.Dismissed,
        ReconsiderationOutcome.MediationStatement or ReconsiderationOutcome.SettlementWithdrawal => OutcomeGroup.MediatedOrSettled,
        ReconsiderationOutcome.Withdrawal => OutcomeGroup.Withdrawn,
        _ => OutcomeGroup.Terminated,
    };

    public static string GroupName(OutcomeGroup group) => group switch
    {
        OutcomeGroup.Corrected => "纠错",
        OutcomeGroup.ConfirmedVoid => "确认无效",
        OutcomeGroup.Upheld => "维持",
        OutcomeGroup.Dismissed => "驳回",
        OutcomeGroup.MediatedOrSettled => "调解、和解",
        OutcomeGroup.Withdrawn => "撤回",
        OutcomeGroup.Terminated => "其他终止",
        _ => group.ToString(),
    };

    /// <summary>Counted in the correction rate (纠错率): 撤销、变更、确认违法、责令履行.</summary>
    public static bool IsCorrection(ReconsiderationOutcome outcome) => Group(outcome) == OutcomeGroup.Corrected;

    /// <summary>Counted in the settlement-and-withdrawal rate (调撤率): 和解、调解、撤回.</summary>
    public static bool IsSettledMediatedOrWithdrawn(ReconsiderationOutcome outcome) => Group(outcome) is OutcomeGroup.MediatedOrSettled or OutcomeGroup.Withdrawn;

    /// <summary>Counted in the direct mediation rate (直接调解率): 和解、调解.</summary>
    public static bool IsSettledOrMediated(ReconsiderationOutcome outcome) => Group(outcome) == OutcomeGroup.MediatedOrSettled;

    /// <summary>
    /// Whether the closing document obliges someone to act, so that its performance (履行) is tracked:
    /// 变更, 撤销（部分撤销）并责令重作, 责令履行 and the mediation statement (调解书).
    /// </summary>
    /// <remarks>
    /// 《行政复议法》第七十七条：被申请人应当履行行政复议决定书、调解书、意见书；第七十八条：申请人、第三人不履行变更决定书、调解书的，
    /// 由行政复议机关强制执行或者申请人民法院强制执行。
    /// Counted: 责令重作 (the respondent must act anew, Art. 64), 责令履行 (Art. 66), 变更 (the body's decision replaces
    /// the act and is enforced under Art. 78 (2)), 调解书 (its terms bind both sides, Art. 73 and 78 (3)).
    /// Not counted: 撤销 and 部分撤销 without 重作 (the act is gone, nothing is owed), 确认违法 and 确认无效 (declarations),
    /// 维持 and the dismissals (the respondent owes nothing; an upheld act is enforced by its own agency, Art. 78 (1)),
    /// and every termination (nothing was decided).
    /// </remarks>
    public static bool RequiresPerformance(ReconsiderationOutcome outcome) =>
        outcome is ReconsiderationOutcome.Vary or ReconsiderationOutcome.RevokeAndRedo or ReconsiderationOutcome.RevokePartlyAndRedo
            or ReconsiderationOutcome.OrderPerformance or ReconsiderationOutcome.MediationStatement;

    /// <summary>Whether non-performance by the applicant or a third party leads to enforcement (强制执行): 变更 and 调解书.</summary>
    /// <remarks>《行政复议法》第七十八条第二项、第三项。</remarks>
    public static bool MayBeEnforced(ReconsiderationOutcome outcome) =>
        outcome is ReconsiderationOutcome.Vary or ReconsiderationOutcome.MediationStatement;

    /// <summary>Whether the closing document is a decision on the merits (行政复议决定书) that Art. 79 has copied to the superior.</summary>
    public static bool IsMeritsDecision(ReconsiderationOutcome outcome) =>
        outcome != ReconsiderationOutcome.MediationStatement && !IsTermination(outcome);

    /// <summary>The title of the closing document: 行政复议决定书, 行政复议调解书 or 行政复议终止决定书.</summary>
    public static string DocumentTitle(ReconsiderationOutcome outcome) => outcome switch
    {
        ReconsiderationOutcome.MediationStatement => "行政复议调解书",
        _ when IsTermination(outcome) => "行政复议终止决定书",
        _ => "行政复议决定书",
    };

    /// <summary>A termination (终止) rather than a decision or mediation statement; allowed while the case is suspended.</summary>
    public static bool IsTermination(ReconsiderationOutcome outcome) =>
        outcome is ReconsiderationOutcome.SettlementWithdrawal or ReconsiderationOutcome.Withdrawal or ReconsiderationOutcome.OtherTermination;
}
