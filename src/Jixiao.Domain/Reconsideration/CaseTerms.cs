namespace Jixiao.Domain.Reconsideration;

/// <summary>The matter (案件类别) a reconsideration application is about, as the statistics count them.</summary>
public enum MatterCategory
{
    /// <summary>行政处罚</summary>
    AdministrativePenalty = 1,

    /// <summary>举报投诉处理</summary>
    ComplaintHandling = 2,

    /// <summary>政府信息公开</summary>
    InformationDisclosure = 3,

    /// <summary>行政征收</summary>
    Expropriation = 4,

    /// <summary>行政确认</summary>
    Confirmation = 5,

    /// <summary>行政强制</summary>
    Enforcement = 6,

    /// <summary>行政不作为</summary>
    Inaction = 7,

    /// <summary>行政确权</summary>
    TitleDetermination = 8,

    /// <summary>行政许可</summary>
    Licensing = 9,

    /// <summary>其他</summary>
    Other = 99,
}

/// <summary>How the application came in (申请方式).</summary>
public enum ApplicationChannel
{
    /// <summary>当面</summary>
    InPerson = 1,

    /// <summary>邮寄</summary>
    Post = 2,

    /// <summary>网上</summary>
    Online = 3,
}

/// <summary>Who applies (申请人类型).</summary>
public enum ApplicantKind
{
    /// <summary>公民</summary>
    Citizen = 1,

    /// <summary>法人（企业）</summary>
    Enterprise = 2,

    /// <summary>其他组织</summary>
    OtherOrganisation = 3,
}

/// <summary>How an application ended before acceptance.</summary>
public enum PreAcceptanceEnding
{
    /// <summary>不予受理（《行政复议法》第三十条）</summary>
    Refused = 1,

    /// <summary>告知（告知通过其他途径解决）</summary>
    Informed = 2,

    /// <summary>转送</summary>
    Transferred = 3,

    /// <summary>另行处理</summary>
    HandledOtherwise = 4,

    /// <summary>逾期未补正，视为放弃（《行政复议法》第三十一条）</summary>
    SupplementOverdue = 5,
}

/// <summary>Chinese names of the case terms, for tables and documents.</summary>
public static class CaseTermNames
{
    public static string Name(MatterCategory category) => category switch
    {
        MatterCategory.AdministrativePenalty => "行政处罚",
        MatterCategory.ComplaintHandling => "举报投诉处理",
        MatterCategory.InformationDisclosure => "政府信息公开",
        MatterCategory.Expropriation => "行政征收",
        MatterCategory.Confirmation => "行政确认",
        MatterCategory.Enforcement => "行政强制",
        MatterCategory.Inaction => "行政不作为",
        MatterCategory.TitleDetermination => "行政确权",
        MatterCategory.Licensing => "行政许可",
        MatterCategory.Other => "其他",
        _ => category.ToString(),
    };

    public static string Name(ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.InPerson => "当面",
        ApplicationChannel.Post => "邮寄",
        ApplicationChannel.Online => "网上",
        _ => channel.ToString(),
    };

    public static string Name(ApplicantKind kind) => kind switch
    {
        ApplicantKind.Citizen => "公民",
        ApplicantKind.Enterprise => "法人（企业）",
        ApplicantKind.OtherOrganisation => "其他组织",
        _ => kind.ToString(),
    };

    public static string Name(PreAcceptanceEnding ending) => ending switch
    {
        PreAcceptanceEnding.Refused => "不予受理",
        PreAcceptanceEnding.Informed => "告知",
        PreAcceptanceEnding.Transferred => "转送",
        PreAcceptanceEnding.HandledOtherwise => "另行处理",
        PreAcceptanceEnding.SupplementOverdue => "逾期未补正",
        _ => ending.ToString(),
    };
}
