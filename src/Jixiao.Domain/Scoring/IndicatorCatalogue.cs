namespace Jixiao.Domain.Scoring;

/// <summary>Level-1 indicator group (一级指标).</summary>
/// <remarks>scoring-rules.md “Inputs”: the fixed catalogue of level 1 and level 2.</remarks>
public enum IndicatorLevel1
{
    /// <summary>产出指标</summary>
    Output = 1,

    /// <summary>效益指标</summary>
    Effect = 2,

    /// <summary>满意度指标</summary>
    Satisfaction = 3,
}

/// <summary>Level-2 indicator group (二级指标); each belongs to exactly one level-1 group.</summary>
/// <remarks>scoring-rules.md “Inputs”: the fixed catalogue of level 1 and level 2.</remarks>
public enum IndicatorLevel2
{
    /// <summary>数量指标（产出）</summary>
    Quantity = 11,

    /// <summary>质量指标（产出）</summary>
    Quality = 12,

    /// <summary>时效指标（产出）</summary>
    Timeliness = 13,

    /// <summary>成本指标（产出）</summary>
    Cost = 14,

    /// <summary>经济效益指标（效益）</summary>
    EconomicBenefit = 21,

    /// <summary>社会效益指标（效益）</summary>
    SocialBenefit = 22,

    /// <summary>生态效益指标（效益）</summary>
    EcologicalBenefit = 23,

    /// <summary>可持续影响指标（效益）</summary>
    Sustainability = 24,

    /// <summary>服务对象满意度指标（满意度）</summary>
    ServiceSatisfaction = 31,
}

/// <summary>The fixed level-1/level-2 catalogue with the Chinese names printed on the forms.</summary>
/// <remarks>
/// scoring-rules.md “Inputs”: 产出指标 (数量, 质量, 时效, 成本指标); 效益指标 (经济效益, 社会效益, 生态效益,
/// 可持续影响指标); 满意度指标 (服务对象满意度指标).
/// </remarks>
public static class IndicatorCatalogue
{
    /// <summary>Level-1 groups in the order of the score table.</summary>
    public static IReadOnlyList<IndicatorLevel1> Level1s { get; } = [IndicatorLevel1.Output, IndicatorLevel1.Effect, IndicatorLevel1.Satisfaction];

    /// <summary>Level-2 groups of a level-1 group, in the order of the score table.</summary>
    public static IReadOnlyList<IndicatorLevel2> Level2sOf(IndicatorLevel1 level1) => level1 switch
    {
        IndicatorLevel1.Output => [IndicatorLevel2.Quantity, IndicatorLevel2.Quality, IndicatorLevel2.Timeliness, IndicatorLevel2.Cost],
        IndicatorLevel1.Effect => [IndicatorLevel2.EconomicBenefit, IndicatorLevel2.SocialBenefit, IndicatorLevel2.EcologicalBenefit, IndicatorLevel2.Sustainability],
        IndicatorLevel1.Satisfaction => [IndicatorLevel2.ServiceSatisfaction],
        _ => throw new DomainException($"未知的一级指标：{(int)level1}。"),
    };

    /// <summary>The level-1 group a level-2 group belongs to.</summary>
    public static IndicatorLevel1 Level1Of(IndicatorLevel2 level2) => level2 switch
    {
        IndicatorLevel2.Quantity or IndicatorLevel2.Quality or IndicatorLevel2.Timeliness or IndicatorLevel2.Cost => IndicatorLevel1.Output,
        IndicatorLevel2.EconomicBenefit or IndicatorLevel2.SocialBenefit or IndicatorLevel2.EcologicalBenefit or IndicatorLevel2.Sustainability => IndicatorLevel1.Effect,
        IndicatorLevel2.ServiceSatisfaction => IndicatorLevel1.Satisfaction,
        _ => throw new DomainException($"未知的二级指标：{(int)level2}。"),
    };

    /// <summary>产出指标 / 效益指标 / 满意度指标.</summary>
    public static string Name(IndicatorLevel1 level1) => level1 switch
    {
        IndicatorLevel1.Output => "产出指标",
        IndicatorLevel1.Effect => "效益指标",
        IndicatorLevel1.Satisfaction => "满意度指标",
        _ => throw new DomainException($"未知的一级指标：{(int)level1}。"),
    };

    /// <summary>数量指标, 社会效益指标, 服务对象满意度指标 and so on.</summary>
    public static string Name(IndicatorLevel2 level2) => level2 switch
    {
        IndicatorLevel2.Quantity => "数量指标",
        IndicatorLevel2.Quality => "质量指标",
        IndicatorLevel2.Timeliness => "时效指标",
        IndicatorLevel2.Cost => "成本指标",
        IndicatorLevel2.EconomicBenefit => "经济效益指标",
        IndicatorLevel2.SocialBenefit => "社会效益指标",
        IndicatorLevel2.EcologicalBenefit => "生态效益指标",
        IndicatorLevel2.Sustainability => "可持续影响指标",
        IndicatorLevel2.ServiceSatisfaction => "服务对象满意度指标",
        _ => throw new DomainException($"未知的二级指标：{(int)level2}。"),
    };
}
