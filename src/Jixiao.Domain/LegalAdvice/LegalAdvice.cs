using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.LegalAdvice;

/// <summary>A legal adviser engaged by a person (律师、学者) or a firm (律师事务所).</summary>
public enum AdviserKind
{
    Person = 1,
    Firm = 2,
}

/// <summary>The kind of a matter put to an adviser (办件类型).</summary>
public enum MatterType
{
    /// <summary>合同审查</summary>
    Contract = 1,

    /// <summary>规范性文件、政策文件审查</summary>
    Document = 2,

    /// <summary>重大决策、重大项目论证</summary>
    MajorDecision = 3,

    /// <summary>诉讼、复议、信访等案件</summary>
    Dispute = 4,

    /// <summary>其他法律事务</summary>
    Other = 99,
}

/// <summary>A meeting attended (参加会议) or a lecture given (开展讲座) by an adviser.</summary>
public enum ActivityKind
{
    Meeting = 1,
    Lecture = 2,
}

public static class LegalAdviceNames
{
    public static string Name(AdviserKind kind) => kind switch
    {
        AdviserKind.Person => "个人",
        AdviserKind.Firm => "律师事务所",
        _ => kind.ToString(),
    };

    public static string Name(MatterType type) => type switch
    {
        MatterType.Contract => "合同审查",
        MatterType.Document => "文件审查",
        MatterType.MajorDecision => "重大决策论证",
        MatterType.Dispute => "案件处理",
        MatterType.Other => "其他法律事务",
        _ => type.ToString(),
    };

    public static string Name(ActivityKind kind) => kind switch
    {
        ActivityKind.Meeting => "参加会议",
        ActivityKind.Lecture => "开展讲座",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The counting rules of the legal-adviser figures (seed-figures.md): who counts as engaged in a period, and which
/// advisers' matters belong to the government's own advisers or to the pooled firms (统筹使用).
/// </summary>
public static class LegalAdviceRules
{
    /// <summary>Engaged in a period: the term of engagement overlaps it (both days included).</summary>
    public static bool EngagedDuring(DateOnly engagedFrom, DateOnly engagedTo, DateOnly from, DateOnly to) =>
        engagedFrom <= to && engagedTo >= from;
}

/// <summary>
/// A legal adviser (法律顾问) of a unit: a person or a firm, engaged for a term; a pooled firm (统筹使用) serves the
/// Party and government bodies together rather than the unit alone.
/// </summary>
public sealed class LegalAdviser : IUnitScoped
{
    private LegalAdviser()
    {
        Name = string.Empty;
    }

    public LegalAdviser(int unitId, string name, AdviserKind kind, string? organisation, bool pooled, DateOnly engagedFrom, DateOnly engagedTo, string? note)
        : this()
    {
        UnitId = unitId;
        Update(name, kind, organisation, pooled, engagedFrom, engagedTo, note);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; }

    public AdviserKind Kind { get; private set; }

    /// <summary>执业机构 of a person.</summary>
    public string? Organisation { get; private set; }

    /// <summary>统筹使用的法律顾问单位.</summary>
    public bool Pooled { get; private set; }

    public DateOnly EngagedFrom { get; private set; }

    public DateOnly EngagedTo { get; private set; }

    public string? Note { get; private set; }

    public void Update(string name, AdviserKind kind, string? organisation, bool pooled, DateOnly engagedFrom, DateOnly engagedTo, string? note)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("顾问类型不正确。");
        }

        if (engagedTo < engagedFrom)
        {
            throw new DomainException($"聘期结束日{engagedTo:yyyy-MM-dd}早于开始日{engagedFrom:yyyy-MM-dd}。");
        }

        if (pooled && kind != AdviserKind.Firm)
        {
            throw new DomainException("统筹使用的法律顾问应为律师事务所。");
        }

        Name = Text.Required(name, "顾问名称", 100);
        Kind = kind;
        Organisation = Text.Optional(organisation, 100);
        Pooled = pooled;
        EngagedFrom = engagedFrom;
        EngagedTo = engagedTo;
        Note = Text.Optional(note, 500);
    }
}

/// <summary>A matter (办件) handled by an adviser: its type, when received and finished, and whether a written opinion was given.</summary>
public sealed class AdviceMatter : IUnitScoped
{
    private AdviceMatter()
    {
        Subject = string.Empty;
    }

    public AdviceMatter(LegalAdviser adviser, MatterType type, string subject, DateOnly receivedOn, DateOnly? finishedOn, bool writtenOpinion, string? note)
        : this()
    {
        ArgumentNullException.ThrowIfNull(adviser);
        UnitId = adviser.UnitId;
        AdviserId = adviser.Id;
        Update(type, subject, receivedOn, finishedOn, writtenOpinion, note);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int AdviserId { get; private set; }

    public MatterType Type { get; private set; }

    public string Subject { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    /// <summary>出具书面法律意见.</summary>
    public bool WrittenOpinion { get; private set; }

    public string? Note { get; private set; }

    public void Update(MatterType type, string subject, DateOnly receivedOn, DateOnly? finishedOn, bool writtenOpinion, string? note)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("办件类型不正确。");
        }

        if (finishedOn < receivedOn)
        {
            throw new DomainException($"办结日期{finishedOn:yyyy-MM-dd}早于收件日期{receivedOn:yyyy-MM-dd}。");
        }

        if (writtenOpinion && finishedOn is null)
        {
            throw new DomainException("出具书面意见的办件须填写办结日期。");
        }

        Type = type;
        Subject = Text.Required(subject, "事项", 200);
        ReceivedOn = receivedOn;
        FinishedOn = finishedOn;
        WrittenOpinion = writtenOpinion;
        Note = Text.Optional(note, 500);
    }
}

/// <summary>A meeting an adviser attended or a lecture an adviser gave.</summary>
public sealed class AdviserActivity : IUnitScoped
{
    private AdviserActivity()
    {
        Subject = string.Empty;
    }

    public AdviserActivity(LegalAdviser adviser, ActivityKind kind, DateOnly heldOn, string subject)
        : this()
    {
        ArgumentNullException.ThrowIfNull(adviser);
        UnitId = adviser.UnitId;
        AdviserId = adviser.Id;
        Update(kind, heldOn, subject);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int AdviserId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Subject { get; private set; }

    public void Update(ActivityKind kind, DateOnly heldOn, string subject)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("活动类型不正确。");
        }

        Kind = kind;
        HeldOn = heldOn;
        Subject = Text.Required(subject, "主题", 200);
    }
}
