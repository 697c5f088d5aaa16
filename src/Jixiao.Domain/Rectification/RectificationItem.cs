using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.Rectification;

/// <summary>Where a problem was found (问题来源).</summary>
public enum RectificationSource
{
    /// <summary>质量评查 (e.g. the quality-improvement year's case review).</summary>
    QualityReview = 1,

    /// <summary>问题线索 of a campaign (专项整治).</summary>
    ProblemLead = 2,

    /// <summary>督察检查.</summary>
    Inspection = 3,

    /// <summary>绩效自评偏差: the deviation reason of an unmet indicator.</summary>
    EvaluationDeviation = 4,

    /// <summary>绩效自评存在问题: a point of a self-evaluation's 存在问题及建议.</summary>
    EvaluationProblem = 5,

    /// <summary>意见书 / 建议书.</summary>
    OpinionLetter = 6,

    /// <summary>其他.</summary>
    Other = 7,
}

/// <summary>待整改 → 整改中 → 已整改 → 已验收.</summary>
public enum RectificationStatus
{
    Open = 1,
    InProgress = 2,
    Rectified = 3,
    Verified = 4,
}

/// <summary>
/// A problem found and its rectification (问题整改): the unit responsible, the owner, the measure, the deadline,
/// what was done and its verification. Moves only forward, except that a failed verification sends it back.
/// </summary>
public sealed class RectificationItem : IUnitScoped
{
    private RectificationItem()
    {
        Problem = OwnerName = string.Empty;
    }

    public RectificationItem(int unitId, RectificationSource source, DateOnly foundOn, RectificationDetails details)
    {
        UnitId = unitId;
        Status = RectificationStatus.Open;
        Source = RectificationRules.CheckSource(source);
        FoundOn = foundOn;
        Problem = OwnerName = string.Empty;
        Update(details);
    }

    public int Id { get; private set; }

    /// <summary>The unit responsible (责任单位).</summary>
    public int UnitId { get; private set; }

    public RectificationSource Source { get; private set; }

    /// <summary>来源说明, e.g. the campaign, the review, the document number of an 意见书.</summary>
    public string? SourceReference { get; private set; }

    public DateOnly FoundOn { get; private set; }

    public string Problem { get; private set; }

    /// <summary>The owner's account (for the to-do list), when the owner is a user.</summary>
    public string? OwnerUserName { get; private set; }

    public string OwnerName { get; private set; }

