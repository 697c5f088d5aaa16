using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

/// <summary>意见书、建议书 and their feedback deadline (Art. 76), 抄告 (Art. 79), 履行 (Art. 77–78), the closing document.</summary>
public class FollowUpTests
{
    private static readonly CaseActor Handler = new(7, "李承办");

    private static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    /// <summary>A case received 2024-03-01, accepted 2024-03-04 and, unless <paramref name="outcome"/> is null, closed 2024-04-22.</summary>
    private static ReconsiderationCase Case(ReconsiderationOutcome? outcome = ReconsiderationOutcome.Uphold)
    {
        var c = new ReconsiderationCase(1, "江司复〔2024〕9号", D("2024-03-01"), MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
            "张某", "江门市市场监督管理局", Handler, At(D("2024-03-01")));
        c.Accept(Procedure.Ordinary, Handler, At(D("2024-03-04")));
        if (outcome is { } o)
        {
            if (o == ReconsiderationOutcome.MediationStatement)
            {
                c.Mediate(Handler, At(D("2024-04-10")));
            }

            c.Close(o, Handler, At(D("2024-04-22")), new CaseDocument("江司复〔2024〕9号", Outcomes.DocumentTitle(o)));
        }

        return c;
    }

    private static LetterDraft Draft(string served = "2024-05-06", LetterKind kind = LetterKind.Opinion, string number = "江司复意〔2024〕1号") =>
        new(kind, number, "江门市市场监督管理局", 3, D(served), "未告知陈述申辩权利，请纠正并报送整改情况。");

    [Theory]
    // Served 2024-07-01: 60 days end Friday 2024-08-30.
    [InlineData("Opinion", "2024-07-01", "2024-08-20", null, "2024-08-30", DeadlineStatus.Ok, 10)]
    [InlineData("Opinion", "2024-07-01", "2024-08-27", null, "2024-08-30", DeadlineStatus.Warning, 3)]
    [InlineData("Opinion", "2024-07-01", "2024-09-02", null, "2024-08-30", DeadlineStatus.Overdue, -3)]
    [InlineData("Opinion", "2024-07-01", "2024-09-10", "2024-08-29", "2024-08-30", DeadlineStatus.Done, null)]
    [InlineData("Opinion", "2024-07-01", "2024-09-10", "2024-09-03", "2024-08-30", DeadlineStatus.DoneLate, null)]
    // Served 2024-08-02: day 60 is 2024-10-01, National Day; the period ends on the first working day after the holiday.
    [InlineData("Opinion", "2024-08-02", "2024-09-30", null, "2024-10-08", DeadlineStatus.Warning, 8)]
    // Served 2024-12-02: day 60 is 2025-01-31, within the Spring Festival holiday (1-28 to 2-04).
    [InlineData("Recommendation", "2024-12-02", "2025-01-02", null, "2025-02-05", DeadlineStatus.Ok, 34)]
    public void LetterFeedback_SixtyCalendarDaysMovedOffDaysOff(string kind, string served, string today, string? reply, string due, DeadlineStatus status, int? daysLeft)
    {
        var facts = new ReconsiderationFacts(D("2024-03-01"))
        {
            AcceptedOn = D("2024-03-04"),
            ClosedOn = D("2024-04-22"),
            Letters = [new LetterFacts(Enum.Parse<LetterKind>(kind), "江司复意〔2024〕1号", D(served), reply is null ? null : D(reply))],
        };
        var feedback = ReconsiderationDeadlines.Compute(facts, D(today), China).Single(s => s.Step == ReconsiderationStep.OpinionFeedback);
        feedback.Deadline.Due.ShouldBe(D(due));
        feedback.Deadline.Status.ShouldBe(status);
        feedback.Deadline.DaysLeft.ShouldBe(daysLeft);
        feedback.Reference.ShouldBe("江司复意〔2024〕1号");
        feedback.Deadline.Citation.ShouldBe("《行政复议法》第七十六条");
    }

    [Fact]
    public void LetterFeedback_EndOnHoliday_ExplanationSaysWhy()
    {
        var deadline = ReconsiderationDeadlines.LetterFeedback(new LetterFacts(LetterKind.Opinion, "江司复意〔2024〕3号", D("2024-08-02"), null), D("2024-08-05"), China);
        deadline.Name.ShouldBe("意见书整改反馈（江司复意〔2024〕3号）");
        deadline.Explanation.ShouldBe("自2024-08-02送达行政复议意见书之日起60日，至2024-10-08届满（2024-10-01为节假日或休息日，顺延至其后第一个工作日）（《行政复议法》第七十六条）");
    }

