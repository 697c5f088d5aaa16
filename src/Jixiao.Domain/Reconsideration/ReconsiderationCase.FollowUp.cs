namespace Jixiao.Domain.Reconsideration;

/// <summary>
/// The follow-up of a case: opinion and recommendation letters with their rectification replies, copies
/// to the respondent's superior (抄告) and the performance (履行) of the decision or mediation statement.
/// Each method checks the move, records it and appends a step, like the moves of the hearing.
/// </summary>
/// <remarks>《行政复议法》第七十六条（意见书）、第七十七条与第七十八条（履行）、第七十九条（抄告）；《行政复议法实施条例》第五十八条（建议书）。</remarks>
public sealed partial class ReconsiderationCase
{
    /// <summary>履行情况, null when the case is open or its outcome obliges nobody to act.</summary>
    public PerformanceStatus? Performance { get; private set; }

    /// <summary>The day by which the decision or mediation statement is to be performed (履行期限).</summary>
    public DateOnly? PerformanceDueOn { get; private set; }

    public DateOnly? PerformedOn { get; private set; }

    /// <summary>The note of the latest performance step; the steps keep every earlier one.</summary>
    public string? PerformanceNote { get; private set; }

    /// <summary>
    /// Records an opinion letter (意见书) or a recommendation letter (建议书) served on an agency, during the
    /// hearing or after the decision; the agency's 60 days for its rectification reply run from the day served.
    /// </summary>
    /// <exception cref="ValidationException">A field is missing or too long; every problem is listed.</exception>
    /// <exception cref="DomainException">The case was not accepted, the day is impossible, or the number is already used on the case.</exception>
    public CaseLetter IssueLetter(LetterDraft draft, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Begin(actor, at);
        if (State is not (CaseState.Accepted or CaseState.Suspended or CaseState.Closed))
        {
            throw new DomainException($"案件{StateName(State)}，不能制发行政复议意见书或建议书；只有已受理的案件可以。");
        }

        ValidationException.ThrowIfAny(draft.Problems());
        CheckDay(draft.ServedOn, "送达日期", AcceptedOn!.Value, "受理日期", at);
        var number = draft.Number.Trim();
        if (letters.FirstOrDefault(l => l.Number == number) is { } same)
        {
            throw new DomainException($"本案已登记文号为{number}的{FollowUpNames.Title(same.Kind)}（{same.ServedOn:yyyy-MM-dd}送达{same.AddresseeName}）。");
        }

        var letter = new CaseLetter(draft);
        letters.Add(letter);
        Move(State, CaseStepKind.OpinionLetterIssued, actor, at, new CaseDocument(letter.Number, FollowUpNames.Title(letter.Kind)),
            $"{letter.ServedOn:yyyy-MM-dd}送达{letter.AddresseeName}：{letter.Summary}");
        return letter;
    }

    /// <summary>Records the agency's rectification reply (整改反馈) to a letter; its feedback deadline is then met or met late.</summary>
    public void RecordLetterReply(CaseLetter letter, DateOnly receivedOn, string? number, string? note, CaseActor actor, DateTimeOffset at)
    {
        Begin(actor, at);
        Own(letter);
        if (letter.ReplyReceivedOn is { } received)
        {
            throw new DomainException($"{FollowUpNames.Title(letter.Kind)}{letter.Number}的整改反馈已于{received:yyyy-MM-dd}登记。");
        }

        CheckDay(receivedOn, "收到整改反馈日期", letter.ServedOn, $"{FollowUpNames.Name(letter.Kind)}送达日期", at);
        var replyNumber = Limit(number, 100, "整改反馈文号");
        var replyNote = Limit(note, 2000, "整改情况");
        letter.RecordReply(receivedOn, replyNumber, replyNote);
        Move(State, CaseStepKind.OpinionFeedbackReceived, actor, at, replyNumber is null ? null : new CaseDocument(replyNumber, "整改情况报告"),
            $"{letter.AddresseeName}就{FollowUpNames.Name(letter.Kind)}{letter.Number}报送整改情况（{receivedOn:yyyy-MM-dd}收到）{(replyNote is null ? string.Empty : "：" + replyNote)}");
    }