    public string? Measure { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public RectificationStatus Status { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? RectifiedOn { get; private set; }

    public string? Result { get; private set; }

    public DateOnly? VerifiedOn { get; private set; }

    public string? VerifiedBy { get; private set; }

    public string? Verification { get; private set; }

    /// <summary>The project whose self-evaluation raised it, and the evaluation year.</summary>
    public int? ProjectId { get; private set; }

    public int? EvaluationYear { get; private set; }

    public int? IndicatorId { get; private set; }

    /// <summary>The activity (e.g. the campaign) whose problem lead it is.</summary>
    public int? ActivityId { get; private set; }

    public void Update(RectificationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status == RectificationStatus.Verified)
        {
            throw new DomainException("已验收的整改事项不能再修改。");
        }

        if (details.Deadline is { } deadline && deadline < FoundOn)
        {
            throw new DomainException($"整改期限 {deadline:yyyy-MM-dd} 不能早于发现日期 {FoundOn:yyyy-MM-dd}。");
        }

        Problem = Text.Required(details.Problem, "问题描述", 2000);
        OwnerName = Text.Required(details.OwnerName, "整改责任人", 64);
        OwnerUserName = Text.Optional(details.OwnerUserName, 256);
        Measure = Text.Optional(details.Measure, 2000);
        Deadline = details.Deadline;
        SourceReference = Text.Optional(details.SourceReference, 200);
    }

    public RectificationDetails Details => new(Problem, OwnerName, OwnerUserName, Measure, Deadline, SourceReference);

    /// <summary>Links the item to what raised it.</summary>
    public void LinkTo(int? projectId, int? evaluationYear, int? indicatorId, int? activityId)
    {
        ProjectId = projectId;
        EvaluationYear = evaluationYear;
        IndicatorId = indicatorId;
        ActivityId = activityId;
    }

    /// <summary>开始整改: needs a measure.</summary>
    public void Start(DateOnly on, string? measure = null)
    {
        RectificationRules.Refuse(Status, RectificationAction.Start);
        var m = Text.Optional(measure, 2000) ?? Measure;
        if (m is null)
        {
            throw new DomainException("开始整改前须填写整改措施。");
        }

        CheckDate(on, FoundOn, "开始整改日期", "发现日期");
        Measure = m;
        StartedOn = on;
        Status = RectificationStatus.InProgress;
    }

    /// <summary>整改完成: the date and what was done.</summary>
    public void Complete(DateOnly on, string result)
    {
        RectificationRules.Refuse(Status, RectificationAction.Complete);
        CheckDate(on, StartedOn ?? FoundOn, "整改完成日期", "开始整改日期");
        Result = Text.Required(result, "整改情况", 2000);
        RectifiedOn = on;
        Status = RectificationStatus.Rectified;
    }

    /// <summary>验收通过.</summary>
    public void Verify(DateOnly on, string verifiedBy, string? note)
    {
        RectificationRules.Refuse(Status, RectificationAction.Verify);
        CheckDate(on, RectifiedOn!.Value, "验收日期", "整改完成日期");
        VerifiedBy = Text.Required(verifiedBy, "验收人", 64);
        Verification = Text.Optional(note, 2000);
        VerifiedOn = on;
        Status = RectificationStatus.Verified;
    }

    /// <summary>验收不通过: back to 整改中 with the reason.</summary>
    public void RejectVerification(string reason)
    {
        RectificationRules.Refuse(Status, RectificationAction.Reject);
        Verification = "验收不通过：" + Text.Required(reason, "不通过理由", 1990);
        RectifiedOn = null;
        Status = RectificationStatus.InProgress;
    }

    public bool IsOverdue(DateOnly today) => RectificationRules.IsOverdue(Status, Deadline, today);

    private static void CheckDate(DateOnly on, DateOnly notBefore, string field, string other)
    {
        if (on < notBefore)
        {
            throw new DomainException($"{field} {on:yyyy-MM-dd} 不能早于{other} {notBefore:yyyy-MM-dd}。");
        }
    }
}

/// <summary>What a user enters for a rectification item.</summary>
public sealed record RectificationDetails(string Problem, string OwnerName, string? OwnerUserName = null, string? Measure = null,
    DateOnly? Deadline = null, string? SourceReference = null);

public enum RectificationAction
{
    Start = 1,
    Complete = 2,
    Verify = 3,
    Reject = 4,
}

/// <summary>The status machine, the overdue rule and the rectification rate.</summary>
public static class RectificationRules
{
    /// <summary>A deadline this many days away or nearer shows as due soon (临期).</summary>
    public const int DueSoonDays = 7;

    public static string Name(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.InProgress => "整改中",
        RectificationStatus.Rectified => "已整改",
        RectificationStatus.Verified => "已验收",
        _ => status.ToString(),
    };

    public static string Name(RectificationSource source) => source switch
    {
        RectificationSource.QualityReview => "质量评查",
        RectificationSource.ProblemLead => "问题线索",
        RectificationSource.Inspection => "督察检查",
        RectificationSource.EvaluationDeviation => "绩效自评偏差",
        RectificationSource.EvaluationProblem => "绩效自评存在问题",
        RectificationSource.OpinionLetter => "意见书",
        RectificationSource.Other => "其他",
        _ => source.ToString(),
    };

    public static string Name(RectificationAction action) => action switch
    {
        RectificationAction.Start => "开始整改",
        RectificationAction.Complete => "整改完成",
        RectificationAction.Verify => "验收通过",
        RectificationAction.Reject => "验收不通过",
        _ => action.ToString(),
    };

    public static RectificationSource CheckSource(RectificationSource source) =>
        Enum.IsDefined(source) ? source : throw new DomainException($"问题来源“{(int)source}”不正确。");