    [Theory]
    // The rule is the one in force on the day of service, whatever law the case runs under.
    [InlineData("2023-10-09", "2023-12-08", "《行政复议法实施条例》第五十七条")]
    [InlineData("2024-01-10", "2024-03-11", "《行政复议法》第七十六条")]
    public void LetterFeedback_RuleOfTheServiceDay(string served, string due, string citation)
    {
        var facts = new ReconsiderationFacts(D("2023-08-01"))
        {
            AcceptedOn = D("2023-08-03"),
            ClosedOn = D("2023-09-20"),
            Letters = [new LetterFacts(LetterKind.Opinion, "江司复意〔2023〕4号", D(served), null)],
        };
        facts.EffectiveVersion.ShouldBe(LawVersion.Law2017);
        var feedback = ReconsiderationDeadlines.Compute(facts, D(served), China).Single(s => s.Step == ReconsiderationStep.OpinionFeedback).Deadline;
        feedback.Due.ShouldBe(D(due));
        feedback.Citation.ShouldBe(citation);
    }

    [Fact]
    public void Deadlines_TwoLetters_EachItsOwnFeedback()
    {
        var c = Case();
        c.IssueLetter(Draft("2024-05-06"), Handler, At(D("2024-05-06")));
        c.IssueLetter(Draft("2024-05-20", LetterKind.Recommendation, "江司复建〔2024〕1号"), Handler, At(D("2024-05-20")));
        c.RecordLetterReply(c.Letters[0], D("2024-06-28"), "江市监函〔2024〕8号", "已纠正", Handler, At(D("2024-06-28")));

        var feedback = c.Deadlines(China, D("2024-07-01")).Where(s => s.Step == ReconsiderationStep.OpinionFeedback).ToList();
        feedback.Select(f => (f.Reference, f.Deadline.Due, f.Deadline.Status)).ShouldBe(
        [
            ("江司复意〔2024〕1号", D("2024-07-05"), DeadlineStatus.Done),
            ("江司复建〔2024〕1号", D("2024-07-19"), DeadlineStatus.Ok),
        ]);
        feedback[1].Name.ShouldBe("建议书整改反馈（江司复建〔2024〕1号）");
        feedback[1].ShortName.ShouldBe("建议书整改反馈");
        c.Steps[^1].Kind.ShouldBe(CaseStepKind.OpinionFeedbackReceived);
        c.Steps[^1].DocumentNumber.ShouldBe("江市监函〔2024〕8号");
        c.Letters[0].ReplyNote.ShouldBe("已纠正");
    }