    /// <summary>Removes a letter recorded in error; only while no reply and no 抄告 refer to it.</summary>
    public void RemoveLetter(CaseLetter letter, string reason, CaseActor actor, DateTimeOffset at)
    {
        Begin(actor, at);
        Own(letter);
        var why = Require(reason, "删除理由");
        if (letter.ReplyReceivedOn is { } received)
        {
            throw new DomainException($"{FollowUpNames.Title(letter.Kind)}{letter.Number}已于{received:yyyy-MM-dd}收到整改反馈，不能删除。");
        }

        if (copies.Any(c => c.Letter == letter))
        {
            throw new DomainException($"{FollowUpNames.Title(letter.Kind)}{letter.Number}已抄告上级机关，须先删除抄告记录。");
        }

        letters.Remove(letter);
        Move(State, CaseStepKind.LetterRemoved, actor, at, new CaseDocument(letter.Number, FollowUpNames.Title(letter.Kind)), why);
    }

    /// <summary>
    /// Records a copy (抄告) of the case's decision or of one of its opinion letters sent to the respondent's
    /// superior authority. The decision must be a decision on the merits of a closed case; the letter an
    /// opinion letter issued on this case.
    /// </summary>
    /// <remarks>《行政复议法》第七十九条：行政复议决定书、意见书抄告被申请人的上一级主管部门。</remarks>
    public SuperiorCopy CopyToSuperior(CopiedDocument document, CaseLetter? letter, string recipient, DateOnly sentOn, string? number, CaseActor actor, DateTimeOffset at)
    {
        Begin(actor, at);
        var to = Require(recipient, "抄告机关");
        if (to.Length > 100)
        {
            throw new DomainException("抄告机关不能超过100字。");
        }

        var copyNumber = Limit(number, 100, "抄告文号");
        string what;
        switch (document)
        {
            case CopiedDocument.Decision:
                if (State != CaseState.Closed || Outcome is not { } outcome)
                {
                    throw new DomainException($"案件{StateName(State)}，尚未作出行政复议决定，不能抄告决定书（《行政复议法》第七十九条）。");
                }

                if (!Outcomes.IsMeritsDecision(outcome))
                {
                    throw new DomainException($"本案以{Outcomes.Name(outcome)}结案，制作的是{Outcomes.DocumentTitle(outcome)}，不是行政复议决定书，不属于抄告范围（《行政复议法》第七十九条）。");
                }

                if (letter is not null)
                {
                    throw new DomainException("抄告决定书时不应选择意见书。");
                }

                CheckDay(sentOn, "抄告日期", ClosedOn!.Value, "决定日期", at);
                what = $"{FollowUpNames.Name(document)}{DecisionNumber}";
                break;
            case CopiedDocument.OpinionLetter:
                if (letter is null)
                {
                    throw new DomainException("请选择要抄告的意见书。");
                }

                Own(letter);
                if (letter.Kind != LetterKind.Opinion)
                {
                    throw new DomainException($"{letter.Number}是行政复议建议书；抄告的是行政复议决定书和意见书（《行政复议法》第七十九条）。");
                }

                CheckDay(sentOn, "抄告日期", letter.ServedOn, "意见书送达日期", at);
                what = $"{FollowUpNames.Name(document)}{letter.Number}";
                break;
            default:
                throw new DomainException("请选择抄告的文书：行政复议决定书或意见书。");
        }

        if (copies.FirstOrDefault(c => c.Document == document && c.Letter == letter && c.Recipient == to) is { } earlier)
        {
            throw new DomainException($"{what}已于{earlier.SentOn:yyyy-MM-dd}抄告{to}。");
        }

        var copy = new SuperiorCopy(document, letter, to, sentOn, copyNumber);
        copies.Add(copy);
        Move(State, CaseStepKind.CopiedToSuperior, actor, at, copyNumber is null ? null : new CaseDocument(copyNumber, "抄告函"), $"{sentOn:yyyy-MM-dd}将{what}抄告{to}");
        return copy;
    }

