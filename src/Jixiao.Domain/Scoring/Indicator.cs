namespace Jixiao.Domain.Scoring;

/// <summary>Kind of a level-3 indicator.</summary>
public enum IndicatorKind
{
    /// <summary>定量指标：a number with a unit, scored by formula.</summary>
    Quantitative = 1,

    /// <summary>定性指标：a text target, scored by the evaluator inside a band.</summary>
    Qualitative = 2,
}

/// <summary>Direction of a quantitative indicator.</summary>
/// <remarks>scoring-rules.md “Inputs”: ≥ higher is better, ≤ lower is better, = exact.</remarks>
public enum IndicatorDirection
{
    /// <summary>≥ 正向指标：higher is better.</summary>
    AtLeast = 1,

    /// <summary>≤ 反向指标：lower is better.</summary>
    AtMost = 2,

    /// <summary>= 等值指标：exactly the target.</summary>
    Exactly = 3,
}

/// <summary>
/// A level-3 performance indicator (三级指标) as declared: its place in the catalogue, its target and its points.
/// </summary>
/// <param name="Name">Level-3 name, e.g. 审核市级规范性文件数量; matched by name against last year's indicators.</param>
/// <param name="Level2">二级指标; the level-1 group follows from the catalogue.</param>
/// <param name="Kind">定量 or 定性.</param>
/// <param name="Points">分值.</param>
/// <param name="Direction">≥, ≤ or =, for a quantitative indicator.</param>
/// <param name="Target">年度指标值 of a quantitative indicator.</param>
/// <param name="Unit">Unit (件, 人, %, 个) of a quantitative indicator.</param>
/// <param name="QualitativeTarget">Target text of a qualitative indicator, e.g. 保持优秀等次.</param>
/// <param name="NotApplicable">Not applicable this year (本年度不适用): dropped from the score.</param>
/// <remarks>scoring-rules.md “Inputs”: level 3 is the indicator itself, with kind, direction, target value and unit, points.</remarks>
public sealed record Indicator(
    string Name,
    IndicatorLevel2 Level2,
    IndicatorKind Kind,
    decimal Points,
    IndicatorDirection? Direction = null,
    decimal? Target = null,
    string? Unit = null,
    string? QualitativeTarget = null,
    bool NotApplicable = false)
{
    /// <summary>一级指标, from the catalogue.</summary>
    public IndicatorLevel1 Level1 => IndicatorCatalogue.Level1Of(Level2);

    /// <summary>A quantitative ≥ indicator.</summary>
    public static Indicator AtLeast(string name, IndicatorLevel2 level2, decimal points, decimal target, string unit) =>
        new(name, level2, IndicatorKind.Quantitative, points, IndicatorDirection.AtLeast, target, unit);

    /// <summary>A quantitative ≤ indicator.</summary>
    public static Indicator AtMost(string name, IndicatorLevel2 level2, decimal points, decimal target, string unit) =>
        new(name, level2, IndicatorKind.Quantitative, points, IndicatorDirection.AtMost, target, unit);

    /// <summary>A quantitative = indicator.</summary>
    public static Indicator Exactly(string name, IndicatorLevel2 level2, decimal points, decimal target, string unit) =>
        new(name, level2, IndicatorKind.Quantitative, points, IndicatorDirection.Exactly, target, unit);

    /// <summary>A qualitative indicator.</summary>
    public static Indicator Qualitative(string name, IndicatorLevel2 level2, decimal points, string target) =>
        new(name, level2, IndicatorKind.Qualitative, points, QualitativeTarget: target);

    /// <summary>The target as printed in 年度指标值: "≥66件", "≤5件", "=100%", or the qualitative text.</summary>
    /// <remarks>evaluation-outputs.md §1: target values show the direction and unit.</remarks>
    public string TargetText => Kind == IndicatorKind.Qualitative
        ? QualitativeTarget ?? string.Empty
        : $"{DirectionSymbol(Direction)}{(Target is { } t ? Rounding.Plain(t) : "?")}{Unit}";

    /// <summary>≥, ≤ or =.</summary>
    public static string DirectionSymbol(IndicatorDirection? direction) => direction switch
    {
        IndicatorDirection.AtLeast => "≥",
        IndicatorDirection.AtMost => "≤",
        IndicatorDirection.Exactly => "=",
        _ => string.Empty,
    };
}
