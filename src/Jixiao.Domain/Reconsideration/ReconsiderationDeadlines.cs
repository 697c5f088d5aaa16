using Jixiao.Domain.Calendar;

namespace Jixiao.Domain.Reconsideration;

/// <summary>A suspension (中止) of the case: from the suspension day to the resumption day (恢复审理), open while it lasts.</summary>
public sealed record SuspensionPeriod(DateOnly From, DateOnly? To, SuspensionGround Ground);

/// <summary>An opinion or recommendation letter: its number, the day the agency received it and the day its rectification reply arrived.</summary>
public sealed record LetterFacts(LetterKind Kind, string Number, DateOnly ServedOn, DateOnly? ReplyOn);

/// <summary>
/// The dated facts of a reconsideration case that its time limits depend on. Dates of service are
/// taken as the dates the other side received the document (申请书副本、补正通知).
/// </summary>
public sealed record ReconsiderationFacts(DateOnly ReceivedOn)
{
    /// <summary>The law version; by default chosen from <see cref="ReceivedOn"/>.</summary>
    public LawVersion? Version { get; init; }

    public DateOnly? SupplementRequestedOn { get; init; }

    public DateOnly? SupplementReceivedOn { get; init; }

    /// <summary>The day the application ended before acceptance (不予受理、告知、转送、另行处理、逾期未补正).</summary>
    public DateOnly? EndedBeforeAcceptanceOn { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    /// <summary>The procedure now; a case switched from summary to ordinary has <see cref="Procedure.Ordinary"/> and a switch date.</summary>
    public Procedure Procedure { get; init; } = Procedure.Ordinary;

    public DateOnly? SwitchedToOrdinaryOn { get; init; }

    public IReadOnlyList<SuspensionPeriod> Suspensions { get; init; } = [];

    /// <summary>Days of the approved extension (延期), 0 if none.</summary>
    public int ExtensionDays { get; init; }

    public DateOnly? CopySentOn { get; init; }

    public DateOnly? AnswerReceivedOn { get; init; }

    public DateOnly? HearingOn { get; init; }

    public DateOnly? HearingNoticeOn { get; init; }

    /// <summary>The day of the decision, mediation statement or termination.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>The opinion and recommendation letters served; each has its own feedback deadline.</summary>
    public IReadOnlyList<LetterFacts> Letters { get; init; } = [];

    public LawVersion EffectiveVersion => Version ?? DeadlineRuleSet.VersionFor(ReceivedOn);
}

/// <summary>One step's deadline; <paramref name="Reference"/> names the document when a step occurs more than once (the letter's number).</summary>
public sealed record StepDeadline(ReconsiderationStep Step, Deadline Deadline, string? Reference = null)
{
    /// <summary>What the deadline is for, e.g. 审查受理 or 意见书整改反馈（江府复意〔2023〕1号）.</summary>
    public string Name => Deadline.Name;

    /// <summary>The name without the document's number, for narrow places such as a list's chip: 意见书整改反馈.</summary>
    public string ShortName => Reference is null ? Deadline.Name : Deadline.Name.Replace($"（{Reference}）", string.Empty, StringComparison.Ordinal);
}

/// <summary>
/// Computes every time limit of a reconsideration case from its facts, as of a given day.
/// </summary>
/// <remarks>
/// 《行政复议法》第八十八条：三日、五日、七日、十日为工作日；30日、60日为日历日，自次日起算，届满日为节假日的顺延。
/// 补正：审查期限自收到补正材料之日起重新按第三十条计算（第三十一条“收到补正材料后，依照本法第三十条的规定处理”）。
/// 中止期间不计入审理期限（第三十九条），延期一次、最多30日（第六十二条）。
/// 意见书、建议书：有关机关自收到之日起60日内报送整改情况（第七十六条）；按送达日适用的法律版本计算，
/// 建议书同样跟踪60日内的整改反馈（见 ADR-008）。
/// </remarks>
public static class ReconsiderationDeadlines
{
    public static string StepName(ReconsiderationStep step) => step switch
    {
        ReconsiderationStep.AcceptanceReview => "审查受理",
        ReconsiderationStep.SupplementNotice => "补正通知",
        ReconsiderationStep.SupplementByApplicant => "申请人补正",
        ReconsiderationStep.CopyToRespondent => "发送申请书副本",
        ReconsiderationStep.Answer => "被申请人答复",
        ReconsiderationStep.HearingNotice => "听证通知",
        ReconsiderationStep.Decision => "作出复议决定",
        ReconsiderationStep.OpinionFeedback => "意见书整改反馈",
        _ => step.ToString(),
    };

