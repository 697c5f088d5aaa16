namespace Jixiao.Domain.Scoring;

/// <summary>How a reverse (≤) indicator that is not met is scored.</summary>
public enum ReverseIndicatorFormula
{
    /// <summary>points × target ÷ actual (default profile).</summary>
    Ratio = 1,

    /// <summary>points × (1 − (actual − target) ÷ target), 0 at twice the target (profile “reverse indicators, linear”).</summary>
    Linear = 2,
}

/// <summary>Points of each level-1 group (一级指标权重); the points of a group's indicators must add up to it.</summary>
/// <param name="Output">产出指标.</param>
/// <param name="Effect">效益指标.</param>
/// <param name="Satisfaction">满意度指标.</param>
public sealed record Level1Weights(decimal Output, decimal Effect, decimal Satisfaction)
{
    /// <summary>The weight of one group.</summary>
    public decimal Of(IndicatorLevel1 level1) => level1 switch
    {
        IndicatorLevel1.Output => Output,
        IndicatorLevel1.Effect => Effect,
        IndicatorLevel1.Satisfaction => Satisfaction,
        _ => throw new DomainException($"未知的一级指标：{(int)level1}。"),
    };

    /// <summary>Sum of the three weights.</summary>
    public decimal Total => Output + Effect + Satisfaction;
}

/// <summary>
/// Lower bounds of the qualitative bands, as shares of the indicator's points: 达成年度指标 from
/// <paramref name="AchievedFrom"/> to 100 %, 部分达成并具有一定效果 from <paramref name="PartlyAchievedFrom"/>
/// to <paramref name="AchievedFrom"/>, 未达成且效果较差 from 0 to <paramref name="PartlyAchievedFrom"/>.
/// </summary>
/// <param name="AchievedFrom">0.80 in both shipped variants.</param>
/// <param name="PartlyAchievedFrom">0.50 by default, 0.60 in the 80/60 profile.</param>
public sealed record QualitativeBands(decimal AchievedFrom, decimal PartlyAchievedFrom);

/// <summary>Grade thresholds (等级): 优 ≥ Excellent, 良 ≥ Good, 中 ≥ Fair, otherwise 差.</summary>
/// <param name="Excellent">90.</param>
/// <param name="Good">80.</param>
/// <param name="Fair">60.</param>
public sealed record GradeThresholds(decimal Excellent, decimal Good, decimal Fair);

/// <summary>
/// Traffic-light thresholds of monitoring (双监控), in percentage points behind 序时进度: red when the
/// execution rate (or an indicator's progress) is more than <paramref name="RedBehindPoints"/> behind,
/// yellow when more than <paramref name="YellowBehindPoints"/> behind, green otherwise.
/// </summary>
/// <param name="YellowBehindPoints">10 by default.</param>
/// <param name="RedBehindPoints">20 by default.</param>
public sealed record MonitoringThresholds(decimal YellowBehindPoints, decimal RedBehindPoints);

/// <summary>
/// A scoring profile (评分方案): the rules a self-evaluation is scored with, kept as data, versioned,
/// copied and edited by administrators and stored as JSON. Plain init properties and nested records
/// only, so it round-trips through System.Text.Json and compares by value.
/// </summary>
/// <remarks>
/// scoring-rules.md: “Jurisdictions vary them, so the product keeps them as data: a scoring profile,
/// versioned, chosen per self-evaluation.” The shipped profiles are in <see cref="ScoringProfiles"/>.
/// </remarks>
public sealed record ScoringProfile
{
    /// <summary>Stable code, e.g. national-2020; with <see cref="Version"/> it identifies the rules a score was made with.</summary>
    public required string Name { get; init; }

    /// <summary>Version, raised by every edit of a stored profile.</summary>
    public required int Version { get; init; }

    /// <summary>Chinese name shown in the product.</summary>
    public required string DisplayName { get; init; }

    /// <summary>预算执行率分值: 10 by default, 20 in some prefectures.</summary>
    public decimal ExecutionPoints { get; init; } = 10m;

    /// <summary>Level-1 weights, or null when the profile sets no fixed split (Sichuan 2023).</summary>
    public Level1Weights? Level1Weights { get; init; }

    /// <summary>When no satisfaction indicator is set, its weight moves to 效益 (效益 40).</summary>
    public bool MoveSatisfactionToEffectWhenMissing { get; init; } = true;