    /// <summary>Removes a 抄告 record entered in error.</summary>
    public void RemoveCopy(SuperiorCopy copy, string reason, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        Begin(actor, at);
        var why = Require(reason, "删除理由");
        if (!copies.Contains(copy))
        {
            throw new DomainException("该抄告记录不属于本案。");
        }

        copies.Remove(copy);
        Move(State, CaseStepKind.CopyRemoved, actor, at, null, $"删除{copy.SentOn:yyyy-MM-dd}抄告{copy.Recipient}的记录：{why}");
    }

    /// <summary>Records the period set for performance (履行期限), e.g. “限六十日内重新作出”.</summary>
    public void SetPerformanceDue(DateOnly dueOn, CaseActor actor, DateTimeOffset at, string? note = null)
    {
        Begin(actor, at);
        ExpectPerformance("确定履行期限");
        if (Performance != PerformanceStatus.Pending)
        {
            throw new DomainException($"履行情况为“{FollowUpNames.Name(Performance!.Value)}”，不能再确定履行期限。");
        }

        if (dueOn < ClosedOn!.Value)
        {
            throw new DomainException($"履行期限{dueOn:yyyy-MM-dd}早于{Outcomes.DocumentTitle(Outcome!.Value)}日期{ClosedOn:yyyy-MM-dd}。");
        }

        PerformanceDueOn = dueOn;
        PerformanceNote = Limit(note, 2000, "说明");
        Move(State, CaseStepKind.PerformanceDueSet, actor, at, null, $"履行期限至{dueOn:yyyy-MM-dd}{Suffix(PerformanceNote)}");
    }

    /// <summary>Records that the decision or mediation statement has been performed (已履行).</summary>
    public void RecordPerformed(DateOnly performedOn, string? note, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        ExpectPerformance("记录履行");
        if (Performance == PerformanceStatus.Performed)
        {
            throw new DomainException($"已于{PerformedOn:yyyy-MM-dd}记录履行完毕。");
        }

        CheckDay(performedOn, "履行日期", ClosedOn!.Value, $"{Outcomes.DocumentTitle(Outcome!.Value)}日期", at);
        PerformedOn = performedOn;
        PerformanceNote = Limit(note, 2000, "履行情况");
        Performance = PerformanceStatus.Performed;
        Move(State, CaseStepKind.Performed, actor, at, document, $"{performedOn:yyyy-MM-dd}履行完毕{Suffix(PerformanceNote)}");
    }

    /// <summary>
    /// Orders the respondent to perform within a new period (责令限期履行) once the period set has passed
    /// without performance.
    /// </summary>
    /// <remarks>《行政复议法》第七十七条：被申请人不履行或者无正当理由拖延履行的，行政复议机关或者有关上级行政机关应当责令其限期履行。</remarks>
    public void UrgePerformance(DateOnly newDueOn, string note, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        ExpectPerformance("责令限期履行");
        ExpectNotPerformedInTime("责令限期履行", at);
        if (newDueOn <= Day(at))
        {
            throw new DomainException($"新的履行期限{newDueOn:yyyy-MM-dd}应晚于今天。");
        }

        PerformanceNote = Limit(Require(note, "责令履行情况"), 2000, "责令履行情况");
        PerformanceDueOn = newDueOn;
        Performance = PerformanceStatus.Urged;
        Move(State, CaseStepKind.PerformanceUrged, actor, at, document, $"责令于{newDueOn:yyyy-MM-dd}前履行：{PerformanceNote}（《行政复议法》第七十七条）");
    }