    /// <summary>The status an action leads to, or a refusal saying why not.</summary>
    public static RectificationStatus Next(RectificationStatus status, RectificationAction action) => (status, action) switch
    {
        (RectificationStatus.Open, RectificationAction.Start) => RectificationStatus.InProgress,
        (RectificationStatus.InProgress, RectificationAction.Complete) => RectificationStatus.Rectified,
        (RectificationStatus.Rectified, RectificationAction.Verify) => RectificationStatus.Verified,
        (RectificationStatus.Rectified, RectificationAction.Reject) => RectificationStatus.InProgress,
        (RectificationStatus.Verified, _) => throw new DomainException($"整改事项已验收，不能再{Name(action)}。"),
        (RectificationStatus.Open, RectificationAction.Complete) => throw new DomainException("尚未开始整改，不能登记整改完成：请先填写整改措施并开始整改。"),
        (RectificationStatus.Open or RectificationStatus.InProgress, RectificationAction.Verify or RectificationAction.Reject) =>
            throw new DomainException($"整改事项{Name(status)}，尚未整改完成，不能{Name(action)}。"),
        (_, RectificationAction.Start) => throw new DomainException($"整改事项{(status == RectificationStatus.InProgress ? "已在整改中" : "已整改完成")}，不能再开始整改。"),
        (RectificationStatus.Rectified, RectificationAction.Complete) => throw new DomainException("整改事项已登记整改完成。"),
        _ => throw new DomainException($"整改事项{Name(status)}时不能{Name(action)}。"),
    };

    /// <summary>Throws the refusal when the action is not allowed.</summary>
    public static void Refuse(RectificationStatus status, RectificationAction action) => Next(status, action);

    /// <summary>The actions open in a status.</summary>
    public static IReadOnlyList<RectificationAction> Allowed(RectificationStatus status) =>
        [.. Enum.GetValues<RectificationAction>().Where(a =>
        {
            try
            {
                Next(status, a);
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        })];

    /// <summary>Not yet rectified and the deadline has passed.</summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly? deadline, DateOnly today) =>
        IsPending(status) && deadline is { } d && d < today;

    /// <summary>Not yet rectified and the deadline is today or within <see cref="DueSoonDays"/> days.</summary>
    public static bool IsDueSoon(RectificationStatus status, DateOnly? deadline, DateOnly today) =>
        IsPending(status) && deadline is { } d && d >= today && d.DayNumber - today.DayNumber <= DueSoonDays;

    public static bool IsPending(RectificationStatus status) => status is RectificationStatus.Open or RectificationStatus.InProgress;

    /// <summary>Rectified (已整改 or 已验收).</summary>
    public static bool IsRectified(RectificationStatus status) => status is RectificationStatus.Rectified or RectificationStatus.Verified;

    /// <summary>
    /// The problems found in a period (by date found) and those of them rectified by now: the rectification
    /// rate (整改率) is rectified ÷ found.
    /// </summary>
    public static (int Found, int Rectified) Count(IEnumerable<(DateOnly FoundOn, RectificationStatus Status)> items, DateOnly from, DateOnly to)
    {
        var found = items.Where(i => i.FoundOn >= from && i.FoundOn <= to).ToList();
        return (found.Count, found.Count(i => IsRectified(i.Status)));
    }

    /// <summary>
    /// The points of a self-evaluation's 存在问题及建议 (one per paragraph; a leading number such as “1.” “（一）” “一、” is dropped)
    /// and the deviation reasons of unmet indicators, as rectification problems to be.
    /// </summary>
    public static IReadOnlyList<EvaluationFinding> FindingsOf(string? problemsText, IEnumerable<IndicatorDeviation> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var findings = new List<EvaluationFinding>();
        foreach (var line in (problemsText ?? string.Empty).Split('\n'))
        {
            var text = StripNumber(line.Trim());
            if (text.Length > 0 && !IsHeading(text))
            {
                findings.Add(new EvaluationFinding(RectificationSource.EvaluationProblem, null, text.Length > 2000 ? text[..2000] : text));
            }
        }

        foreach (var i in indicators.Where(i => i.Unmet && !string.IsNullOrWhiteSpace(i.DeviationReason)))
        {
            var text = $"指标“{i.Name}”未完成：{i.DeviationReason!.Trim()}";
            findings.Add(new EvaluationFinding(RectificationSource.EvaluationDeviation, i.IndicatorId, text.Length > 2000 ? text[..2000] : text));
        }

        return findings;
    }

    private static bool IsHeading(string text) => text is "存在问题" or "存在问题及建议" or "建议" or "存在问题：" or "建议：" or "存在问题及建议：";

    private static string StripNumber(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"^(\d{1,3}[\.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*");
        return m.Success ? text[m.Length..].Trim() : text;
    }
}

/// <summary>An indicator of a self-evaluation: whether it was unmet (below full points) and its deviation reason.</summary>
public sealed record IndicatorDeviation(int IndicatorId, string Name, bool Unmet, string? DeviationReason);

/// <summary>A problem a self-evaluation names, to become a rectification item.</summary>
public sealed record EvaluationFinding(RectificationSource Source, int? IndicatorId, string Problem);