    /// <summary>Level-1 sums that differ from the weights are errors (true) or warnings (false).</summary>
    public bool EnforceLevel1Weights { get; init; } = true;

    /// <summary>Qualitative bands.</summary>
    public QualitativeBands QualitativeBands { get; init; } = new(0.80m, 0.50m);

    /// <summary>Over-achievement threshold: beyond the target by this share in the good direction (0.30).</summary>
    public decimal OverAchievementThreshold { get; init; } = 0.30m;

    /// <summary>Formula for a reverse (≤) indicator that is not met.</summary>
    public ReverseIndicatorFormula ReverseFormula { get; init; } = ReverseIndicatorFormula.Ratio;

    /// <summary>Grade thresholds 优 90 / 良 80 / 中 60.</summary>
    public GradeThresholds Grades { get; init; } = new(90m, 80m, 60m);

    /// <summary>An execution rate below this ratio needs a written reason (Sichuan: 0.90); null when none is required.</summary>
    public decimal? ExecutionReasonRequiredBelow { get; init; }

    /// <summary>Traffic-light thresholds of monitoring.</summary>
    public MonitoringThresholds Monitoring { get; init; } = new(10m, 20m);

    /// <summary>Points available to the indicators: 100 − execution points.</summary>
    public decimal IndicatorPoints => 100m - ExecutionPoints;

    /// <summary>
    /// The points each level-1 group must add up to for a declaration, after moving the satisfaction
    /// weight to 效益 when no satisfaction indicator is set; null when the profile has no fixed split.
    /// </summary>
    /// <param name="hasSatisfactionIndicator">Whether the declaration has any 满意度指标.</param>
    public Level1Weights? EffectiveWeights(bool hasSatisfactionIndicator) =>
        Level1Weights is not { } w ? null
        : !hasSatisfactionIndicator && MoveSatisfactionToEffectWhenMissing ? new Level1Weights(w.Output, w.Effect + w.Satisfaction, 0m)
        : w;

    /// <summary>Problems that make the profile unusable, in Chinese; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("评分方案必须有名称。");
        }

        if (Version < 1)
        {
            problems.Add($"评分方案版本号必须从 1 开始（现为 {Version}）。");
        }

        if (ExecutionPoints is < 0m or > 100m)
        {
            problems.Add($"预算执行率分值必须在 0 到 100 之间（现为 {Rounding.Plain(ExecutionPoints)}）。");
        }

        if (Level1Weights is { } w)
        {
            if (w.Output < 0m || w.Effect < 0m || w.Satisfaction < 0m)
            {
                problems.Add("一级指标权重不能为负数。");
            }

            if (w.Total != IndicatorPoints)
            {
                problems.Add($"一级指标权重合计 {Rounding.Plain(w.Total)} 应等于 100 − 预算执行率分值 {Rounding.Plain(ExecutionPoints)} = {Rounding.Plain(IndicatorPoints)}。");
            }
        }

        var b = QualitativeBands;
        if (!(0m < b.PartlyAchievedFrom && b.PartlyAchievedFrom < b.AchievedFrom && b.AchievedFrom < 1m))
        {
            problems.Add($"定性指标档次下限须满足 0 < 部分达成 {Rounding.Plain(b.PartlyAchievedFrom)} < 达成 {Rounding.Plain(b.AchievedFrom)} < 1。");
        }

        if (OverAchievementThreshold <= 0m)
        {
            problems.Add("超额完成阈值必须大于 0。");
        }

        if (!(Grades.Fair < Grades.Good && Grades.Good < Grades.Excellent && Grades.Excellent <= 100m && Grades.Fair >= 0m))
        {
            problems.Add($"等级分数线须满足 0 ≤ 中 {Rounding.Plain(Grades.Fair)} < 良 {Rounding.Plain(Grades.Good)} < 优 {Rounding.Plain(Grades.Excellent)} ≤ 100。");
        }

        if (ExecutionReasonRequiredBelow is < 0m or > 1m)
        {
            problems.Add("需说明原因的执行率下限必须在 0 到 1 之间（如 0.90 表示 90%）。");
        }

        if (!(0m <= Monitoring.YellowBehindPoints && Monitoring.YellowBehindPoints < Monitoring.RedBehindPoints))
        {
            problems.Add($"监控预警阈值须满足 0 ≤ 黄灯 {Rounding.Plain(Monitoring.YellowBehindPoints)} < 红灯 {Rounding.Plain(Monitoring.RedBehindPoints)}（落后序时进度的百分点）。");
        }

        return problems;
    }

    /// <summary>Refuses an invalid profile with every problem in one Chinese message.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new DomainException($"评分方案“{DisplayName}”（{Name} 第 {Version} 版）无效：{string.Join("", problems)}");
        }
    }

    /// <summary>The grade of a total: 优, 良, 中 or 差.</summary>
    /// <remarks>scoring-rules.md “grade (等级)”: 优 ≥ 90; 良 80 to &lt; 90; 中 60 to &lt; 80; 差 &lt; 60.</remarks>
    public Grade GradeOf(decimal total) =>
        total >= Grades.Excellent ? Grade.Excellent
        : total >= Grades.Good ? Grade.Good
        : total >= Grades.Fair ? Grade.Fair
        : Grade.Poor;
}

