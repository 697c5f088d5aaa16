using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Reconsideration;

/// <summary>Where a reconsideration case stands.</summary>
public enum CaseState
{
    /// <summary>已收到，审查中</summary>
    UnderReview = 1,

    /// <summary>待补正</summary>
    AwaitingSupplement = 2,

    /// <summary>已受理，审理中（普通或简易程序）</summary>
    Accepted = 3,

    /// <summary>已中止</summary>
    Suspended = 4,

    /// <summary>已审结</summary>
    Closed = 5,

    /// <summary>未受理即办结（不予受理、告知、转送、另行处理、逾期未补正）</summary>
    EndedBeforeAcceptance = 6,
}

/// <summary>
/// A reconsideration case (行政复议案件) from receipt of the application to its end. Every move is
/// an intention-named method that checks the move is legal in the current state, records the dates
/// the deadlines need and appends a <see cref="CaseStep"/>; an illegal move throws
/// <see cref="DomainException"/> with the reason.
/// </summary>
/// <remarks>
/// 《行政复议法》2023 第三十条（审查受理）、第三十一条（补正）、第三十九条（中止）、第四十一条（终止）、
/// 第四十八条（发送副本、答复）、第五十至五十二条（听证、咨询委员会）、第五十三至五十五条（简易程序）、
/// 第六十二条（审理期限与延期）、第六十三至六十九条、第七十三条、第七十四条（决定、调解、和解）；
/// the follow-up after the decision (意见书、建议书、抄告、履行) is in ReconsiderationCase.FollowUp.cs.
/// </remarks>
public sealed partial class ReconsiderationCase : IUnitScoped
{
    private readonly List<CaseStep> steps = [];
    private readonly List<CaseSuspension> suspensions = [];
    private readonly List<CaseLetter> letters = [];
    private readonly List<SuperiorCopy> copies = [];

    private ReconsiderationCase()
    {
        CaseNumber = ApplicantName = RespondentName = string.Empty;
    }

    /// <summary>Registers an application received on <paramref name="receivedOn"/>; the law version follows from that day.</summary>
    public ReconsiderationCase(
        int unitId,
        string caseNumber,
        DateOnly receivedOn,
        MatterCategory matter,
        ApplicationChannel channel,
        ApplicantKind applicantKind,
        string applicantName,
        string respondentName,
        CaseActor actor,
        DateTimeOffset at,
        CaseDocument? document = null)
    {
        CaseNumber = Require(caseNumber, "案号");
        ApplicantName = Require(applicantName, "申请人");
        RespondentName = Require(respondentName, "被申请人");
        UnitId = unitId;
        ReceivedOn = receivedOn;
        LawVersion = DeadlineRuleSet.VersionFor(receivedOn);
        Matter = matter;
        Channel = channel;
        ApplicantKind = applicantKind;
        State = CaseState.UnderReview;
        Procedure = Procedure.Ordinary;
        if (Day(at) < receivedOn)
        {
            throw new DomainException($"登记时间{Day(at):yyyy-MM-dd}早于收到申请日期{receivedOn:yyyy-MM-dd}。");
        }

        steps.Add(new CaseStep(CaseStepKind.Received, at, actor, document, null));
        if (!string.IsNullOrWhiteSpace(actor.UserName))
        {
            HandlerUserName = actor.UserName;
            HandlerName = actor.Name;
        }
    }

    public int Id { get; private set; }

    /// <summary>The reconsideration body's unit that handles the case.</summary>
    public int UnitId { get; private set; }

