using Jixiao.Domain.Calendar;

namespace Jixiao.Domain.Litigation;

/// <summary>The steps of an administrative lawsuit that have a time limit.</summary>
public enum LitigationStep
{
    /// <summary>提交答辩状和证据</summary>
    Defence = 1,

    /// <summary>一审审理期限</summary>
    FirstInstance = 2,

    /// <summary>上诉期限</summary>
    Appeal = 3,

    /// <summary>二审审理期限</summary>
    SecondInstance = 4,
}

/// <summary>The dated facts of a lawsuit against the agency.</summary>
public sealed record LitigationFacts
{
    /// <summary>The day the agency received the copy of the complaint (起诉状副本).</summary>
    public DateOnly? ComplaintReceivedOn { get; init; }

    public DateOnly? DefenceSubmittedOn { get; init; }

    /// <summary>The day the court filed the case (立案).</summary>
    public DateOnly? FiledOn { get; init; }

    public bool SummaryProcedure { get; init; }

    public DateOnly? FirstInstanceConcludedOn { get; init; }

    /// <summary>The day the first-instance judgment or ruling was served (送达).</summary>
    public DateOnly? FirstInstanceServedOn { get; init; }

    /// <summary>True when what was served is a ruling (裁定): 10 days to appeal instead of 15.</summary>
    public bool ServedIsRuling { get; init; }

    public DateOnly? AppealFiledOn { get; init; }

    /// <summary>The day the second-instance court received the appeal.</summary>
    public DateOnly? AppealReceivedOn { get; init; }

    public DateOnly? SecondInstanceConcludedOn { get; init; }
}

/// <summary>Computes the time limits of a lawsuit as of a given day.</summary>
/// <remarks>
/// 《行政诉讼法》第六十七条（15日内答辩）、第八十一条（一审6个月）、第八十三条（简易程序45日）、第八十五条（上诉：判决15日、裁定10日）、
/// 第八十八条（二审3个月）；期间按《民事诉讼法》第八十五条计算，届满日为节假日的顺延（《行政诉讼法》第一百零一条）。
/// </remarks>
public static class LitigationDeadlines
{
    public static string StepName(LitigationStep step) => step switch
    {
        LitigationStep.Defence => "提交答辩状",
        LitigationStep.FirstInstance => "一审审理期限",
        LitigationStep.Appeal => "上诉期限",
        LitigationStep.SecondInstance => "二审审理期限",
        _ => step.ToString(),
    };

    public static IReadOnlyList<(LitigationStep Step, Deadline Deadline)> Compute(LitigationFacts facts, DateOnly today, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. Enum.GetValues<LitigationStep>().Select(step => (step, One(step, facts, today, calendar))).Where(d => d.Item2 is not null).Select(d => (d.step, d.Item2!))];
    }

    /// <summary>
    /// The time limits that can be counted, and for each that cannot (e.g. the working-day calendar lacks a year the
    /// period reaches into) the reason, so that one step beyond the calendar does not hide the others.
    /// </summary>
    public static (IReadOnlyList<(LitigationStep Step, Deadline Deadline)> Deadlines, IReadOnlyList<string> Problems) Available(LitigationFacts facts, DateOnly today, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var deadlines = new List<(LitigationStep, Deadline)>();
        var problems = new List<string>();
        foreach (var step in Enum.GetValues<LitigationStep>())
        {
            try
            {
                if (One(step, facts, today, calendar) is { } d)
                {
                    deadlines.Add((step, d));
                }
            }
            catch (DomainException e)
            {
                problems.Add($"{StepName(step)}：{e.Message}");
            }
        }

        return (deadlines, problems);
    }

    /// <summary>One step's time limit, or null when the step has not started.</summary>
    public static Deadline? One(LitigationStep step, LitigationFacts facts, DateOnly today, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        switch (step)
        {
            case LitigationStep.Defence when facts.ComplaintReceivedOn is { } complaint:
                return Deadline.Count(
                    StepName(LitigationStep.Defence), "收到起诉状副本", complaint, Period.Days(15), "《行政诉讼法》第六十七条", calendar, today, doneOn: facts.DefenceSubmittedOn);
            case LitigationStep.FirstInstance when facts.FiledOn is { } filed:
                var (period, citation) = facts.SummaryProcedure ? (Period.Days(45), "《行政诉讼法》第八十三条") : (Period.Months(6), "《行政诉讼法》第八十一条");
                return Deadline.Count(
                    StepName(LitigationStep.FirstInstance), "立案", filed, period, citation, calendar, today, doneOn: facts.FirstInstanceConcludedOn);
            case LitigationStep.Appeal when facts.FirstInstanceServedOn is { } served:
                var (days, what) = facts.ServedIsRuling ? (Period.Days(10), "裁定书送达") : (Period.Days(15), "判决书送达");
                return Deadline.Count(
                    StepName(LitigationStep.Appeal), what, served, days, "《行政诉讼法》第八十五条", calendar, today, doneOn: facts.AppealFiledOn);
            case LitigationStep.SecondInstance when facts.AppealReceivedOn is { } appeal:
                return Deadline.Count(
                    StepName(LitigationStep.SecondInstance), "收到上诉状", appeal, Period.Months(3), "《行政诉讼法》第八十八条", calendar, today, doneOn: facts.SecondInstanceConcludedOn);
            default:
                return null;
        }
    }
}
