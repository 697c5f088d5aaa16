using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.Legislation;

/// <summary>The kind of a legislation project: a local regulation (地方性法规) or a government rule (政府规章).</summary>
public enum LegislationKind
{
    LocalRegulation = 1,
    GovernmentRule = 2,
}

/// <summary>The stage a project has reached: from proposal to adoption, or research (调研) for a research project.</summary>
public enum LegislationStage
{
    /// <summary>立项建议</summary>
    Proposal = 1,

    /// <summary>起草</summary>
    Drafting = 2,

    /// <summary>征求意见</summary>
    Consultation = 3,

    /// <summary>审查</summary>
    Review = 4,

    /// <summary>审议</summary>
    Deliberation = 5,

    /// <summary>通过/公布</summary>
    Adopted = 6,

    /// <summary>调研</summary>
    Research = 7,
}

/// <summary>Work commissioned to an outside body (委托第三方): drafting (委托起草) or research (委托调研).</summary>
public enum LegislationCommission
{
    None = 0,
    Drafting = 1,
    Research = 2,
}

public static class LegislationNames
{
    public static string Name(LegislationKind kind) => kind switch
    {
        LegislationKind.LocalRegulation => "地方性法规",
        LegislationKind.GovernmentRule => "政府规章",
        _ => kind.ToString(),
    };

    public static string Name(LegislationStage stage) => stage switch
    {
        LegislationStage.Proposal => "立项建议",
        LegislationStage.Drafting => "起草",
        LegislationStage.Consultation => "征求意见",
        LegislationStage.Review => "审查",
        LegislationStage.Deliberation => "审议",
        LegislationStage.Adopted => "通过/公布",
        LegislationStage.Research => "调研",
        _ => stage.ToString(),
    };

    public static string Name(LegislationCommission commission) => commission switch
    {
        LegislationCommission.None => "自行承办",
        LegislationCommission.Drafting => "委托起草",
        LegislationCommission.Research => "委托调研",
        _ => commission.ToString(),
    };
}

/// <summary>The counting rules of the legislation figures (seed-figures.md: 工作完成及时率).</summary>
public static class LegislationRules
{
    /// <summary>
    /// Done on time: completed on or before the due date. A project not yet completed is not judged (null); one
    /// completed after its due date is late.
    /// </summary>
    public static bool? OnTime(DateOnly dueOn, DateOnly? completedOn) => completedOn is { } done ? done <= dueOn : null;
}

/// <summary>
/// A legislation project (立法项目) of a unit's annual plan: a local regulation or government rule, its stage, whether
/// its drafting or research was commissioned to an outside body, when it is due and when it was completed.
/// </summary>
public sealed class LegislationProject : IUnitScoped
{
    private LegislationProject()
    {
        Title = string.Empty;
    }

    public LegislationProject(int unitId, int planYear, LegislationKind kind, string title, LegislationStage stage, LegislationCommission commission,
        string? commissionedBody, DateOnly dueOn, DateOnly? completedOn, string? note)
        : this()
    {
        UnitId = unitId;
        Update(planYear, kind, title, stage, commission, commissionedBody, dueOn, completedOn, note);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>立法计划年度.</summary>
    public int PlanYear { get; private set; }

    public LegislationKind Kind { get; private set; }

    public string Title { get; private set; }

    public LegislationStage Stage { get; private set; }

    public LegislationCommission Commission { get; private set; }

    /// <summary>受委托单位.</summary>
    public string? CommissionedBody { get; private set; }

    /// <summary>完成时限.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>完成日期 of the year's work on the project (drafting, research, adoption).</summary>
    public DateOnly? CompletedOn { get; private set; }

    public string? Note { get; private set; }

    public bool? OnTime => LegislationRules.OnTime(DueOn, CompletedOn);

    public void Update(int planYear, LegislationKind kind, string title, LegislationStage stage, LegislationCommission commission,
        string? commissionedBody, DateOnly dueOn, DateOnly? completedOn, string? note)
    {
        if (planYear is < 1990 or > 2100)
        {
            throw new DomainException($"计划年度{planYear}不正确。");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("项目类别不正确。");
        }

        if (!Enum.IsDefined(stage))
        {
            throw new DomainException("所处阶段不正确。");
        }

        if (!Enum.IsDefined(commission))
        {
            throw new DomainException("委托方式不正确。");
        }

        var body = Text.Optional(commissionedBody, 100);
        if (commission != LegislationCommission.None && body is null)
        {
            throw new DomainException($"{LegislationNames.Name(commission)}的项目须填写受委托单位。");
        }

        if (commission == LegislationCommission.None && body is not null)
        {
            throw new DomainException("未委托的项目不应填写受委托单位。");
        }

        if (commission == LegislationCommission.Research && stage != LegislationStage.Research)
        {
            throw new DomainException("委托调研的项目所处阶段应为“调研”。");
        }

        if (dueOn.Year < planYear)
        {
            throw new DomainException($"完成时限{dueOn:yyyy-MM-dd}早于计划年度{planYear}。");
        }

        if (completedOn is { } done && done.Year < planYear)
        {
            throw new DomainException($"完成日期{done:yyyy-MM-dd}早于计划年度{planYear}。");
        }

        PlanYear = planYear;
        Kind = kind;
        Title = Text.Required(title, "项目名称", 200);
        Stage = stage;
        Commission = commission;
        CommissionedBody = body;
        DueOn = dueOn;
        CompletedOn = completedOn;
        Note = Text.Optional(note, 500);
    }
}