    public string CaseNumber { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public LawVersion LawVersion { get; private set; }

    public MatterCategory Matter { get; private set; }

    public ApplicationChannel Channel { get; private set; }

    public ApplicantKind ApplicantKind { get; private set; }

    public string ApplicantName { get; private set; }

    public string RespondentName { get; private set; }

    public CaseState State { get; private set; }

    public Procedure Procedure { get; private set; }

    public DateOnly? SupplementRequestedOn { get; private set; }

    public string? SupplementItems { get; private set; }

    public DateOnly? SupplementReceivedOn { get; private set; }

    public PreAcceptanceEnding? EndedBeforeAcceptanceAs { get; private set; }

    public DateOnly? EndedBeforeAcceptanceOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public DateOnly? SwitchedToOrdinaryOn { get; private set; }

    public DateOnly? CopySentOn { get; private set; }

    public DateOnly? AnswerReceivedOn { get; private set; }

    public DateOnly? HearingNoticeOn { get; private set; }

    public DateOnly? HearingOn { get; private set; }

    public DateOnly? SettledOn { get; private set; }

    /// <summary>Days of the extension (延期), 0 if none.</summary>
    public int ExtensionDays { get; private set; }

    public DateOnly? ExtendedOn { get; private set; }

    /// <summary>The head of the reconsideration body who approved the extension.</summary>
    public string? ExtensionApprovedBy { get; private set; }

    public ReconsiderationOutcome? Outcome { get; private set; }

    /// <summary>The day of the decision, mediation statement or termination: the date of the closing document.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The number (文号) of the closing document (决定书、调解书、终止决定书); its title follows from the outcome.</summary>
    public string? DecisionNumber { get; private set; }

    public IdDocumentType? ApplicantIdType { get; private set; }

    public string? ApplicantIdNumber { get; private set; }

    public string? ApplicantPhone { get; private set; }

    public string? ApplicantAddress { get; private set; }

    public string? AgentName { get; private set; }

    /// <summary>涉企：the applicant is an enterprise or the case concerns one.</summary>
    public bool EnterpriseRelated { get; private set; }

    /// <summary>行政复议请求</summary>
    public string? Requests { get; private set; }

    /// <summary>被申请复议的行政行为</summary>
    public string? ContestedAct { get; private set; }

    /// <summary>The respondent in the maintained list of agencies, for 抄告.</summary>
    public int? RespondentAgencyId { get; private set; }

    public IReadOnlyList<CaseSuspension> Suspensions => suspensions;

    /// <summary>The handler (承办人) responsible for the case: whoever registered it, until it is assigned to someone else.</summary>
    /// <summary>The handler's sign-in name.</summary>
    public string? HandlerUserName { get; private set; }

    public string? HandlerName { get; private set; }

    /// <summary>Assigns the case to a handler (分配承办人). Closed cases keep the handler who closed them.</summary>
    public void AssignHandler(CaseActor handler, CaseActor actor, DateTimeOffset at)
    {
        Begin(actor, at);
        if (string.IsNullOrWhiteSpace(handler.UserName) || string.IsNullOrWhiteSpace(handler.Name))
        {
            throw new DomainException("请选择承办人。");
        }

        if (State is CaseState.Closed or CaseState.EndedBeforeAcceptance)
        {
            throw new DomainException($"案件{StateName(State)}，不能再分配承办人。");
        }

        if (HandlerUserName == handler.UserName)
        {
            throw new DomainException($"案件的承办人已是{handler.Name}。");
        }

        var from = HandlerName;
        HandlerUserName = handler.UserName;
        HandlerName = handler.Name;
        Move(State, CaseStepKind.HandlerAssigned, actor, at, null, from is null ? $"承办人：{handler.Name}" : $"承办人由{from}改为{handler.Name}");
    }
    /// <summary>The opinion and recommendation letters (意见书、建议书) issued on the case.</summary>
    public IReadOnlyList<CaseLetter> Letters => letters;

    /// <summary>The copies sent to the respondent's superior (抄告).</summary>
    public IReadOnlyList<SuperiorCopy> Copies => copies;

    /// <summary>Records or corrects the applicant's identification and contact, the agent, the contested act and the requests.</summary>
    /// <exception cref="ValidationException">A field is invalid (e.g. an ID number with a wrong check digit); every problem is listed.</exception>
    public void RecordParticulars(ApplicationParticulars particulars, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        if (State is CaseState.Closed or CaseState.EndedBeforeAcceptance)
        {
            throw new DomainException($"案件{StateName(State)}，不能再修改申请信息。");
        }

        ValidationException.ThrowIfAny(particulars.Problems(ApplicantKind, today));
        ApplicantIdType = particulars.IdType;
        ApplicantIdNumber = particulars.IdNumber.Trim().ToUpperInvariant();
        ApplicantPhone = Optional(particulars.Phone);
        ApplicantAddress = Optional(particulars.Address);
        AgentName = Optional(particulars.AgentName);
        EnterpriseRelated = particulars.EnterpriseRelated || ApplicantKind == ApplicantKind.Enterprise;
        Requests = particulars.Requests.Trim();
        ContestedAct = particulars.ContestedAct.Trim();
        RespondentAgencyId = particulars.RespondentAgencyId;
    }

    public IReadOnlyList<CaseStep> Steps => steps;

    /// <summary>Sends the request to supplement (补正通知), listing everything at once; the review clock pauses.</summary>
    /// <remarks>《行政复议法》第三十一条：补正通知应当一次性载明需要补正的事项。</remarks>
    public void RequestSupplement(string items, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.UnderReview, "通知补正");
        if (SupplementRequestedOn is { } earlier)
        {
            throw new DomainException($"本案已于{earlier:yyyy-MM-dd}通知补正；补正通知应一次性载明全部补正事项，不能再次通知补正（《行政复议法》第三十一条）。");
        }

        SupplementItems = Require(items, "补正事项");
        SupplementRequestedOn = DayOf(at);
        Move(CaseState.AwaitingSupplement, CaseStepKind.SupplementRequested, actor, at, document, items);
    }

