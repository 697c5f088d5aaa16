namespace Jixiao.Domain.Scoring;

/// <summary>Severity of a declaration problem: an error blocks submission, a warning asks for a second look.</summary>
public enum ProblemSeverity
{
    /// <summary>错误：must be fixed before the targets are submitted.</summary>
    Error = 1,

    /// <summary>提醒：may be submitted, but should be looked at.</summary>
    Warning = 2,
}

/// <summary>One problem found in a target declaration (绩效目标申报).</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">Chinese message naming the indicator or group and the numbers.</param>
/// <param name="IndicatorName">Level-3 name when the problem is about one indicator.</param>
/// <param name="Level1">Level-1 group when the problem is about a group.</param>
public sealed record DeclarationProblem(ProblemSeverity Severity, string Message, string? IndicatorName = null, IndicatorLevel1? Level1 = null);

/// <summary>Checks performance targets before they are submitted (申报审核).</summary>
/// <remarks>
/// scoring-rules.md “level-1 weights”: the points of a level's indicators must add up to its weight, and
/// with no satisfaction indicator its points move to 效益; the indicators and the execution points make 100.
/// </remarks>
public static class DeclarationCheck
{
    /// <summary>
    /// Every problem of the declared indicators under the profile. Last year's actuals, by level-3 name,
    /// flag targets set below what was already achieved (指标值设定偏低).
    /// </summary>
    /// <param name="indicators">The declared level-3 indicators.</param>
    /// <param name="profile">The profile the project will be scored with.</param>
    /// <param name="lastYearActuals">Last year's 实际完成值 by level-3 name; null or empty when there is no last year.</param>
    public static IReadOnlyList<DeclarationProblem> Check(
        IReadOnlyList<Indicator> indicators, ScoringProfile profile, IReadOnlyDictionary<string, decimal>? lastYearActuals = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<DeclarationProblem>();

        foreach (var level1 in new[] { IndicatorLevel1.Output, IndicatorLevel1.Effect })
        {
            if (!indicators.Any(i => i.Level1 == level1))
            {
                problems.Add(new(ProblemSeverity.Error, $"缺少{IndicatorCatalogue.Name(level1)}：每个项目须至少设置一项{IndicatorCatalogue.Name(level1)}。", Level1: level1));
            }
        }

        CheckWeights(indicators, profile, problems);

        var total = indicators.Sum(i => i.Points);
        if (total != profile.IndicatorPoints)
        {
            problems.Add(new(ProblemSeverity.Error,
                $"绩效指标分值合计 {Rounding.Plain(total)}，应为 100 − 预算执行率分值 {Rounding.Plain(profile.ExecutionPoints)} = {Rounding.Plain(profile.IndicatorPoints)}。"));
        }

        foreach (var indicator in indicators)
        {
            CheckIndicator(indicator, problems);
        }

        foreach (var duplicate in indicators.GroupBy(i => i.Name.Trim()).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            problems.Add(new(ProblemSeverity.Warning, $"三级指标名称“{duplicate.Key}”重复 {duplicate.Count()} 次。", duplicate.Key));
        }

        if (lastYearActuals is not null)
        {
            problems.AddRange(indicators.Select(i => SetLow(i, lastYearActuals)).OfType<DeclarationProblem>());
        }

        return problems;
    }

    /// <summary>True when no problem is an error.</summary>
    public static bool MaySubmit(IReadOnlyList<DeclarationProblem> problems) => problems.All(p => p.Severity != ProblemSeverity.Error);

    private static void CheckWeights(IReadOnlyList<Indicator> indicators, ScoringProfile profile, List<DeclarationProblem> problems)
    {
        var hasSatisfaction = indicators.Any(i => i.Level1 == IndicatorLevel1.Satisfaction);
        if (profile.EffectiveWeights(hasSatisfaction) is not { } weights)
        {
            return;
        }

        var moved = !hasSatisfaction && profile.MoveSatisfactionToEffectWhenMissing && profile.Level1Weights!.Satisfaction > 0m;
        var severity = profile.EnforceLevel1Weights ? ProblemSeverity.Error : ProblemSeverity.Warning;
        foreach (var level1 in IndicatorCatalogue.Level1s)
        {
            var sum = indicators.Where(i => i.Level1 == level1).Sum(i => i.Points);
            var weight = weights.Of(level1);
            if (sum == weight || (sum == 0m && level1 != IndicatorLevel1.Satisfaction))
            {
                // A missing 产出/效益 group is reported once, as a missing level.
                continue;
            }

            var note = moved && level1 == IndicatorLevel1.Effect
                ? $"（未设满意度指标，其 {Rounding.Plain(profile.Level1Weights!.Satisfaction)} 分并入效益指标）"
                : string.Empty;
            problems.Add(new(severity, $"{IndicatorCatalogue.Name(level1)}分值合计 {Rounding.Plain(sum)}，应为 {Rounding.Plain(weight)}{note}。", Level1: level1));
        }
    }

    private static void CheckIndicator(Indicator indicator, List<DeclarationProblem> problems)
    {
        var name = indicator.Name.Trim();
        void Error(string message) => problems.Add(new(ProblemSeverity.Error, message, name));

        if (name.Length == 0)
        {
            Error($"{IndicatorCatalogue.Name(indicator.Level2)}下有指标未填写三级指标名称。");
        }

        if (indicator.Points <= 0m)
        {
            Error($"指标“{name}”的分值必须大于 0。");
        }

        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            if (string.IsNullOrWhiteSpace(indicator.QualitativeTarget))
            {
                Error($"定性指标“{name}”未填写年度指标值（定性描述，如“保持优秀等次”）。");
            }

            return;
        }

        if (indicator.Direction is null)
        {
            Error($"定量指标“{name}”未选择方向（≥、≤ 或 =）。");
        }

        if (indicator.Target is null)
        {
            Error($"定量指标“{name}”未填写年度指标值（数值）。");
        }

        if (string.IsNullOrWhiteSpace(indicator.Unit))
        {
            Error($"定量指标“{name}”未填写计量单位（如 件、人、%）。");
        }
    }

    /// <summary>A target below last year's actual (≥), or above it (≤), is set low.</summary>
    private static DeclarationProblem? SetLow(Indicator indicator, IReadOnlyDictionary<string, decimal> lastYear)
    {
        if (indicator.Kind != IndicatorKind.Quantitative || indicator.Target is not { } target || !lastYear.TryGetValue(indicator.Name.Trim(), out var last))
        {
            return null;
        }

        var (low, compared) = indicator.Direction switch
        {
            IndicatorDirection.AtLeast => (target < last, "低于"),
            IndicatorDirection.AtMost => (target > last, "高于"),
            _ => (false, string.Empty),
        };
        return low
            ? new DeclarationProblem(ProblemSeverity.Warning,
                $"指标“{indicator.Name.Trim()}”年度指标值 {indicator.TargetText} {compared}上年实际完成值 {Rounding.Plain(last)}{indicator.Unit}：指标值设定偏低。",
                indicator.Name.Trim())
            : null;
    }
}
