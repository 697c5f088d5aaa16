namespace Jixiao.Domain.NormativeDocuments;

/// <summary>政府规范性文件 (issued by a people's government or its office) or 部门规范性文件 (by a department).</summary>
public enum DocumentLevel
{
    Government = 1,
    Departmental = 2,
}

/// <summary>The result of a legality review (合法性审核) of a draft.</summary>
public enum ReviewResult
{
    /// <summary>审核通过</summary>
    Approved = 1,

    /// <summary>修改后通过</summary>
    ApprovedWithChanges = 2,

    /// <summary>不予通过</summary>
    NotApproved = 3,
}

/// <summary>The result of a filing review (备案审查) of a lower government's document.</summary>
public enum FilingResult
{
    /// <summary>符合规定</summary>
    Compliant = 1,

    /// <summary>发现问题，已责令纠正</summary>
    Corrected = 2,

    /// <summary>予以撤销</summary>
    Revoked = 3,
}

/// <summary>The opinion on a document examined in a cleanup (清理意见).</summary>
public enum CleanupOpinion
{
    /// <summary>保留</summary>
    Keep = 1,

    /// <summary>修改</summary>
    Amend = 2,

    /// <summary>废止</summary>
    Repeal = 3,

    /// <summary>明确有效期</summary>
    SetValidity = 4,
}

/// <summary>The field (领域) of a certification item under the notification-and-commitment scheme.</summary>
public enum CertificationField
{
    PublicSecurity = 1,
    HumanResources = 2,
    Justice = 3,
    Health = 4,
    Agriculture = 5,
    MarketRegulation = 6,
    Housing = 7,
    Other = 99,
}

/// <summary>Chinese names of the normative-document terms, as pages, exports and imports show them.</summary>
public static class NormativeTermNames
{
    public static string Name(DocumentLevel level) => level switch
    {
        DocumentLevel.Government => "政府规范性文件",
        DocumentLevel.Departmental => "部门规范性文件",
        _ => level.ToString(),
    };

    public static string Name(ReviewResult result) => result switch
    {
        ReviewResult.Approved => "审核通过",
        ReviewResult.ApprovedWithChanges => "修改后通过",
        ReviewResult.NotApproved => "不予通过",
        _ => result.ToString(),
    };

    public static string Name(FilingResult result) => result switch
    {
        FilingResult.Compliant => "符合规定",
        FilingResult.Corrected => "责令纠正",
        FilingResult.Revoked => "予以撤销",
        _ => result.ToString(),
    };

    public static string Name(CleanupOpinion opinion) => opinion switch
    {
        CleanupOpinion.Keep => "保留",
        CleanupOpinion.Amend => "修改",
        CleanupOpinion.Repeal => "废止",
        CleanupOpinion.SetValidity => "明确有效期",
        _ => opinion.ToString(),
    };

    public static string Name(CertificationField field) => field switch
    {
        CertificationField.PublicSecurity => "公安",
        CertificationField.HumanResources => "人力资源和社会保障",
        CertificationField.Justice => "司法",
        CertificationField.Health => "卫生健康",
        CertificationField.Agriculture => "农业农村",
        CertificationField.MarketRegulation => "市场监管",
        CertificationField.Housing => "住房城乡建设",
        CertificationField.Other => "其他",
        _ => field.ToString(),
    };
}