    /// <summary>Records the applicant's supplementary material; the acceptance review runs again.</summary>
    public void ReceiveSupplement(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        Expect(CaseState.AwaitingSupplement, "接收补正材料");
        SupplementReceivedOn = DayOf(at);
        Move(CaseState.UnderReview, CaseStepKind.SupplementReceived, actor, at, document, note);
    }

    /// <summary>Ends the application because the supplement period passed without material (视为放弃).</summary>
    /// <remarks>《行政复议法》第三十一条：无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案。</remarks>
    public void LapseSupplement(WorkdayCalendar calendar, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        ArgumentNullException.ThrowIfNull(calendar);
        Expect(CaseState.AwaitingSupplement, "按逾期未补正处理");
        var due = Deadlines(calendar, DayOf(at)).Single(s => s.Step == ReconsiderationStep.SupplementByApplicant).Deadline;
        if (DayOf(at) <= due.Due)
        {
            throw new DomainException($"补正期限至{due.Due:yyyy-MM-dd}届满，尚未逾期，不能视为放弃申请。");
        }

        EndBeforeAcceptance(PreAcceptanceEnding.SupplementOverdue, CaseStepKind.SupplementLapsed, actor, at, document, due.Explanation);
    }

    /// <summary>Accepts the application (受理) under the ordinary or the summary procedure.</summary>
    /// <remarks>《行政复议法》第三十条、第五十三条。</remarks>
    public void Accept(Procedure procedure, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.UnderReview, "受理");
        if (procedure == Procedure.Summary && !DeadlineRuleSet.For(LawVersion).HasSummaryProcedure)
        {
            throw new DomainException($"本案{ReceivedOn:yyyy-MM-dd}收到，适用修正前的《行政复议法》，不能适用简易程序。");
        }

