using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Litigation;

/// <summary>The instance (审级) a case is on the register for.</summary>
public enum LitigationInstance
{
    /// <summary>一审</summary>
    First = 1,

    /// <summary>二审</summary>
    Second = 2,
}

/// <summary>Where a lawsuit against an agency stands.</summary>
public enum LitigationState
{
    /// <summary>一审审理中</summary>
    Pending = 1,

    /// <summary>一审已结案</summary>
    Concluded = 2,

    /// <summary>二审审理中</summary>
    Appealed = 3,

    /// <summary>二审已结案</summary>
    AppealConcluded = 4,
}

/// <summary>
/// An administrative lawsuit (行政应诉案件) against an agency of the unit's area: registration, defence, hearings,
/// the first-instance judgment or ruling and the appeal. Every move checks its dates and order and throws
/// <see cref="DomainException"/> with the reason.
/// </summary>
/// <remarks>
/// 《行政诉讼法》第三条（负责人出庭应诉）、第六十七条（答辩）、第六十九条至第七十八条（判决）、第七十九条（复议机关共同被告）、
/// 第八十五条（上诉）、第八十九条（二审）。A second-instance case is registered directly when the first instance is not on the register.
/// </remarks>
public sealed class LitigationCase : IUnitScoped
{
    private readonly List<LitigationHearing> hearings = [];

    private LitigationCase()
    {
        Court = CaseNumber = Plaintiff = Defendant = string.Empty;
    }

