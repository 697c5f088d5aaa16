namespace Jixiao.Domain.Reconsideration;

/// <summary>The ten grounds for suspending a reconsideration (中止).</summary>
/// <remarks>《行政复议法》2023 第三十九条第一款第（一）至（十）项。</remarks>
public enum SuspensionGround
{
    /// <summary>（一）作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议</summary>
    ApplicantDied = 1,

    /// <summary>（二）作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人</summary>
    ApplicantIncapacitated = 2,

    /// <summary>（三）作为申请人的公民下落不明</summary>
    ApplicantMissing = 3,

    /// <summary>（四）作为申请人的法人或者其他组织终止，尚未确定权利义务承受人</summary>
    ApplicantOrganisationEnded = 4,

    /// <summary>（五）申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议</summary>
    ForceMajeure = 5,

    /// <summary>（六）依法进行调解、和解，申请人和被申请人同意中止</summary>
    MediationOrSettlement = 6,

    /// <summary>（七）涉及的法律适用问题需要有权机关作出解释或者确认</summary>
    InterpretationNeeded = 7,

    /// <summary>（八）审理需要以其他案件的审理结果为依据，而其他案件尚未审结</summary>
    DependsOnOtherCase = 8,

    /// <summary>（九）有第五十六条或者第五十七条规定的情形（附带审查规范性文件）</summary>
    NormativeDocumentReview = 9,

    /// <summary>（十）需要中止行政复议的其他情形</summary>
    Other = 10,
}

public static class SuspensionGrounds
{
    public static string Name(SuspensionGround ground) => ground switch
    {
        SuspensionGround.ApplicantDied => "申请人死亡，近亲属尚未确定是否参加行政复议",
        SuspensionGround.ApplicantIncapacitated => "申请人丧失行为能力，尚未确定法定代理人",
        SuspensionGround.ApplicantMissing => "申请人下落不明",
        SuspensionGround.ApplicantOrganisationEnded => "申请人组织终止，尚未确定权利义务承受人",
        SuspensionGround.ForceMajeure => "因不可抗力或其他正当理由不能参加行政复议",
        SuspensionGround.MediationOrSettlement => "调解、和解中，双方同意中止",
        SuspensionGround.InterpretationNeeded => "法律适用问题需有权机关解释或确认",
        SuspensionGround.DependsOnOtherCase => "需以其他尚未审结案件的结果为依据",
        SuspensionGround.NormativeDocumentReview => "附带审查规范性文件",
        SuspensionGround.Other => "其他需要中止的情形",
        _ => ground.ToString(),
    };

    /// <summary>The item of Art. 39 ¶1 the ground is, e.g. 第三十九条第一款第六项.</summary>
    public static string Citation(SuspensionGround ground) =>
        $"《行政复议法》第三十九条第一款第{"一二三四五六七八九十"[(int)ground - 1]}项";
}