        Procedure = procedure;
        AcceptedOn = DayOf(at);
        Move(CaseState.Accepted, CaseStepKind.Accepted, actor, at, document, procedure == Procedure.Summary ? "简易程序" : "普通程序");
    }

    /// <summary>Refuses the application (不予受理) with the reason.</summary>
    /// <remarks>《行政复议法》第三十条第二款：决定不予受理并说明理由。</remarks>
    public void Refuse(string reason, CaseActor actor, DateTimeOffset at, CaseDocument? document = null) =>
        EndBeforeAcceptance(PreAcceptanceEnding.Refused, CaseStepKind.Refused, actor, at, document, Require(reason, "不予受理理由"));

    /// <summary>Tells the applicant to use another channel (告知).</summary>
    public void Inform(string channel, CaseActor actor, DateTimeOffset at, CaseDocument? document = null) =>
        EndBeforeAcceptance(PreAcceptanceEnding.Informed, CaseStepKind.Informed, actor, at, document, Require(channel, "告知的途径"));

    /// <summary>Transfers the application to the competent body (转送).</summary>
    public void Transfer(string toBody, CaseActor actor, DateTimeOffset at, CaseDocument? document = null) =>
        EndBeforeAcceptance(PreAcceptanceEnding.Transferred, CaseStepKind.Transferred, actor, at, document, Require(toBody, "转送机关"));

    /// <summary>Handles the letter otherwise (另行处理), e.g. as a petition.</summary>
    public void HandleOtherwise(string how, CaseActor actor, DateTimeOffset at, CaseDocument? document = null) =>
        EndBeforeAcceptance(PreAcceptanceEnding.HandledOtherwise, CaseStepKind.HandledOtherwise, actor, at, document, Require(how, "处理方式"));

    /// <summary>Switches a summary-procedure case to the ordinary procedure.</summary>
    /// <remarks>《行政复议法》第五十五条。</remarks>
    public void SwitchToOrdinary(string reason, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.Accepted, "转为普通程序");
        if (Procedure != Procedure.Summary)
        {
            throw new DomainException("本案已适用普通程序，无需转换。");
        }

        Procedure = Procedure.Ordinary;
        SwitchedToOrdinaryOn = DayOf(at);
        Move(CaseState.Accepted, CaseStepKind.SwitchedToOrdinary, actor, at, document, Require(reason, "转换理由"));
    }

    /// <summary>Sends the copy of the application to the respondent (发送申请书副本).</summary>
    /// <remarks>《行政复议法》第四十八条（7个工作日）、第五十四条（简易程序3个工作日）。</remarks>
    public void SendCopyToRespondent(CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.Accepted, "发送申请书副本");
        if (CopySentOn is { } sent)
        {
            throw new DomainException($"申请书副本已于{sent:yyyy-MM-dd}发送被申请人。");
        }

        CopySentOn = DayOf(at);
        Move(CaseState.Accepted, CaseStepKind.CopySent, actor, at, document, null);
    }

    /// <summary>Records the respondent's written answer with its evidence (书面答复).</summary>
    public void RecordAnswer(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        ExpectInHearing("记录答复");
        if (CopySentOn is null)
        {
            throw new DomainException("尚未向被申请人发送申请书副本，不能记录答复。");
        }

        if (AnswerReceivedOn is { } received)
        {
            throw new DomainException($"已于{received:yyyy-MM-dd}记录被申请人答复。");
        }

        AnswerReceivedOn = DayOf(at);
        Move(State, CaseStepKind.AnswerRecorded, actor, at, document, note);
    }

    /// <summary>Notifies the parties of a hearing on <paramref name="hearingOn"/>.</summary>
    /// <remarks>《行政复议法》第五十条、第五十一条：听证的五日前书面通知当事人。</remarks>
    public void ScheduleHearing(DateOnly hearingOn, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.Accepted, "通知听证");
        if (hearingOn <= DayOf(at))
        {
            throw new DomainException($"听证日期{hearingOn:yyyy-MM-dd}应晚于通知日期{DayOf(at):yyyy-MM-dd}。");
        }

        HearingOn = hearingOn;
        HearingNoticeOn = DayOf(at);
        Move(CaseState.Accepted, CaseStepKind.HearingScheduled, actor, at, document, $"听证日期{hearingOn:yyyy-MM-dd}");
    }

    /// <summary>Records that the hearing took place.</summary>
    public void HoldHearing(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        Expect(CaseState.Accepted, "举行听证");
        if (HearingOn is null)
        {
            throw new DomainException("尚未通知听证，不能记录听证。");
        }

        Move(CaseState.Accepted, CaseStepKind.HearingHeld, actor, at, document, note);
    }

    /// <summary>Records a consultation of the reconsideration committee (咨询委员会).</summary>
    /// <remarks>《行政复议法》第五十二条。</remarks>
    public void ConsultCommittee(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        Expect(CaseState.Accepted, "提请咨询委员会咨询");
        Move(CaseState.Accepted, CaseStepKind.CommitteeConsulted, actor, at, document, note);
    }

    /// <summary>Records a mediation session (调解); allowed while suspended for mediation.</summary>
    /// <remarks>《行政复议法》第七十三条。</remarks>
    public void Mediate(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        ExpectInHearing("调解");
        Move(State, CaseStepKind.Mediation, actor, at, document, note);
    }

    /// <summary>Records a settlement (和解) between applicant and respondent.</summary>
    /// <remarks>《行政复议法》第七十四条。</remarks>
    public void RecordSettlement(CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        ExpectInHearing("记录和解");
        SettledOn = DayOf(at);
        Move(State, CaseStepKind.Settlement, actor, at, document, note);
    }

    /// <summary>Suspends the case (中止) on one of the ten grounds; the decision period stops running.</summary>
    /// <remarks>《行政复议法》第三十九条。</remarks>
    public void Suspend(SuspensionGround ground, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        if (State == CaseState.Suspended)
        {
            throw new DomainException("案件已中止，不能重复中止。");
        }

        Expect(CaseState.Accepted, "中止");
        if (!Enum.IsDefined(ground))
        {
            throw new DomainException("中止须选择《行政复议法》第三十九条规定的中止情形。");
        }

        suspensions.Add(new CaseSuspension(ground, DayOf(at)));
        Move(CaseState.Suspended, CaseStepKind.Suspended, actor, at, document, $"{SuspensionGrounds.Name(ground)}（{SuspensionGrounds.Citation(ground)}）");
    }

    /// <summary>Resumes the hearing of a suspended case (恢复审理), notified in writing.</summary>
    /// <remarks>《行政复议法》第三十九条第二款。</remarks>
    public void Resume(CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        Expect(CaseState.Suspended, "恢复审理");
        suspensions[^1].End(DayOf(at));
        Move(CaseState.Accepted, CaseStepKind.Resumed, actor, at, document, null);
    }

    /// <summary>
    /// Extends the decision period once, by at most 30 days, with the approval of the head of the
    /// reconsideration body, before the period runs out.
    /// </summary>
    /// <remarks>《行政复议法》第六十二条第一款：经行政复议机构的负责人批准，可以适当延长，并书面告知当事人；但是延长期限最多不超过三十日。</remarks>
    public void Extend(int days, CaseActor approvedBy, WorkdayCalendar calendar, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        ArgumentNullException.ThrowIfNull(calendar);
        if (State == CaseState.Suspended)
        {
            throw new DomainException("案件已中止，须先恢复审理才能延期。");
        }

        Expect(CaseState.Accepted, "延期");
        if (ExtendedOn is { } extended)
        {
            throw new DomainException($"本案已于{extended:yyyy-MM-dd}延期{ExtensionDays}日，审理期限只能延长一次。");
        }

        if (days <= 0)
        {
            throw new DomainException("延期天数应大于0。");
        }

        ReconsiderationDeadlines.CheckExtension(DeadlineRuleSet.For(LawVersion), Procedure, days);
        if (string.IsNullOrWhiteSpace(approvedBy.Name))
        {
            throw new DomainException("延期须经行政复议机构负责人批准，请填写批准人。");
        }

        var decision = ReconsiderationDeadlines.Decision(ToFacts(), DayOf(at), calendar);
        if (decision.Due is { } due && DayOf(at) > due)
        {
            throw new DomainException($"审理期限已于{due:yyyy-MM-dd}届满，不能再延期。");
        }

        ExtensionDays = days;
        ExtendedOn = DayOf(at);
        ExtensionApprovedBy = approvedBy.Name.Trim();
        Move(CaseState.Accepted, CaseStepKind.Extended, actor, at, document, $"延期{days}日，经{ExtensionApprovedBy}批准");
    }

    /// <summary>
    /// Closes the case with a decision, a mediation statement or a termination, recording the closing
    /// document's number; its date is the closing day. When the outcome obliges someone to act, its
    /// performance (履行) becomes pending.
    /// </summary>
    /// <remarks>《行政复议法》第三十三条、第四十一条、第六十三至六十九条、第七十三条、第七十四条、第七十七条。</remarks>
    public void Close(ReconsiderationOutcome outcome, CaseActor actor, DateTimeOffset at, CaseDocument? document = null, string? note = null)
    {
        Begin(actor, at);
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("请选择结案方式。");
        }


        if (State == CaseState.Suspended && !Outcomes.IsTermination(outcome))
        {
            throw new DomainException($"案件已中止，须先恢复审理才能作出{Outcomes.Name(outcome)}决定。");
        }

        ExpectInHearing("结案");
        if (outcome == ReconsiderationOutcome.SettlementWithdrawal && SettledOn is null)
        {
            throw new DomainException("尚未记录和解，不能以和解后撤回终止结案。");
        }

        if (outcome == ReconsiderationOutcome.MediationStatement && steps.All(s => s.Kind != CaseStepKind.Mediation))
        {
            throw new DomainException("尚未记录调解，不能以调解书结案。");
        }

        var title = Outcomes.DocumentTitle(outcome);
        if (string.IsNullOrWhiteSpace(document?.Number))
        {
            throw new DomainException($"请填写{title}文号。");
        }

        if (document.Number.Trim().Length > 100)
        {
            throw new DomainException($"{title}文号不能超过100字。");
        }

        if (State == CaseState.Suspended)
        {
            suspensions[^1].End(DayOf(at));
        }

        Outcome = outcome;
        ClosedOn = DayOf(at);
        DecisionNumber = document.Number.Trim();
        Performance = Outcomes.RequiresPerformance(outcome) ? PerformanceStatus.Pending : null;
        Move(CaseState.Closed, CaseStepKind.Closed, actor, at, new CaseDocument(DecisionNumber, title), note is null ? Outcomes.Name(outcome) : $"{Outcomes.Name(outcome)}：{note}");
    }

    /// <summary>The facts the deadline engine needs.</summary>
    public ReconsiderationFacts ToFacts() => new(ReceivedOn)
    {
        Version = LawVersion,
        SupplementRequestedOn = SupplementRequestedOn,
        SupplementReceivedOn = SupplementReceivedOn,
        EndedBeforeAcceptanceOn = EndedBeforeAcceptanceOn,
        AcceptedOn = AcceptedOn,
        Procedure = Procedure,
        SwitchedToOrdinaryOn = SwitchedToOrdinaryOn,
        Suspensions = suspensions.Select(s => new SuspensionPeriod(s.From, s.To, s.Ground)).ToList(),
        ExtensionDays = ExtensionDays,
        CopySentOn = CopySentOn,
        AnswerReceivedOn = AnswerReceivedOn,
        HearingOn = HearingOn,
        HearingNoticeOn = HearingNoticeOn,
        ClosedOn = ClosedOn,
        Letters = letters.Select(l => new LetterFacts(l.Kind, l.Number, l.ServedOn, l.ReplyReceivedOn)).ToList(),
    };

    /// <summary>Every time limit of the case as of <paramref name="today"/>.</summary>
    public IReadOnlyList<StepDeadline> Deadlines(WorkdayCalendar calendar, DateOnly today) =>
        ReconsiderationDeadlines.Compute(ToFacts(), today, calendar);

    public static string StateName(CaseState state) => state switch
    {
        CaseState.UnderReview => "审查中",
        CaseState.AwaitingSupplement => "待补正",
        CaseState.Accepted => "审理中",
        CaseState.Suspended => "已中止",
        CaseState.Closed => "已审结",
        CaseState.EndedBeforeAcceptance => "未受理",
        _ => state.ToString(),
    };

    private void EndBeforeAcceptance(PreAcceptanceEnding ending, CaseStepKind kind, CaseActor actor, DateTimeOffset at, CaseDocument? document, string? note)
    {
        Begin(actor, at);
        if (State is not (CaseState.UnderReview or CaseState.AwaitingSupplement))
        {
            throw new DomainException($"案件{StateName(State)}，不能作{CaseTermNames.Name(ending)}处理；只有尚未受理的申请可以。");
        }

        EndedBeforeAcceptanceAs = ending;
        EndedBeforeAcceptanceOn = DayOf(at);
        Move(CaseState.EndedBeforeAcceptance, kind, actor, at, document, note);
    }

    private void Expect(CaseState expected, string action)
    {
        if (State != expected)
        {
            throw new DomainException($"案件{StateName(State)}，不能{action}；须处于“{StateName(expected)}”状态。");
        }
    }

    private void ExpectInHearing(string action)
    {
        if (State is not (CaseState.Accepted or CaseState.Suspended))
        {
            throw new DomainException($"案件{StateName(State)}，不能{action}；只有已受理、尚未审结的案件可以。");
        }
    }

    /// <summary>Checks the actor and the time before anything changes.</summary>
    private void Begin(CaseActor actor, DateTimeOffset at)
    {
        if ((actor.UserId <= 0 && string.IsNullOrWhiteSpace(actor.UserName)) || string.IsNullOrWhiteSpace(actor.Name))
        {
            throw new DomainException("须记录办理人。");
        }

        if (steps.Count > 0 && at < steps[^1].At)
        {
            throw new DomainException($"办理时间{at:yyyy-MM-dd HH:mm}早于上一步骤（{CaseStep.KindName(steps[^1].Kind)}，{steps[^1].At:yyyy-MM-dd HH:mm}）。");
        }

        _ = DayOf(at);
    }

    private void Move(CaseState to, CaseStepKind kind, CaseActor actor, DateTimeOffset at, CaseDocument? document, string? note)
    {
        State = to;
        steps.Add(new CaseStep(kind, at, actor, document, note));
    }

    private DateOnly DayOf(DateTimeOffset at)
    {
        var day = Day(at);
        return day < ReceivedOn ? throw new DomainException($"办理日期{day:yyyy-MM-dd}早于收到申请日期{ReceivedOn:yyyy-MM-dd}。") : day;
    }

    /// <summary>The calendar day of the moment at its own offset (the office's local day).</summary>
    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.DateTime);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Require(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"{field}不能为空。") : value.Trim();
}