    public LitigationCase(int unitId, string court, string caseNumber, LitigationInstance instance, string plaintiff, string defendant,
        bool reconsiderationCoDefendant, DateOnly filedOn, DateOnly? complaintReceivedOn = null, bool summaryProcedure = false)
    {
        if (!Enum.IsDefined(instance))
        {
            throw new DomainException("审级应为一审或二审。");
        }

        UnitId = unitId;
        Court = Require(court, "受理法院", 100);
        CaseNumber = Require(caseNumber, "案号", 60);
        Plaintiff = Require(plaintiff, "原告", 200);
        Defendant = Require(defendant, "被告", 100);
        Instance = instance;
        ReconsiderationCoDefendant = reconsiderationCoDefendant;
        FiledOn = filedOn;
        if (complaintReceivedOn is { } received && received < filedOn)
        {
            throw new DomainException($"收到起诉状副本日期{received:yyyy-MM-dd}早于立案日期{filedOn:yyyy-MM-dd}。");
        }

        ComplaintReceivedOn = complaintReceivedOn ?? filedOn;
        SummaryProcedure = summaryProcedure;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Court { get; private set; }

    public string CaseNumber { get; private set; }

    public LitigationInstance Instance { get; private set; }

    public string Plaintiff { get; private set; }

    /// <summary>The defendant agency (被告行政机关).</summary>
    public string Defendant { get; private set; }

    /// <summary>The reconsideration body is co-defendant because it upheld the act (复议机关作共同被告，第七十九条).</summary>
    public bool ReconsiderationCoDefendant { get; private set; }

    /// <summary>The day the court filed the case (立案日期).</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>The day the agency received the copy of the complaint; the defence is due 15 days later.</summary>
    public DateOnly ComplaintReceivedOn { get; private set; }

    public bool SummaryProcedure { get; private set; }

    public DateOnly? DefenceSubmittedOn { get; private set; }

    /// <summary>How the first instance ended; for first-instance cases only.</summary>
    public FirstInstanceOutcome? Outcome { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public string? JudgmentNumber { get; private set; }

    public DateOnly? ServedOn { get; private set; }

    public DateOnly? AppealFiledOn { get; private set; }

    /// <summary>Who appealed (上诉人).</summary>
    public string? Appellant { get; private set; }

    public SecondInstanceOutcome? AppealOutcome { get; private set; }

    public DateOnly? AppealConcludedOn { get; private set; }

    public IReadOnlyList<LitigationHearing> Hearings => hearings;

    public LitigationState State => Instance == LitigationInstance.Second || AppealFiledOn is not null
        ? (AppealConcludedOn is null ? LitigationState.Appealed : LitigationState.AppealConcluded)
        : (ConcludedOn is null ? LitigationState.Pending : LitigationState.Concluded);

    public bool IsOpen => State is LitigationState.Pending or LitigationState.Appealed;

    /// <summary>Filed in an earlier year than the one it was concluded in (上年结转).</summary>
    public bool CarriedOver => ConcludedOn is { } concluded && FiledOn.Year < concluded.Year;

    public static string StateName(LitigationState state) => state switch
    {
        LitigationState.Pending => "一审审理中",
        LitigationState.Concluded => "一审已结案",
        LitigationState.Appealed => "二审审理中",
        LitigationState.AppealConcluded => "二审已结案",
        _ => state.ToString(),
    };

    public static string InstanceName(LitigationInstance instance) => instance == LitigationInstance.Second ? "二审" : "一审";

    public static bool IsRuling(FirstInstanceOutcome outcome) =>
        outcome is FirstInstanceOutcome.RulingDismissSuit or FirstInstanceOutcome.RulingAllowWithdrawal;

    /// <summary>The defence and evidence were submitted to the court (提交答辩状).</summary>
    public void SubmitDefence(DateOnly on)
    {
        if (on < ComplaintReceivedOn)
        {
            throw new DomainException($"提交答辩状日期{on:yyyy-MM-dd}早于收到起诉状副本日期{ComplaintReceivedOn:yyyy-MM-dd}。");
        }

        DefenceSubmittedOn = on;
    }

    /// <summary>Records a court hearing and whether the agency's head appeared; when not, who appeared instead.</summary>
    public LitigationHearing RecordHearing(DateOnly heldOn, string? court, LitigationInstance instance, bool headAppeared, string? headName, string? appearedInstead)
    {
        if (!Enum.IsDefined(instance))
        {
            throw new DomainException("庭审审级应为一审或二审。");
        }

        if (heldOn < FiledOn)
        {
            throw new DomainException($"开庭日期{heldOn:yyyy-MM-dd}早于立案日期{FiledOn:yyyy-MM-dd}。");
        }

        if (instance == LitigationInstance.Second && Instance == LitigationInstance.First && AppealFiledOn is null)
        {
            throw new DomainException("本案尚未上诉，不能登记二审庭审。");
        }

        if (instance == LitigationInstance.First && Instance == LitigationInstance.Second)
        {
            throw new DomainException("本案为二审案件，庭审应为二审。");
        }

        if (!headAppeared && string.IsNullOrWhiteSpace(appearedInstead))
        {
            throw new DomainException("负责人未出庭的，应填写出庭人员（姓名及职务）。");
        }

        var hearing = new LitigationHearing(UnitId, heldOn, string.IsNullOrWhiteSpace(court) ? Court : Trim(court, "开庭法院", 100),
            instance, headAppeared, headAppeared ? Optional(headName, "出庭负责人", 64) : null, headAppeared ? null : Trim(appearedInstead!, "出庭人员", 100));
        hearings.Add(hearing);
        return hearing;
    }

    /// <summary>Records the first-instance judgment, ruling or mediation (一审裁判).</summary>
    public void RecordJudgment(FirstInstanceOutcome outcome, DateOnly concludedOn, string? judgmentNumber, DateOnly? servedOn)
    {
        if (Instance != LitigationInstance.First)
        {
            throw new DomainException("二审案件应登记二审结果。");
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("一审结案方式不正确。");
        }

        if (ConcludedOn is not null)
        {
            throw new DomainException("本案一审已结案。");
        }

        if (concludedOn < FiledOn)
        {
            throw new DomainException($"结案日期{concludedOn:yyyy-MM-dd}早于立案日期{FiledOn:yyyy-MM-dd}。");
        }

        if (servedOn is { } served && served < concludedOn)
        {
            throw new DomainException($"送达日期{served:yyyy-MM-dd}早于结案日期{concludedOn:yyyy-MM-dd}。");
        }

        Outcome = outcome;
        ConcludedOn = concludedOn;
        JudgmentNumber = Optional(judgmentNumber, "裁判文书号", 100);
        ServedOn = servedOn;
    }

    /// <summary>Records an appeal against the first-instance judgment or ruling (上诉).</summary>
    public void RecordAppeal(DateOnly filedOn, string appellant)
    {
        if (Instance != LitigationInstance.First || ConcludedOn is not { } concluded)
        {
            throw new DomainException("一审尚未结案，不能登记上诉。");
        }

        if (AppealFiledOn is not null)
        {
            throw new DomainException("本案已登记上诉。");
        }

        if (Outcome == FirstInstanceOutcome.Mediation)
        {
            throw new DomainException("调解结案的案件不能上诉。");
        }

        if (filedOn < concluded)
        {
            throw new DomainException($"上诉日期{filedOn:yyyy-MM-dd}早于一审结案日期{concluded:yyyy-MM-dd}。");
        }

        AppealFiledOn = filedOn;
        Appellant = Require(appellant, "上诉人", 200);
    }

    /// <summary>Records how the second instance ended (二审结果).</summary>
    public void RecordSecondInstance(SecondInstanceOutcome outcome, DateOnly concludedOn)
    {
        if (State != LitigationState.Appealed)
        {
            throw new DomainException("本案不在二审审理中。");
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("二审结案方式不正确。");
        }

        var start = AppealFiledOn ?? FiledOn;
        if (concludedOn < start)
        {
            throw new DomainException($"二审结案日期{concludedOn:yyyy-MM-dd}早于{(AppealFiledOn is null ? "立案" : "上诉")}日期{start:yyyy-MM-dd}。");
        }

        AppealOutcome = outcome;
        AppealConcludedOn = concludedOn;
    }

    public LitigationFacts ToFacts() => new()
    {
        ComplaintReceivedOn = ComplaintReceivedOn,
        DefenceSubmittedOn = DefenceSubmittedOn,
        FiledOn = Instance == LitigationInstance.First ? FiledOn : null,
        SummaryProcedure = SummaryProcedure,
        FirstInstanceConcludedOn = ConcludedOn,
        FirstInstanceServedOn = ServedOn,
        ServedIsRuling = Outcome is { } o && IsRuling(o),
        AppealFiledOn = AppealFiledOn,
        AppealReceivedOn = Instance == LitigationInstance.Second ? FiledOn : AppealFiledOn,
        SecondInstanceConcludedOn = AppealConcludedOn,
    };

    /// <summary>The time limits as of <paramref name="today"/>.</summary>
    public IReadOnlyList<(LitigationStep Step, Deadline Deadline)> Deadlines(DateOnly today, WorkdayCalendar calendar) =>
        LitigationDeadlines.Compute(ToFacts(), today, calendar);

    /// <summary>The defence deadline (15 days from receiving the complaint), the one the to-do list warns about.</summary>
    public Deadline DefenceDeadline(DateOnly today, WorkdayCalendar calendar) =>
        LitigationDeadlines.One(LitigationStep.Defence, ToFacts(), today, calendar)!;

    /// <summary>The time limits that can be counted as of <paramref name="today"/>, and why any other cannot.</summary>
    public (IReadOnlyList<(LitigationStep Step, Deadline Deadline)> Deadlines, IReadOnlyList<string> Problems) AvailableDeadlines(DateOnly today, WorkdayCalendar calendar) =>
        LitigationDeadlines.Available(ToFacts(), today, calendar);

    private static string Require(string value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"{field}不能为空。") : Trim(value, field, max);

    private static string Trim(string value, string field, int max)
    {
        var t = value.Trim();
        return t.Length > max ? throw new DomainException($"{field}不能超过{max}个字。") : t;
    }

    private static string? Optional(string? value, string field, int max) => string.IsNullOrWhiteSpace(value) ? null : Trim(value, field, max);
}

/// <summary>A court hearing (庭审) of a lawsuit and whether the agency's head appeared (负责人出庭应诉).</summary>
public sealed class LitigationHearing : IUnitScoped
{
    private LitigationHearing()
    {
        Court = string.Empty;
    }

    internal LitigationHearing(int unitId, DateOnly heldOn, string court, LitigationInstance instance, bool headAppeared, string? headName, string? appearedInstead)
    {
        UnitId = unitId;
        HeldOn = heldOn;
        Court = court;
        Instance = instance;
        HeadAppeared = headAppeared;
        HeadName = headName;
        AppearedInstead = appearedInstead;
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    /// <summary>The case's unit, kept here so the hearings of a unit and period are read on one index, within the scope.</summary>
    public int UnitId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Court { get; private set; }

    public LitigationInstance Instance { get; private set; }

    public bool HeadAppeared { get; private set; }

    public string? HeadName { get; private set; }

    /// <summary>Who appeared instead of the head (name and post), when the head did not.</summary>
    public string? AppearedInstead { get; private set; }

    public HearingFacts ToFacts() => new((int)Instance, HeadAppeared);
}