    /// <exception cref="DomainException">The facts break a rule of their law version (summary procedure before 2024, an extension over 30 days or in summary procedure) or a needed year is missing from the calendar.</exception>
    public static IReadOnlyList<StepDeadline> Compute(ReconsiderationFacts facts, DateOnly today, WorkdayCalendar calendar) =>
        Compute(facts, today, calendar, problems: null);

    /// <summary>
    /// Every deadline that can be counted, and the reasons for those that cannot (a year missing from
    /// the working-day calendar): one step beyond the calendar does not hide the others.
    /// </summary>
    public static IReadOnlyList<StepDeadline> ComputeAvailable(ReconsiderationFacts facts, DateOnly today, WorkdayCalendar calendar, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var result = Compute(facts, today, calendar, found);
        problems = found;
        return result;
    }

    private static IReadOnlyList<StepDeadline> Compute(ReconsiderationFacts facts, DateOnly today, WorkdayCalendar calendar, List<string>? problems)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var rules = DeadlineRuleSet.For(facts.EffectiveVersion);
        var initialProcedure = facts.SwitchedToOrdinaryOn is null ? facts.Procedure : Procedure.Summary;
        if (initialProcedure == Procedure.Summary && !rules.HasSummaryProcedure)
        {
            throw new DomainException($"{DeadlineRuleSet.Law2023InForce:yyyy-MM-dd}前收到的申请适用{rules.LawTitle}，没有简易程序。");
        }

        CheckExtension(rules, facts.Procedure, facts.ExtensionDays);
        var result = new List<StepDeadline>();
        var decidedBeforeAcceptance = facts.AcceptedOn ?? facts.EndedBeforeAcceptanceOn;

        Deadline Count(ReconsiderationStep step, Procedure procedure, string startEvent, DateOnly start, DateOnly? doneOn, IReadOnlyList<Pause>? pauses = null, int extension = 0)
        {
            var rule = rules.Find(step, procedure)!;
            return Deadline.Count(StepName(step), startEvent, start, rule.Period, rule.Citation, calendar, today, pauses, extension, doneOn);
        }

        void Add(ReconsiderationStep step, Func<Deadline> deadline, string? reference = null)
        {
            try
            {
                result.Add(new StepDeadline(step, deadline(), reference));
            }
            catch (DomainException e) when (problems is not null)
            {
                problems.Add($"{StepName(step)}{(reference is null ? string.Empty : $"（{reference}）")}：{e.Message}");
            }
        }

        if (facts.SupplementRequestedOn is not { } requested)
        {
            Add(ReconsiderationStep.AcceptanceReview, () => Count(ReconsiderationStep.AcceptanceReview, initialProcedure, "收到申请", facts.ReceivedOn, decidedBeforeAcceptance));
            if (decidedBeforeAcceptance is null)
            {
                Add(ReconsiderationStep.SupplementNotice, () => Count(ReconsiderationStep.SupplementNotice, initialProcedure, "收到申请", facts.ReceivedOn, null));
            }
        }
        else
        {
            Add(ReconsiderationStep.SupplementNotice, () => Count(ReconsiderationStep.SupplementNotice, initialProcedure, "收到申请", facts.ReceivedOn, requested));
            Add(ReconsiderationStep.SupplementByApplicant, () => Count(ReconsiderationStep.SupplementByApplicant, initialProcedure, "申请人收到补正通知", requested, facts.SupplementReceivedOn));
            Add(ReconsiderationStep.AcceptanceReview, () => facts.SupplementReceivedOn is { } supplemented
                ? Count(ReconsiderationStep.AcceptanceReview, initialProcedure, "收到补正材料", supplemented, decidedBeforeAcceptance)
                : Count(ReconsiderationStep.AcceptanceReview, initialProcedure, "收到申请", facts.ReceivedOn, decidedBeforeAcceptance, [new Pause("补正", requested, null)]));
        }

