using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.Activities;

/// <summary>
/// A kind of work activity (活动类型). The built-in kinds have a code that names their metric
/// (<c>activities.kind.meeting</c>); kinds an administrator adds have none and are counted under their name.
/// </summary>
public sealed class ActivityKind
{
    private ActivityKind()
    {
        Name = string.Empty;
    }

    public ActivityKind(string name, int sortOrder, bool isSelection = false)
    {
        Name = Rename(name);
        SortOrder = sortOrder;
        IsSelection = isSelection;
    }

    internal ActivityKind(int id, string code, string name, int sortOrder, bool isSelection)
    {
        Id = id;
        Code = code;
        Name = name;
        SortOrder = sortOrder;
        IsSelection = isSelection;
    }

    public int Id { get; private set; }

    /// <summary>The metric code of a built-in kind (meeting, instruction, …); null for kinds an administrator added.</summary>
    public string? Code { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>A selection (评选): its activities keep candidates, a review panel, scores and the selected ones.</summary>
    public bool IsSelection { get; private set; }

    public bool IsBuiltIn => Code is not null;

    public void Update(string name, int sortOrder)
    {
        if (IsBuiltIn && name.Trim() != Name)
        {
            throw new DomainException($"内置活动类型“{Name}”不能改名。");
        }

        Name = Rename(name);
        SortOrder = sortOrder;
    }

    private static string Rename(string name)
    {
        var text = Text.Required(name, "活动类型名称", 32);
        return text;
    }

    /// <summary>The built-in kinds (issue 6), with fixed ids so the migration creates them.</summary>
    public static IReadOnlyList<ActivityKind> BuiltIn { get; } =
    [
        new(1, "meeting", "专题会议", 1, false),
        new(2, "instruction", "领导批示", 2, false),
        new(3, "training", "培训讲座", 3, false),
        new(4, "open_day", "开放日", 4, false),
        new(5, "inspection", "督察检查", 5, false),
        new(6, "campaign", "专项整治", 6, false),
        new(7, "selection", "评选活动", 7, true),
        new(8, "publicity", "宣传活动", 8, false),
        new(9, "consultation", "咨询论证", 9, false),
    ];
}

/// <summary>
/// A work activity (工作台账): a meeting, instruction, training, open day, inspection, campaign, selection,
/// publicity event or consultation held or organised by a unit.
/// </summary>
public sealed class Activity : IUnitScoped
{
    private readonly List<SelectionCandidate> candidates = [];

    private Activity()
    {
        Title = string.Empty;
    }

    public Activity(int unitId, ActivityKind kind, ActivityDetails details)
    {
        ArgumentNullException.ThrowIfNull(kind);
        UnitId = unitId;
        KindId = kind.Id;
        Title = string.Empty;
        Update(kind, details);
    }

    public int Id { get; private set; }

    /// <summary>The organising unit (组织单位).</summary>
    public int UnitId { get; private set; }

    public int KindId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Title { get; private set; }

    /// <summary>参加人数 or audience (受众) count.</summary>
    public int? Participants { get; private set; }

    /// <summary>参与单位, as written (、-separated).</summary>
    public string? TakingPartUnits { get; private set; }

    public string? Description { get; private set; }

    /// <summary>评审组 of a selection: the reviewers' names, 、-separated.</summary>
    public string? ReviewPanel { get; private set; }

    /// <summary>名额 of a selection: how many may be selected.</summary>
    public int? Quota { get; private set; }

    public IReadOnlyList<SelectionCandidate> Candidates => candidates;

