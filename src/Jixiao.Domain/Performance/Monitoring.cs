using Jixiao.Domain.Budget;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Performance;

/// <summary>Traffic light (预警灯) of monitoring.</summary>
public enum TrafficLight
{
    /// <summary>绿灯：on schedule.</summary>
    Green = 1,

    /// <summary>黄灯：behind schedule by more than the yellow threshold.</summary>
    Yellow = 2,

    /// <summary>红灯：behind by more than the red threshold, or already missed.</summary>
    Red = 3,
}

/// <summary>序时进度 at a date: the share of the year elapsed, counting the date itself.</summary>
/// <param name="Date">The monitoring date.</param>
/// <param name="DaysElapsed">Days from 1 January to the date, both included.</param>
/// <param name="DaysInYear">365 or 366.</param>
/// <param name="Ratio">DaysElapsed ÷ DaysInYear, exact.</param>
public sealed record TimeProgress(DateOnly Date, int DaysElapsed, int DaysInYear, decimal Ratio)
{
    /// <summary>Ratio as a percentage rounded half-up to two decimals.</summary>
    public decimal Percent => Rounding.Percent(Ratio);

    /// <summary>"序时进度 = 181 ÷ 365 = 49.59%".</summary>
    public string Explanation => $"序时进度 = {DaysElapsed} ÷ {DaysInYear} = {Rounding.Two(Percent)}%";

    /// <summary>序时进度 of the date.</summary>
    public static TimeProgress At(DateOnly date)
    {
        var days = DateTime.IsLeapYear(date.Year) ? 366 : 365;
        return new TimeProgress(date, date.DayOfYear, days, (decimal)date.DayOfYear / days);
    }
}

/// <summary>An indicator's actual to date, as reported for monitoring.</summary>
/// <param name="Indicator">The declared indicator.</param>
/// <param name="ActualToDate">Actual value so far (累计完成值); null when not reported.</param>
public sealed record IndicatorToDate(Indicator Indicator, decimal? ActualToDate);

/// <summary>Progress of one indicator at the monitoring date.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="ActualToDate">Actual so far.</param>
/// <param name="Progress">Actual ÷ target, exact; null when it has no meaning (qualitative, not reported, no positive target).</param>
/// <param name="Light">Traffic light; null when the indicator is not monitored by progress.</param>
/// <param name="Explanation">Rule and numbers in Chinese.</param>
public sealed record IndicatorProgress(Indicator Indicator, decimal? ActualToDate, decimal? Progress, TrafficLight? Light, string Explanation)
{
    /// <summary>Progress as a percentage rounded half-up to two decimals.</summary>
    public decimal? ProgressPercent => Progress is { } p ? Rounding.Percent(p) : null;
}

/// <summary>One month of the cumulative execution chart.</summary>
/// <param name="Month">1 to 12.</param>
/// <param name="Through">Last day counted (month end, or the monitoring date in its month).</param>
/// <param name="CumulativeExecuted">Executed from 1 January through that day, in yuan.</param>
/// <param name="Rate">Cumulative execution against the full-year budget as of that day.</param>
/// <param name="TimeProgressPercent">序时进度 at that day.</param>
public sealed record MonthlyExecution(int Month, DateOnly Through, decimal CumulativeExecuted, ExecutionRate Rate, decimal TimeProgressPercent);

/// <summary>Budget execution and indicator progress of one project at one date (双监控).</summary>
/// <param name="TimeProgress">序时进度.</param>
/// <param name="Figures">Budget figures counting adjustments and expenditures up to the date.</param>
/// <param name="ExecutionLight">Light of execution against 序时进度.</param>
/// <param name="ExecutionExplanation">Rule and numbers in Chinese.</param>
/// <param name="ProjectedExecuted">Year-end projection from the run rate, capped at the full-year budget and at least what is spent.</param>
/// <param name="ProjectedRate">Projected execution rate against the full-year budget.</param>
/// <param name="ProjectionExplanation">Rule and numbers in Chinese.</param>
/// <param name="Indicators">Progress of each indicator.</param>
/// <param name="Monthly">Cumulative execution for each month from January to the date's month.</param>
public sealed record MonitoringReport(
    TimeProgress TimeProgress,
    BudgetFigures Figures,
    TrafficLight ExecutionLight,
    string ExecutionExplanation,
    decimal ProjectedExecuted,
    ExecutionRate ProjectedRate,
    string ProjectionExplanation,
    IReadOnlyList<IndicatorProgress> Indicators,
    IReadOnlyList<MonthlyExecution> Monthly)
{
    /// <summary>Execution rate to date against the full-year budget as of the date.</summary>
    public ExecutionRate Execution => Figures.Total.RateAgainstFullYear;
}

/// <summary>
/// Monitoring during the year (绩效运行监控, 双监控): budget execution and indicator progress against
/// 序时进度, with traffic lights from the profile's thresholds.
/// </summary>
/// <remarks>
/// ARCHITECTURE.md “How data flows”: monitoring (双监控) comes before the self-evaluation. Thresholds are
/// data in <see cref="ScoringProfile.Monitoring"/>: red when more than RedBehindPoints percentage points
/// behind 序时进度, yellow when more than YellowBehindPoints behind.
/// </remarks>
public static class Monitoring
{
    /// <summary>The monitoring report of a project's budget and indicators at a date of its budget year.</summary>
    /// <exception cref="DomainException">The date is outside the budget year.</exception>
    public static MonitoringReport At(ProjectBudget budget, IReadOnlyList<IndicatorToDate> indicators, DateOnly date, ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(profile);
        if (date.Year != budget.Year)
        {
            throw new DomainException($"监控日期 {date:yyyy-MM-dd} 不在预算年度 {budget.Year} 年内。");
        }

        var time = TimeProgress.At(date);
        var figures = budget.FiguresAsOf(date);
        var rate = figures.Total.RateAgainstFullYear;
        var (light, explanation) = rate.Ratio is { } ratio
            ? LightOf(ratio, time, profile.Monitoring, $"预算执行率 {rate.PercentText}")
            : (TrafficLight.Red, $"红灯：{rate.Explanation}");

        var (projected, projection) = Project(figures.Total, time);
        return new MonitoringReport(
            time,
            figures,
            light,
            explanation,
            projected,
            ExecutionRate.Of(projected, figures.Total.FullYear),
            projection,
            [.. indicators.Select(i => Progress(i, time, profile.Monitoring))],
            Monthly(budget, date));
    }

