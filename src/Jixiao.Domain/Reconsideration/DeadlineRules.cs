using Jixiao.Domain.Calendar;

namespace Jixiao.Domain.Reconsideration;

/// <summary>The version of the reconsideration law a case runs under, by the day the application was received.</summary>
public enum LawVersion
{
    /// <summary>《行政复议法》（2017年修正）与《行政复议法实施条例》：2024-01-01前收到的申请。</summary>
    Law2017 = 2017,

    /// <summary>《行政复议法》（2023年修订，2024-01-01施行）。</summary>
    Law2023 = 2023,
}

/// <summary>Procedure (审理程序) of an accepted case.</summary>
public enum Procedure
{
    /// <summary>普通程序</summary>
    Ordinary = 1,

    /// <summary>简易程序</summary>
    Summary = 2,
}

/// <summary>The steps of a reconsideration case that have a time limit.</summary>
public enum ReconsiderationStep
{
    /// <summary>审查受理</summary>
    AcceptanceReview = 1,

    /// <summary>发出补正通知</summary>
    SupplementNotice = 2,

    /// <summary>申请人补正</summary>
    SupplementByApplicant = 3,

    /// <summary>发送申请书副本</summary>
    CopyToRespondent = 4,

    /// <summary>被申请人答复</summary>
    Answer = 5,

    /// <summary>听证通知</summary>
    HearingNotice = 6,

    /// <summary>作出复议决定</summary>
    Decision = 7,

    /// <summary>意见书整改反馈</summary>
    OpinionFeedback = 8,
}

/// <summary>One time limit: the step, the procedure it applies to (null: both), the period and where the law says so.</summary>
public sealed record DeadlineRule(ReconsiderationStep Step, Procedure? Procedure, Period Period, string Citation);

/// <summary>
/// The time limits of one version of the law, kept as data so that cases received before 2024 keep
/// their old limits.
/// </summary>
/// <remarks>
/// 2023 修订：《行政复议法》第三十条、第三十一条、第四十八条、第五十一条、第五十四条、第六十二条、第七十六条、第八十八条。
/// 2017 修正：《行政复议法》第十七条、第二十三条、第三十一条、第四十条（“五日”“七日”为工作日，答复的“十日”为日历日），
/// 《行政复议法实施条例》第二十九条、第五十七条；修正前没有简易程序与法定听证通知期限。
/// </remarks>
public sealed record DeadlineRuleSet(LawVersion Version, string LawTitle, bool HasSummaryProcedure, int MaxExtensionDays, string ExtensionCitation, IReadOnlyList<DeadlineRule> Rules)
{
    /// <summary>The day the 2023 revision took effect.</summary>
    public static readonly DateOnly Law2023InForce = new(2024, 1, 1);

    public static DeadlineRuleSet Law2023 { get; } = new(
        LawVersion.Law2023,
        "《行政复议法》",
        HasSummaryProcedure: true,
        MaxExtensionDays: 30,
        ExtensionCitation: "《行政复议法》第六十二条",
        [
            new(ReconsiderationStep.AcceptanceReview, null, Period.WorkingDays(5), "《行政复议法》第三十条"),
            new(ReconsiderationStep.SupplementNotice, null, Period.WorkingDays(5), "《行政复议法》第三十一条"),
            new(ReconsiderationStep.SupplementByApplicant, null, Period.WorkingDays(10), "《行政复议法》第三十一条"),
            new(ReconsiderationStep.CopyToRespondent, Procedure.Ordinary, Period.WorkingDays(7), "《行政复议法》第四十八条"),
            new(ReconsiderationStep.CopyToRespondent, Procedure.Summary, Period.WorkingDays(3), "《行政复议法》第五十四条"),
            new(ReconsiderationStep.Answer, Procedure.Ordinary, Period.WorkingDays(10), "《行政复议法》第四十八条"),
            new(ReconsiderationStep.Answer, Procedure.Summary, Period.WorkingDays(5), "《行政复议法》第五十四条"),
            new(ReconsiderationStep.HearingNotice, null, Period.WorkingDays(5), "《行政复议法》第五十一条"),
            new(ReconsiderationStep.Decision, Procedure.Ordinary, Period.Days(60), "《行政复议法》第六十二条"),
            new(ReconsiderationStep.Decision, Procedure.Summary, Period.Days(30), "《行政复议法》第六十二条"),
            new(ReconsiderationStep.OpinionFeedback, null, Period.Days(60), "《行政复议法》第七十六条"),
        ]);

    public static DeadlineRuleSet Law2017 { get; } = new(
        LawVersion.Law2017,
        "《行政复议法》（2017年修正）",
        HasSummaryProcedure: false,
        MaxExtensionDays: 30,
        ExtensionCitation: "《行政复议法》（2017年修正）第三十一条",
        [
            new(ReconsiderationStep.AcceptanceReview, null, Period.WorkingDays(5), "《行政复议法》（2017年修正）第十七条"),
            new(ReconsiderationStep.SupplementNotice, null, Period.WorkingDays(5), "《行政复议法实施条例》第二十九条"),
            new(ReconsiderationStep.SupplementByApplicant, null, Period.Days(10), "《行政复议法实施条例》第二十九条（合理补正期限，按10日计）"),
            new(ReconsiderationStep.CopyToRespondent, null, Period.WorkingDays(7), "《行政复议法》（2017年修正）第二十三条"),
            new(ReconsiderationStep.Answer, null, Period.Days(10), "《行政复议法》（2017年修正）第二十三条"),
            new(ReconsiderationStep.Decision, null, Period.Days(60), "《行政复议法》（2017年修正）第三十一条"),
            new(ReconsiderationStep.OpinionFeedback, null, Period.Days(60), "《行政复议法实施条例》第五十七条"),
        ]);

    /// <summary>The version a case runs under: applications received before 2024-01-01 keep the old law.</summary>
    public static LawVersion VersionFor(DateOnly receivedOn) => receivedOn < Law2023InForce ? LawVersion.Law2017 : LawVersion.Law2023;

    public static DeadlineRuleSet For(LawVersion version) => version switch
    {
        LawVersion.Law2017 => Law2017,
        LawVersion.Law2023 => Law2023,
        _ => throw new DomainException($"未知的法律版本{version}。"),
    };

    /// <summary>The rule for a step under a procedure, or null when this version sets no limit for it.</summary>
    public DeadlineRule? Find(ReconsiderationStep step, Procedure procedure) =>
        Rules.FirstOrDefault(r => r.Step == step && r.Procedure == procedure) ?? Rules.FirstOrDefault(r => r.Step == step && r.Procedure is null);
}