    /// <summary>
    /// Records enforcement (依法强制执行或申请人民法院强制执行) of a varied decision or a mediation statement the
    /// applicant or a third party has not performed in time.
    /// </summary>
    /// <remarks>《行政复议法》第七十八条。</remarks>
    public void ApplyForEnforcement(string note, CaseActor actor, DateTimeOffset at, CaseDocument? document = null)
    {
        Begin(actor, at);
        ExpectPerformance("申请强制执行");
        if (!Outcomes.MayBeEnforced(Outcome!.Value))
        {
            throw new DomainException($"本案以{Outcomes.Name(Outcome.Value)}结案，应由被申请人履行；被申请人不履行的，应责令限期履行（《行政复议法》第七十七条），不适用强制执行（第七十八条）。");
        }

        if (Performance == PerformanceStatus.EnforcementApplied)
        {
            throw new DomainException("已记录强制执行。");
        }

        ExpectNotPerformedInTime("申请强制执行", at);
        PerformanceNote = Limit(Require(note, "强制执行情况"), 2000, "强制执行情况");
        Performance = PerformanceStatus.EnforcementApplied;
        Move(State, CaseStepKind.EnforcementApplied, actor, at, document, $"{PerformanceNote}（《行政复议法》第七十八条）");
    }

    /// <summary>Pending or urged performance whose period has passed on <paramref name="today"/> (逾期未履行).</summary>
    public bool PerformanceOverdue(DateOnly today) =>
        Performance is PerformanceStatus.Pending or PerformanceStatus.Urged && PerformanceDueOn is { } due && due < today;

    private void ExpectPerformance(string action)
    {
        if (State != CaseState.Closed || Outcome is not { } outcome)
        {
            throw new DomainException($"案件{StateName(State)}，尚未作出行政复议决定或调解书，不能{action}。");
        }

        if (!Outcomes.RequiresPerformance(outcome))
        {
            throw new DomainException($"本案以{Outcomes.Name(outcome)}结案，不需要跟踪履行；需要履行的是变更、撤销并责令重作、责令履行决定和调解书（《行政复议法》第七十七条）。");
        }
    }

    private void ExpectNotPerformedInTime(string action, DateTimeOffset at)
    {
        if (Performance == PerformanceStatus.Performed)
        {
            throw new DomainException($"已于{PerformedOn:yyyy-MM-dd}履行完毕，不能{action}。");
        }

        if (PerformanceDueOn is not { } due)
        {
            throw new DomainException($"尚未确定履行期限，不能认定未按期履行，不能{action}。");
        }

        if (Day(at) <= due)
        {
            throw new DomainException($"履行期限至{due:yyyy-MM-dd}届满，尚未逾期，不能{action}。");
        }
    }

    private void Own(CaseLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (!letters.Contains(letter))
        {
            throw new DomainException($"{FollowUpNames.Title(letter.Kind)}{letter.Number}不属于本案。");
        }
    }

    /// <summary>A day entered for an event: not before <paramref name="notBefore"/> and not after today.</summary>
    private void CheckDay(DateOnly day, string field, DateOnly notBefore, string notBeforeName, DateTimeOffset at)
    {
        if (day < notBefore)
        {
            throw new DomainException($"{field}{day:yyyy-MM-dd}早于{notBeforeName}{notBefore:yyyy-MM-dd}。");
        }

        if (day > DayOf(at))
        {
            throw new DomainException($"{field}{day:yyyy-MM-dd}晚于今天（{DayOf(at):yyyy-MM-dd}）。");
        }
    }

    private static string? Limit(string? value, int length, string field)
    {
        var v = Optional(value);
        return v is { Length: var n } && n > length ? throw new DomainException($"{field}不能超过{length}字。") : v;
    }

    private static string Suffix(string? note) => note is null ? string.Empty : "：" + note;
}
