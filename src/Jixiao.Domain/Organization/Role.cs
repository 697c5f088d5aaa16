namespace Jixiao.Domain.Organization;

/// <summary>The areas (业务板块) of the product, as shown in the navigation.</summary>
public enum Area
{
    /// <summary>绩效管理</summary>
    Performance,

    /// <summary>行政复议</summary>
    Reconsideration,

    /// <summary>行政应诉</summary>
    Litigation,

    /// <summary>规范性文件</summary>
    NormativeDocuments,

    /// <summary>法律顾问</summary>
    LegalAdvice,

    /// <summary>立法</summary>
    Legislation,

    /// <summary>法治考评</summary>
    Assessment,

    /// <summary>工作台账: meetings, instructions, trainings, open days, campaigns, selections.</summary>
    Activities,

    /// <summary>问题整改</summary>
    Rectification,

    /// <summary>统计分析</summary>
    Statistics,

    /// <summary>系统管理</summary>
    Administration,
}

/// <summary>A role (角色) and what it may do: the areas it reads and writes and whether it sees every unit.</summary>
/// <param name="Name">Role name used in the identity store and on the command line.</param>
/// <param name="DisplayName">Chinese name shown in the product.</param>
/// <param name="ReadsAllUnits">True for roles whose data scope is every unit, not their unit's subtree.</param>
/// <param name="Reads">Areas the role may open.</param>
/// <param name="Writes">Areas in which the role may change records.</param>
public sealed record Role(string Name, string DisplayName, bool ReadsAllUnits, IReadOnlySet<Area> Reads, IReadOnlySet<Area> Writes)
{
    public bool MayRead(Area area) => Reads.Contains(area);

    public bool MayWrite(Area area) => Writes.Contains(area);
}

/// <summary>The roles of ARCHITECTURE.md. Every user has one or more of them and belongs to one unit.</summary>
public static class Roles
{
    public const string Administrator = "admin";
    public const string PerformanceOfficer = "performance-officer";
    public const string Reviewer = "reviewer";
    public const string FinanceReviewer = "finance-reviewer";
    public const string CaseHandler = "case-handler";
    public const string ReconsiderationHead = "reconsideration-head";
    public const string Leader = "leader";

    private static readonly Area[] Ledgers =
    [
        Area.Reconsideration, Area.Litigation, Area.NormativeDocuments, Area.LegalAdvice, Area.Legislation, Area.Assessment,
        Area.Activities, Area.Rectification,
    ];

    /// <summary>The registers a unit's performance staff keep as well: its activities and the rectification of problems found.</summary>
    private static readonly Area[] UnitRegisters = [Area.Activities, Area.Rectification];

    public static readonly IReadOnlyList<Role> All =
    [
        new(Administrator, "系统管理员", ReadsAllUnits: true,
            Set(Area.Administration), Set(Area.Administration)),
        new(PerformanceOfficer, "绩效填报人", ReadsAllUnits: false,
            Set([Area.Performance, Area.Statistics, .. Ledgers]), Set([Area.Performance, .. UnitRegisters])),
        new(Reviewer, "单位负责人/审核人", ReadsAllUnits: false,
            Set([Area.Performance, Area.Statistics, .. Ledgers]), Set([Area.Performance, .. UnitRegisters])),
        new(FinanceReviewer, "财政审核人", ReadsAllUnits: true,
            Set(Area.Performance, Area.Statistics, Area.Rectification), Set(Area.Performance)),
        new(CaseHandler, "承办人", ReadsAllUnits: false,
            Set([Area.Statistics, .. Ledgers]), Set(Ledgers)),
        new(ReconsiderationHead, "复议机构负责人", ReadsAllUnits: false,
            Set([Area.Statistics, .. Ledgers]), Set(Ledgers)),
        new(Leader, "领导", ReadsAllUnits: false,
            Set([Area.Performance, Area.Statistics, .. Ledgers]), Set()),
    ];

    public static Role? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public static Role Get(string name) => Find(name)
        ?? throw new DomainException($"角色“{name}”不存在。可用角色：{string.Join("、", All.Select(r => $"{r.Name}（{r.DisplayName}）"))}。");

    public static string DisplayName(string name) => Find(name)?.DisplayName ?? name;

    /// <summary>True when any of the roles reads every unit rather than a subtree.</summary>
    public static bool AnyReadsAllUnits(IEnumerable<string> roleNames) => roleNames.Any(r => Find(r)?.ReadsAllUnits == true);

    public static bool MayRead(IEnumerable<string> roleNames, Area area) => roleNames.Any(r => Find(r)?.MayRead(area) == true);

    public static bool MayWrite(IEnumerable<string> roleNames, Area area) => roleNames.Any(r => Find(r)?.MayWrite(area) == true);

    public static string AreaName(Area area) => area switch
    {
        Area.Performance => "绩效管理",
        Area.Reconsideration => "行政复议",
        Area.Litigation => "行政应诉",
        Area.NormativeDocuments => "规范性文件",
        Area.LegalAdvice => "法律顾问",
        Area.Legislation => "立法",
        Area.Assessment => "法治考评",
        Area.Activities => "工作台账",
        Area.Rectification => "问题整改",
        Area.Statistics => "统计分析",
        Area.Administration => "系统管理",
        _ => area.ToString(),
    };

    private static HashSet<Area> Set(params IEnumerable<Area> areas) => [.. areas];
}