/// <summary>Grade (等级) of a self-evaluation.</summary>
public enum Grade
{
    /// <summary>优</summary>
    Excellent = 1,

    /// <summary>良</summary>
    Good = 2,

    /// <summary>中</summary>
    Fair = 3,

    /// <summary>差</summary>
    Poor = 4,
}

/// <summary>The profiles the product ships (scoring-rules.md “Default profile” and “Other profiles the product ships”).</summary>
public static class ScoringProfiles
{
    /// <summary>Default: national practice (2020 onwards), 全国通行做法.</summary>
    /// <remarks>scoring-rules.md “Default profile: national practice (2020 onwards)”.</remarks>
    public static ScoringProfile National2020 { get; } = new()
    {
        Name = "national-2020",
        Version = 1,
        DisplayName = "全国通行做法（2020年起）",
        Level1Weights = new Level1Weights(50m, 30m, 10m),
    };

    /// <summary>Qualitative bands 100–80 %, 80–60 %, 60–0 %.</summary>
    /// <remarks>scoring-rules.md “Other profiles”: seen in systems built on the 2020 national measures.</remarks>
    public static ScoringProfile QualitativeBands8060 { get; } = National2020 with
    {
        Name = "qualitative-80-60",
        DisplayName = "定性指标档次 80/60",
        QualitativeBands = new QualitativeBands(0.80m, 0.60m),
    };

    /// <summary>Sichuan 2023: execution 10 + indicators 90 with no fixed level-1 split; a rate below 90 % needs a reason.</summary>
    /// <remarks>scoring-rules.md “Other profiles”: Sichuan 2023.</remarks>
    public static ScoringProfile Sichuan2023 { get; } = National2020 with
    {
        Name = "sichuan-2023",
        DisplayName = "四川省（2023）",
        Level1Weights = null,
        EnforceLevel1Weights = false,
        MoveSatisfactionToEffectWhenMissing = false,
        ExecutionReasonRequiredBelow = 0.90m,
    };

    /// <summary>Execution 20 + targets 80, with no fixed level-1 split.</summary>
    /// <remarks>scoring-rules.md “Other profiles”: seen in some prefecture templates.</remarks>
    public static ScoringProfile Execution20 { get; } = National2020 with
    {
        Name = "execution-20",
        DisplayName = "预算执行率20分 + 绩效指标80分",
        ExecutionPoints = 20m,
        Level1Weights = null,
        EnforceLevel1Weights = false,
        MoveSatisfactionToEffectWhenMissing = false,
    };

    /// <summary>Default with reverse (≤) indicators scored linearly, 0 at twice the target.</summary>
    /// <remarks>scoring-rules.md “Other profiles”: reverse indicators, linear.</remarks>
    public static ScoringProfile ReverseLinear { get; } = National2020 with
    {
        Name = "reverse-linear",
        DisplayName = "反向指标线性扣分",
        ReverseFormula = ReverseIndicatorFormula.Linear,
    };

    /// <summary>Every shipped profile, the default first.</summary>
    public static IReadOnlyList<ScoringProfile> All { get; } = [National2020, QualitativeBands8060, Sichuan2023, Execution20, ReverseLinear];

    /// <summary>The shipped profile with this name, or a DomainException listing the names.</summary>
    public static ScoringProfile Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainException($"评分方案“{name}”不存在。可用方案：{string.Join("、", All.Select(p => $"{p.Name}（{p.DisplayName}）"))}。");

    /// <summary>优 / 良 / 中 / 差.</summary>
    public static string GradeName(Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        Grade.Poor => "差",
        _ => throw new DomainException($"未知的等级：{(int)grade}。"),
    };
}