        if (facts.AcceptedOn is not { } accepted)
        {
            return result;
        }

        Add(ReconsiderationStep.CopyToRespondent, () => Count(ReconsiderationStep.CopyToRespondent, initialProcedure, "受理", accepted, facts.CopySentOn));
        if (facts.CopySentOn is { } copied)
        {
            var procedureAtCopy = facts.SwitchedToOrdinaryOn is { } switched && switched <= copied ? Procedure.Ordinary : initialProcedure;
            Add(ReconsiderationStep.Answer, () => Count(ReconsiderationStep.Answer, procedureAtCopy, "被申请人收到申请书副本", copied, facts.AnswerReceivedOn));
        }

        if (facts.HearingOn is { } hearing && rules.Find(ReconsiderationStep.HearingNotice, facts.Procedure) is { } hearingRule)
        {
            Add(ReconsiderationStep.HearingNotice, () => Deadline.Before(
                StepName(ReconsiderationStep.HearingNotice), "举行听证", hearing, hearingRule.Period, "书面通知当事人", hearingRule.Citation, calendar, today, facts.HearingNoticeOn));
        }

        var suspensions = facts.Suspensions.Select(s => new Pause("中止", s.From, s.To)).ToList();
        Add(ReconsiderationStep.Decision, () => Count(ReconsiderationStep.Decision, facts.Procedure, "受理", accepted, facts.ClosedOn, suspensions, facts.ExtensionDays));

        foreach (var letter in facts.Letters)
        {
            Add(ReconsiderationStep.OpinionFeedback, () => LetterFeedback(letter, today, calendar), letter.Number);
        }

        return result;
    }

    /// <summary>
    /// The 60 days an agency has to report its rectification after receiving an opinion or recommendation letter.
    /// The rule is the one in force on the day the letter was served.
    /// </summary>
    /// <remarks>《行政复议法》第七十六条；2024年前送达的，《行政复议法实施条例》第五十七条。</remarks>
    public static Deadline LetterFeedback(LetterFacts letter, DateOnly today, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var rule = DeadlineRuleSet.For(DeadlineRuleSet.VersionFor(letter.ServedOn)).Find(ReconsiderationStep.OpinionFeedback, Procedure.Ordinary)!;
        var kind = FollowUpNames.Name(letter.Kind);
        return Deadline.Count($"{kind}整改反馈（{letter.Number}）", $"送达行政复议{kind}", letter.ServedOn, rule.Period, rule.Citation, calendar, today, doneOn: letter.ReplyOn);
    }

    /// <summary>The decision deadline alone, e.g. to ask whether a closed case was closed on time (按期审结).</summary>
    public static Deadline Decision(ReconsiderationFacts facts, DateOnly today, WorkdayCalendar calendar) =>
        Compute(facts, today, calendar).FirstOrDefault(s => s.Step == ReconsiderationStep.Decision)?.Deadline
        ?? throw new DomainException("案件尚未受理，没有审理期限。");

    /// <summary>Refuses an extension the law does not allow.</summary>
    /// <remarks>《行政复议法》第六十二条：普通程序案件情况复杂的，经行政复议机构负责人批准可以适当延长，但延长期限最多不超过三十日；简易程序案件30日内决定。</remarks>
    public static void CheckExtension(DeadlineRuleSet rules, Procedure procedure, int days)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (days < 0)
        {
            throw new DomainException("延期天数不能为负数。");
        }

        if (days > 0 && procedure == Procedure.Summary)
        {
            throw new DomainException($"简易程序案件不能延期；案情复杂的，须先转为普通程序（{rules.ExtensionCitation}）。");
        }

        if (days > rules.MaxExtensionDays)
        {
            throw new DomainException($"延期{days}日超过法定上限：延长期限最多不超过{rules.MaxExtensionDays}日（{rules.ExtensionCitation}）。");
        }
    }
}