    [Fact]
    public void IssueLetter_MissingFields_ListsEveryField()
    {
        var c = Case();
        var error = Should.Throw<ValidationException>(() => c.IssueLetter(new LetterDraft((LetterKind)9, " ", "", null, D("2024-05-06"), ""), Handler, At(D("2024-05-06"))));
        error.Problems.Select(p => p.Field).ShouldBe(["文书种类", "文号", "送达机关", "主要内容"]);
        c.Letters.ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> IllegalMoves => new()
    {
        // action, on what case, reason
        { "letterBeforeAcceptance", "open", "送达日期2024-03-01早于受理日期2024-03-04。" },
        { "letterInTheFuture", "open", "送达日期2024-05-08晚于今天（2024-05-06）。" },
        { "letterNumberAgain", "letter", "本案已登记文号为江司复意〔2024〕1号的行政复议意见书（2024-05-06送达江门市市场监督管理局）。" },
        { "replyBeforeService", "letter", "收到整改反馈日期2024-05-01早于意见书送达日期2024-05-06。" },
        { "replyTwice", "replied", "行政复议意见书江司复意〔2024〕1号的整改反馈已于2024-06-03登记。" },
        { "removeReplied", "replied", "已于2024-06-03收到整改反馈，不能删除。" },
        { "removeCopied", "copied", "已抄告上级机关，须先删除抄告记录。" },
        { "copyDecisionOpen", "open", "案件审理中，尚未作出行政复议决定，不能抄告决定书（《行政复议法》第七十九条）。" },
        { "copyMediationStatement", "mediated", "本案以调解结案，制作的是行政复议调解书，不是行政复议决定书，不属于抄告范围（《行政复议法》第七十九条）。" },
        { "copyRecommendation", "recommendation", "江司复建〔2024〕1号是行政复议建议书；抄告的是行政复议决定书和意见书（《行政复议法》第七十九条）。" },
        { "copyDecisionTwice", "copiedDecision", "行政复议决定书江司复〔2024〕9号已于2024-04-25抄告江门市人民政府。" },
        { "copyBeforeDecision", "closed", "抄告日期2024-04-20早于决定日期2024-04-22。" },
        { "copyNoRecipient", "closed", "抄告机关不能为空。" },
        { "performanceOpen", "open", "案件审理中，尚未作出行政复议决定或调解书，不能确定履行期限。" },
        { "performanceUpheld", "closed", "本案以维持结案，不需要跟踪履行；需要履行的是变更、撤销并责令重作、责令履行决定和调解书（《行政复议法》第七十七条）。" },
        { "dueBeforeDecision", "redo", "履行期限2024-04-01早于行政复议决定书日期2024-04-22。" },
        { "urgeWithoutDue", "redo", "尚未确定履行期限，不能认定未按期履行，不能责令限期履行。" },
        { "urgeBeforeDue", "redoDue", "履行期限至2024-05-22届满，尚未逾期，不能责令限期履行。" },
        { "enforceRedo", "redoDue", "本案以撤销并责令重作结案，应由被申请人履行；被申请人不履行的，应责令限期履行（《行政复议法》第七十七条），不适用强制执行（第七十八条）。" },
        { "performedTwice", "performed", "已于2024-05-10记录履行完毕。" },
        { "urgePerformed", "performed", "已于2024-05-10履行完毕，不能责令限期履行。" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void FollowUp_IllegalMove_RefusedAndNothingChanges(string action, string on, string reason)
    {
        var c = on switch
        {
            "open" => Case(null),
            "mediated" => Case(ReconsiderationOutcome.MediationStatement),
            "redo" or "redoDue" or "performed" => Case(ReconsiderationOutcome.RevokeAndRedo),
            _ => Case(),
        };
        if (on is "letter" or "replied" or "copied")
        {
            c.IssueLetter(Draft(), Handler, At(D("2024-05-06")));
        }

        switch (on)
        {
            case "replied":
                c.RecordLetterReply(c.Letters[0], D("2024-06-03"), null, null, Handler, At(D("2024-06-03")));
                break;
            case "copied":
                c.CopyToSuperior(CopiedDocument.OpinionLetter, c.Letters[0], "江门市人民政府", D("2024-05-06"), null, Handler, At(D("2024-05-06"), 15));
                break;
            case "recommendation":
                c.IssueLetter(Draft(kind: LetterKind.Recommendation, number: "江司复建〔2024〕1号"), Handler, At(D("2024-05-06")));
                break;
            case "copiedDecision":
                c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-04-25"), "江司复抄〔2024〕1号", Handler, At(D("2024-04-25")));
                break;
            case "redoDue":
                c.SetPerformanceDue(D("2024-05-22"), Handler, At(D("2024-04-23")));
                break;
            case "performed":
                c.SetPerformanceDue(D("2024-05-22"), Handler, At(D("2024-04-23")));
                c.RecordPerformed(D("2024-05-10"), "已重新作出", Handler, At(D("2024-05-10")));
                break;
        }

        var steps = c.Steps.Count;
        var (letters, copies, performance, due) = (c.Letters.Count, c.Copies.Count, c.Performance, c.PerformanceDueOn);
        var today = At(D("2024-05-06"), 17);
        Action move = action switch
        {
            "letterBeforeAcceptance" => () => c.IssueLetter(Draft("2024-03-01"), Handler, today),
            "letterInTheFuture" => () => c.IssueLetter(Draft("2024-05-08"), Handler, today),
            "letterNumberAgain" => () => c.IssueLetter(Draft(), Handler, today),
            "replyBeforeService" => () => c.RecordLetterReply(c.Letters[0], D("2024-05-01"), null, null, Handler, today),
            "replyTwice" => () => c.RecordLetterReply(c.Letters[0], D("2024-06-04"), null, null, Handler, At(D("2024-06-04"))),
            "removeReplied" => () => c.RemoveLetter(c.Letters[0], "登记错误", Handler, At(D("2024-06-04"))),
            "removeCopied" => () => c.RemoveLetter(c.Letters[0], "登记错误", Handler, today),
            "copyDecisionOpen" => () => c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-05-06"), null, Handler, today),
            "copyMediationStatement" => () => c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-05-06"), null, Handler, today),
            "copyRecommendation" => () => c.CopyToSuperior(CopiedDocument.OpinionLetter, c.Letters[0], "江门市人民政府", D("2024-05-06"), null, Handler, today),
            "copyDecisionTwice" => () => c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-05-06"), null, Handler, today),
            "copyBeforeDecision" => () => c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-04-20"), null, Handler, today),
            "copyNoRecipient" => () => c.CopyToSuperior(CopiedDocument.Decision, null, " ", D("2024-05-06"), null, Handler, today),
            "performanceOpen" or "performanceUpheld" => () => c.SetPerformanceDue(D("2024-06-30"), Handler, today),
            "dueBeforeDecision" => () => c.SetPerformanceDue(D("2024-04-01"), Handler, today),
            "urgeWithoutDue" or "urgeBeforeDue" => () => c.UrgePerformance(D("2024-06-30"), "书面责令限期履行", Handler, today),
            "urgePerformed" => () => c.UrgePerformance(D("2024-06-30"), "书面责令限期履行", Handler, At(D("2024-06-01"))),
            "enforceRedo" => () => c.ApplyForEnforcement("申请人民法院强制执行", Handler, At(D("2024-05-30"))),
            "performedTwice" => () => c.RecordPerformed(D("2024-05-20"), null, Handler, At(D("2024-05-20"))),
            _ => throw new ArgumentException(action),
        };

        Should.Throw<DomainException>(move).Message.ShouldContain(reason);
        c.Steps.Count.ShouldBe(steps);
        (c.Letters.Count, c.Copies.Count, c.Performance, c.PerformanceDueOn).ShouldBe((letters, copies, performance, due));
    }

    [Fact]
    public void CopyToSuperior_DecisionAndOpinionLetter_RecordedWithSteps()
    {
        var c = Case();
        var letter = c.IssueLetter(Draft(), Handler, At(D("2024-05-06")));
        c.CopyToSuperior(CopiedDocument.Decision, null, "江门市人民政府", D("2024-04-25"), "江司复抄〔2024〕1号", Handler, At(D("2024-05-06"), 10));
        c.CopyToSuperior(CopiedDocument.OpinionLetter, letter, "江门市人民政府", D("2024-05-06"), null, Handler, At(D("2024-05-06"), 11));

        c.Copies.Select(x => (x.Document, x.Letter, x.SentOn, x.Number)).ShouldBe(
            [(CopiedDocument.Decision, null, D("2024-04-25"), "江司复抄〔2024〕1号"), (CopiedDocument.OpinionLetter, letter, D("2024-05-06"), null)]);
        c.Steps.TakeLast(2).Select(s => s.Note).ShouldBe(
            ["2024-04-25将行政复议决定书江司复〔2024〕9号抄告江门市人民政府", "2024-05-06将行政复议意见书江司复意〔2024〕1号抄告江门市人民政府"]);
        Should.Throw<DomainException>(() => c.RemoveLetter(letter, "登记错误", Handler, At(D("2024-05-07")))).Message.ShouldContain("须先删除抄告记录");
        c.RemoveCopy(c.Copies[1], "误录", Handler, At(D("2024-05-07")));
        c.RemoveLetter(letter, "登记错误", Handler, At(D("2024-05-07"), 10));
        c.Letters.ShouldBeEmpty();
        c.Copies.Count.ShouldBe(1);
        c.Steps[^1].Kind.ShouldBe(CaseStepKind.LetterRemoved);
    }

    [Theory]
    [InlineData(ReconsiderationOutcome.Vary, true, true)]
    [InlineData(ReconsiderationOutcome.Revoke, false, false)]
    [InlineData(ReconsiderationOutcome.RevokePartly, false, false)]
    [InlineData(ReconsiderationOutcome.RevokeAndRedo, true, false)]
    [InlineData(ReconsiderationOutcome.RevokePartlyAndRedo, true, false)]
    [InlineData(ReconsiderationOutcome.ConfirmIllegal, false, false)]
    [InlineData(ReconsiderationOutcome.OrderPerformance, true, false)]
    [InlineData(ReconsiderationOutcome.ConfirmVoid, false, false)]
    [InlineData(ReconsiderationOutcome.Uphold, false, false)]
    [InlineData(ReconsiderationOutcome.DismissClaim, false, false)]
    [InlineData(ReconsiderationOutcome.DismissApplication, false, false)]
    [InlineData(ReconsiderationOutcome.MediationStatement, true, true)]
    [InlineData(ReconsiderationOutcome.SettlementWithdrawal, false, false)]
    [InlineData(ReconsiderationOutcome.Withdrawal, false, false)]
    [InlineData(ReconsiderationOutcome.OtherTermination, false, false)]
    public void Close_Outcome_PerformancePendingWhenSomeoneMustAct(ReconsiderationOutcome outcome, bool performance, bool enforceable)
    {
        var c = Case(outcome == ReconsiderationOutcome.SettlementWithdrawal ? null : outcome);
        if (outcome == ReconsiderationOutcome.SettlementWithdrawal)
        {
            c.RecordSettlement(Handler, At(D("2024-04-10")));
            c.Close(outcome, Handler, At(D("2024-04-22")), new CaseDocument("江司复〔2024〕9号", "随便"));
        }

        Outcomes.RequiresPerformance(outcome).ShouldBe(performance);
        Outcomes.MayBeEnforced(outcome).ShouldBe(enforceable);
        c.Performance.ShouldBe(performance ? PerformanceStatus.Pending : null);
        c.DecisionNumber.ShouldBe("江司复〔2024〕9号");
        c.Steps[^1].DocumentTitle.ShouldBe(Outcomes.DocumentTitle(outcome));
    }

    [Theory]
    [InlineData(ReconsiderationOutcome.Uphold, "请填写行政复议决定书文号。")]
    [InlineData(ReconsiderationOutcome.MediationStatement, "请填写行政复议调解书文号。")]
    [InlineData(ReconsiderationOutcome.Withdrawal, "请填写行政复议终止决定书文号。")]
    public void Close_WithoutDocumentNumber_Refused(ReconsiderationOutcome outcome, string reason)
    {
        var c = Case(null);
        c.Mediate(Handler, At(D("2024-04-10")));
        Should.Throw<DomainException>(() => c.Close(outcome, Handler, At(D("2024-04-22")), new CaseDocument(" ", "行政复议决定书"))).Message.ShouldBe(reason);
        Should.Throw<DomainException>(() => c.Close(outcome, Handler, At(D("2024-04-22")))).Message.ShouldBe(reason);
        c.State.ShouldBe(CaseState.Accepted);
        c.DecisionNumber.ShouldBeNull();
    }

    [Fact]
    public void Performance_MediationNotPerformed_UrgedThenEnforcedThenPerformed()
    {
        var c = Case(ReconsiderationOutcome.MediationStatement);
        c.SetPerformanceDue(D("2024-05-22"), Handler, At(D("2024-04-23")), "按调解书约定履行");
        c.PerformanceOverdue(D("2024-05-22")).ShouldBeFalse();
        c.PerformanceOverdue(D("2024-05-23")).ShouldBeTrue();
        c.UrgePerformance(D("2024-06-07"), "书面责令限期履行", Handler, At(D("2024-05-24")), new CaseDocument("江司复责〔2024〕1号", "责令限期履行通知书"));
        c.Performance.ShouldBe(PerformanceStatus.Urged);
        c.PerformanceOverdue(D("2024-06-01")).ShouldBeFalse();
        c.ApplyForEnforcement("申请人逾期不履行，申请人民法院强制执行", Handler, At(D("2024-06-11")));
        c.Performance.ShouldBe(PerformanceStatus.EnforcementApplied);
        c.PerformanceOverdue(D("2024-06-12")).ShouldBeFalse();
        c.RecordPerformed(D("2024-07-01"), "法院执行完毕", Handler, At(D("2024-07-02")));
        c.Performance.ShouldBe(PerformanceStatus.Performed);
        c.PerformedOn.ShouldBe(D("2024-07-01"));
        c.Steps.TakeLast(4).Select(s => s.Kind).ShouldBe([CaseStepKind.PerformanceDueSet, CaseStepKind.PerformanceUrged, CaseStepKind.EnforcementApplied, CaseStepKind.Performed]);
        c.Steps[^3].Note.ShouldBe("责令于2024-06-07前履行：书面责令限期履行（《行政复议法》第七十七条）");
    }
}