    public void Update(ActivityKind kind, ActivityDetails details)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(details);
        var problems = ActivityRules.Check(kind, details);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join("；", problems));
        }

        if (!kind.IsSelection && candidates.Count > 0)
        {
            throw new DomainException("该活动已有评选候选项目，不能改为非评选类活动。");
        }

        if (details.Quota is { } quota && candidates.Count(c => c.Selected) > quota)
        {
            throw new DomainException($"名额 {quota} 少于已入选的 {candidates.Count(c => c.Selected)} 个项目。");
        }

        KindId = kind.Id;
        HeldOn = details.HeldOn;
        Title = details.Title.Trim();
        Participants = details.Participants;
        TakingPartUnits = Text.Optional(details.TakingPartUnits, 500);
        Description = Text.Optional(details.Description, 4000);
        ReviewPanel = kind.IsSelection ? Text.Optional(details.ReviewPanel, 500) : null;
        Quota = kind.IsSelection ? details.Quota : null;
    }

    public ActivityDetails Details => new(HeldOn, Title, Participants, TakingPartUnits, Description, ReviewPanel, Quota);

    /// <summary>Adds a candidate (候选项目) of a selection.</summary>
    public SelectionCandidate AddCandidate(ActivityKind kind, string name, string? nominatedBy, decimal? score)
    {
        ArgumentNullException.ThrowIfNull(kind);
        EnsureSelection(kind);
        var candidate = new SelectionCandidate(UnitId, Text.Required(name, "候选项目名称", 200), Text.Optional(nominatedBy, 100), ActivityRules.CheckScore(score, name));
        if (candidates.Any(c => c.Name == candidate.Name))
        {
            throw new DomainException($"候选项目“{candidate.Name}”已在本次评选中。");
        }

        candidates.Add(candidate);
        return candidate;
    }

    public void ScoreCandidate(int candidateId, decimal? score)
    {
        var candidate = Find(candidateId);
        candidate.Score = ActivityRules.CheckScore(score, candidate.Name);
    }

    /// <summary>Marks exactly these candidates as selected (入选); the rest are not.</summary>
    public void Select(IReadOnlyCollection<int> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        foreach (var id in candidateIds)
        {
            Find(id);
        }

        if (Quota is { } quota && candidateIds.Distinct().Count() > quota)
        {
            throw new DomainException($"入选 {candidateIds.Distinct().Count()} 个，超过名额 {quota} 个。");
        }

        var unscored = candidates.Where(c => candidateIds.Contains(c.Id) && c.Score is null).Select(c => c.Name).ToList();
        if (unscored.Count > 0 && candidates.Any(c => c.Score is not null))
        {
            throw new DomainException($"候选项目“{string.Join("”“", unscored)}”尚未评分，不能入选。");
        }

        foreach (var c in candidates)
        {
            c.Selected = candidateIds.Contains(c.Id);
        }
    }

    public void RemoveCandidate(int candidateId)
    {
        var candidate = Find(candidateId);
        candidates.Remove(candidate);
    }

    private SelectionCandidate Find(int candidateId) =>
        candidates.FirstOrDefault(c => c.Id == candidateId) ?? throw new NotFoundException($"候选项目 {candidateId} 不在本次评选中。");

    private void EnsureSelection(ActivityKind kind)
    {
        if (kind.Id != KindId || !kind.IsSelection)
        {
            throw new DomainException($"“{Title}”不是评选活动，不能登记候选项目。");
        }
    }
}

/// <summary>What a user enters for an activity.</summary>
public sealed record ActivityDetails(DateOnly HeldOn, string Title, int? Participants = null, string? TakingPartUnits = null,
    string? Description = null, string? ReviewPanel = null, int? Quota = null);

/// <summary>A candidate (候选项目) of a selection activity: its score from the review panel and whether it was selected.</summary>
public sealed class SelectionCandidate : IUnitScoped
{
    private SelectionCandidate()
    {
        Name = string.Empty;
    }

    internal SelectionCandidate(int unitId, string name, string? nominatedBy, decimal? score)
    {
        UnitId = unitId;
        Name = name;
        NominatedBy = nominatedBy;
        Score = score;
    }

    public int Id { get; private set; }

    public int ActivityId { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; }

    /// <summary>申报单位.</summary>
    public string? NominatedBy { get; private set; }

    /// <summary>评审得分, 0–100.</summary>
    public decimal? Score { get; internal set; }

    public bool Selected { get; internal set; }
}

/// <summary>The checks of an activity's entries, each naming its field.</summary>
public static class ActivityRules
{
    public static IReadOnlyList<string> Check(ActivityKind kind, ActivityDetails details)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            problems.Add("活动名称不能为空");
        }
        else if (details.Title.Trim().Length > 200)
        {
            problems.Add("活动名称不能超过 200 个字");
        }

        if (details.HeldOn.Year is < 1990 or > 9999)
        {
            problems.Add("活动日期不正确");
        }

        if (details.Participants is < 0 or > 10_000_000)
        {
            problems.Add("参加人数应为 0 至 10000000 的整数");
        }

        if (details.Quota is { } quota)
        {
            if (!kind.IsSelection)
            {
                problems.Add("只有评选活动有名额");
            }
            else if (quota is < 1 or > 10_000)
            {
                problems.Add("名额应为 1 至 10000");
            }
        }

        return problems;
    }

    public static decimal? CheckScore(decimal? score, string name) => score is < 0m or > 100m
        ? throw new DomainException($"候选项目“{name}”的评审得分应在 0 至 100 之间。")
        : score;
}

/// <summary>The counting rules of the activity statistics: by date held, per built-in kind, the rest together.</summary>
public static class ActivityStatistics
{
    /// <summary>Code used for the activities of kinds an administrator added.</summary>
    public const string OtherKinds = "other_kinds";

    /// <summary>The ids of the activities held in the period, by the code of their kind (<see cref="OtherKinds"/> for added kinds).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> ByKind(IEnumerable<(int Id, string? KindCode, DateOnly HeldOn)> activities, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var held = activities.Where(a => a.HeldOn >= from && a.HeldOn <= to).ToList();
        var result = ActivityKind.BuiltIn.ToDictionary(k => k.Code!, k => (IReadOnlyList<int>)[.. held.Where(a => a.KindCode == k.Code).Select(a => a.Id)]);
        result[OtherKinds] = [.. held.Where(a => a.KindCode is null).Select(a => a.Id)];
        return result;
    }
}
