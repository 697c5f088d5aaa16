namespace Jixiao.Domain.Litigation;

/// <summary>How a first-instance administrative case ended (一审结案方式).</summary>
public enum FirstInstanceOutcome
{
    /// <summary>判决驳回诉讼请求（第六十九条）</summary>
    DismissClaim = 1,

    /// <summary>判决撤销或者部分撤销，可以判决重新作出行政行为（第七十条）</summary>
    Revoke = 2,

    /// <summary>判决履行（第七十二条）</summary>
    OrderPerformance = 3,

    /// <summary>判决给付（第七十三条）</summary>
    OrderPayment = 4,

    /// <summary>判决确认违法（第七十四条）</summary>
    ConfirmIllegal = 5,

    /// <summary>判决确认无效（第七十五条）</summary>
    ConfirmVoid = 6,

    /// <summary>判决变更（第七十七条）</summary>
    Vary = 7,

    /// <summary>行政协议案件判决（第七十八条）</summary>
    AdministrativeAgreement = 8,

    /// <summary>裁定驳回起诉</summary>
    RulingDismissSuit = 9,

    /// <summary>裁定准许撤诉</summary>
    RulingAllowWithdrawal = 10,

    /// <summary>调解</summary>
    Mediation = 11,

    /// <summary>驳回赔偿请求</summary>
    DismissCompensation = 12,
}

/// <summary>How an appeal ended (二审结案方式).</summary>
/// <remarks>《行政诉讼法》第八十九条。</remarks>
public enum SecondInstanceOutcome
{
    /// <summary>维持（驳回上诉）</summary>
    Uphold = 1,

    /// <summary>改判</summary>
    Revise = 2,

    /// <summary>发回重审</summary>
    Remand = 3,
}

/// <summary>The groups the litigation statistics report first-instance outcomes in.</summary>
public enum FirstInstanceGroup
{
    /// <summary>驳回诉讼请求</summary>
    ClaimDismissed = 1,

    /// <summary>裁定驳回起诉或准许撤诉</summary>
    Ruling = 2,

    /// <summary>行政机关败诉（撤销、确认违法或无效、变更、限期履行）</summary>
    AgencyChanged = 3,

    /// <summary>调解</summary>
    Mediated = 4,

    /// <summary>驳回赔偿请求</summary>
    CompensationDismissed = 5,

    /// <summary>其他（给付、行政协议）</summary>
    Other = 6,
}

/// <summary>Names, articles and groups of litigation outcomes.</summary>
/// <remarks>《行政诉讼法》第六十九条至第七十八条、第八十九条；败诉口径：撤销、确认违法或无效、变更、限期履行（casework-rules.md）。</remarks>
public static class LitigationOutcomes
{
    public static FirstInstanceGroup Group(FirstInstanceOutcome outcome) => outcome switch
    {
        FirstInstanceOutcome.DismissClaim => FirstInstanceGroup.ClaimDismissed,
        FirstInstanceOutcome.RulingDismissSuit or FirstInstanceOutcome.RulingAllowWithdrawal => FirstInstanceGroup.Ruling,
        FirstInstanceOutcome.Revoke or FirstInstanceOutcome.ConfirmIllegal or FirstInstanceOutcome.ConfirmVoid
            or FirstInstanceOutcome.Vary or FirstInstanceOutcome.OrderPerformance => FirstInstanceGroup.AgencyChanged,
        FirstInstanceOutcome.Mediation => FirstInstanceGroup.Mediated,
        FirstInstanceOutcome.DismissCompensation => FirstInstanceGroup.CompensationDismissed,
        _ => FirstInstanceGroup.Other,
    };

    /// <summary>The agency lost (败诉): its act was revoked, found illegal or void, varied, or it was ordered to perform.</summary>
    public static bool IsAgencyChanged(FirstInstanceOutcome outcome) => Group(outcome) == FirstInstanceGroup.AgencyChanged;

    public static string Name(FirstInstanceOutcome outcome) => outcome switch
    {
        FirstInstanceOutcome.DismissClaim => "驳回诉讼请求",
        FirstInstanceOutcome.Revoke => "撤销或重作",
        FirstInstanceOutcome.OrderPerformance => "履行",
        FirstInstanceOutcome.OrderPayment => "给付",
        FirstInstanceOutcome.ConfirmIllegal => "确认违法",
        FirstInstanceOutcome.ConfirmVoid => "确认无效",
        FirstInstanceOutcome.Vary => "变更",
        FirstInstanceOutcome.AdministrativeAgreement => "行政协议",
        FirstInstanceOutcome.RulingDismissSuit => "裁定驳回起诉",
        FirstInstanceOutcome.RulingAllowWithdrawal => "裁定准许撤诉",
        FirstInstanceOutcome.Mediation => "调解",
        FirstInstanceOutcome.DismissCompensation => "驳回赔偿请求",
        _ => outcome.ToString(),
    };

    public static string Name(SecondInstanceOutcome outcome) => outcome switch
    {
        SecondInstanceOutcome.Uphold => "维持",
        SecondInstanceOutcome.Revise => "改判",
        SecondInstanceOutcome.Remand => "发回重审",
        _ => outcome.ToString(),
    };

    public static string GroupName(FirstInstanceGroup group) => group switch
    {
        FirstInstanceGroup.ClaimDismissed => "驳回诉讼请求",
        FirstInstanceGroup.Ruling => "裁定驳回起诉或准许撤诉",
        FirstInstanceGroup.AgencyChanged => "撤销、确认违法或无效、变更、限期履行",
        FirstInstanceGroup.Mediated => "调解",
        FirstInstanceGroup.CompensationDismissed => "驳回赔偿请求",
        FirstInstanceGroup.Other => "其他",
        _ => group.ToString(),
    };

    /// <summary>The article of the Administrative Litigation Law for a judgment; rulings, mediation and compensation cite none here.</summary>
    public static string? Citation(FirstInstanceOutcome outcome) => outcome switch
    {
        FirstInstanceOutcome.DismissClaim => "《行政诉讼法》第六十九条",
        FirstInstanceOutcome.Revoke => "《行政诉讼法》第七十条",
        FirstInstanceOutcome.OrderPerformance => "《行政诉讼法》第七十二条",
        FirstInstanceOutcome.OrderPayment => "《行政诉讼法》第七十三条",
        FirstInstanceOutcome.ConfirmIllegal => "《行政诉讼法》第七十四条",
        FirstInstanceOutcome.ConfirmVoid => "《行政诉讼法》第七十五条",
        FirstInstanceOutcome.Vary => "《行政诉讼法》第七十七条",
        FirstInstanceOutcome.AdministrativeAgreement => "《行政诉讼法》第七十八条",
        _ => null,
    };
}