    /// <summary>
    /// The light of a progress ratio against 序时进度: red when more than RedBehindPoints percentage points
    /// behind, yellow when more than YellowBehindPoints behind, green otherwise. Both percentages are
    /// compared as printed (rounded half-up to two decimals), so the explanation's numbers decide the light.
    /// </summary>
    public static TrafficLight Light(decimal progressRatio, TimeProgress time, MonitoringThresholds thresholds) =>
        LightOf(progressRatio, time, thresholds, string.Empty).Light;

    /// <summary>Chinese name of a light: 绿灯 / 黄灯 / 红灯.</summary>
    public static string Name(TrafficLight light) => light switch
    {
        TrafficLight.Green => "绿灯",
        TrafficLight.Yellow => "黄灯",
        TrafficLight.Red => "红灯",
        _ => throw new DomainException($"未知的预警灯：{(int)light}。"),
    };

    private static (TrafficLight Light, string Explanation) LightOf(decimal ratio, TimeProgress time, MonitoringThresholds thresholds, string what)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(thresholds);
        // Compared as printed, so that the numbers in the explanation decide the light.
        var behind = time.Percent - Rounding.Percent(ratio);
        var light = behind > thresholds.RedBehindPoints ? TrafficLight.Red
            : behind > thresholds.YellowBehindPoints ? TrafficLight.Yellow
            : TrafficLight.Green;
        var relation = behind > 0m ? $"{time.Explanation}，落后 {Rounding.Two(behind)} 个百分点" : $"{time.Explanation}，未落后";
        var rule = light switch
        {
            TrafficLight.Red => $"（落后超过 {Rounding.Plain(thresholds.RedBehindPoints)} 个百分点为红灯）",
            TrafficLight.Yellow => $"（落后超过 {Rounding.Plain(thresholds.YellowBehindPoints)} 个百分点为黄灯）",
            _ => string.Empty,
        };
        return (light, $"{Name(light)}：{what}，{relation}{rule}");
    }

    private static IndicatorProgress Progress(IndicatorToDate item, TimeProgress time, MonitoringThresholds thresholds)
    {
        var indicator = item.Indicator;
        if (indicator.NotApplicable)
        {
            return new(indicator, item.ActualToDate, null, null, "本年度不适用，不监控");
        }

        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            return new(indicator, item.ActualToDate, null, null, "定性指标不按进度监控，请填写进展情况");
        }

        if (item.ActualToDate is not { } actual || indicator.Target is not { } target)
        {
            return new(indicator, null, null, null, "未填报累计完成值");
        }

        var (A, T) = (Rounding.Plain(actual), Rounding.Plain(target));
        if (indicator.Direction == IndicatorDirection.AtMost)
        {
            return actual > target
                ? new(indicator, actual, null, TrafficLight.Red, $"红灯：反向指标累计 {A}{indicator.Unit} 已超过年度目标 ≤{T}{indicator.Unit}")
                : new(indicator, actual, null, TrafficLight.Green, $"绿灯：反向指标累计 {A}{indicator.Unit} 未超过年度目标 ≤{T}{indicator.Unit}");
        }

        if (target <= 0m)
        {
            return new(indicator, actual, null, TrafficLight.Green, $"绿灯：年度目标为 {T}，累计 {A}{indicator.Unit}");
        }

        var progress = actual / target;
        var (light, explanation) = LightOf(progress, time, thresholds, $"完成进度 = {A} ÷ {T} = {Rounding.Two(Rounding.Percent(progress))}%");
        return new(indicator, actual, progress, light, explanation);
    }

    private static (decimal Projected, string Explanation) Project(FundFigures total, TimeProgress time)
    {
        var runRate = total.Executed / time.DaysElapsed * time.DaysInYear;
        var projected = Rounding.HalfUp(runRate);
        var rule = $"按支出进度推算全年执行数 = {Money.FormatYuan(total.Executed)} ÷ {time.DaysElapsed} × {time.DaysInYear} = {Money.FormatYuan(projected)}";
        if (total.FullYear > 0m && projected > total.FullYear)
        {
            var capped = Math.Max(total.Executed, total.FullYear);
            return (capped, $"{rule}，超过全年预算数，按 {Money.FormatYuan(capped)} 计");
        }

        if (projected < total.Executed)
        {
            return (total.Executed, $"{rule}，不低于已执行 {Money.FormatYuan(total.Executed)}");
        }

        return (projected, rule);
    }

    private static List<MonthlyExecution> Monthly(ProjectBudget budget, DateOnly date)
    {
        var series = new List<MonthlyExecution>();
        for (var month = 1; month <= date.Month; month++)
        {
            var through = month == date.Month ? date : new DateOnly(date.Year, month, DateTime.DaysInMonth(date.Year, month));
            var figures = budget.FiguresAsOf(through).Total;
            series.Add(new MonthlyExecution(month, through, figures.Executed, figures.RateAgainstFullYear, TimeProgress.At(through).Percent));
        }

        return series;
    }
}
