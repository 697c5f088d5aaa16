using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

public class ReconsiderationCaseTests
{
    private static readonly CaseActor Handler = new(7, "李承办");
    private static readonly CaseActor Head = new(2, "王主任");
    private static readonly TimeSpan China8 = TimeSpan.FromHours(8);

    private static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), China8);

    private static ReconsiderationCase NewCase(string received = "2024-03-04") =>
        new(1, "江司复〔2024〕1号", D(received), MatterCategory.AdministrativePenalty, ApplicationChannel.Online, ApplicantKind.Citizen,
            "张某", "某区市场监督管理局", Handler, At(D(received)));

    /// <summary>Runs one action; <paramref name="day"/> is the day it happens.</summary>
    private static void Do(ReconsiderationCase c, string action, DateOnly day)
    {
        var at = At(day);
        var parts = action.Split(':');
        switch (parts[0])
        {
            case "accept": c.Accept(Procedure.Ordinary, Handler, at, new CaseDocument("江司复受〔2024〕1号", "受理通知书")); break;
            case "acceptSummary": c.Accept(Procedure.Summary, Handler, at); break;
            case "supplement": c.RequestSupplement("身份证明、行政处罚决定书", Handler, at, new CaseDocument("江司复补〔2024〕1号", "补正通知书")); break;
            case "receive": c.ReceiveSupplement(Handler, at); break;
            case "lapse": c.LapseSupplement(China, Handler, at); break;
            case "refuse": c.Refuse("超过申请期限", Handler, at, new CaseDocument("江司复不受〔2024〕1号", "不予受理决定书")); break;
            case "inform": c.Inform("向人民法院提起诉讼", Handler, at); break;
            case "transfer": c.Transfer("某县人民政府", Handler, at); break;
            case "otherwise": c.HandleOtherwise("按信访件处理", Handler, at); break;
            case "switch": c.SwitchToOrdinary("案情复杂", Handler, at); break;
            case "copy": c.SendCopyToRespondent(Handler, at); break;
            case "answer": c.RecordAnswer(Handler, at); break;
            case "hearing": c.ScheduleHearing(day.AddDays(10), Handler, at); break;
            case "hold": c.HoldHearing(Handler, at); break;
            case "committee": c.ConsultCommittee(Handler, at); break;
            case "mediate": c.Mediate(Handler, at); break;
            case "settle": c.RecordSettlement(Handler, at); break;
            case "suspend": c.Suspend(SuspensionGround.MediationOrSettlement, Handler, at); break;
            case "resume": c.Resume(Handler, at); break;
            case "extend": c.Extend(parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 30, Head, China, Handler, at, new CaseDocument(null, "延期审理通知书")); break;
            case "close": c.Close(Enum.Parse<ReconsiderationOutcome>(parts[1]), Handler, at, new CaseDocument("江司复〔2024〕1号", "行政复议决定书")); break;
            case "opinion": c.IssueLetter(new LetterDraft(LetterKind.Opinion, "江司复意〔2024〕1号", "某区市场监督管理局", null, day, "处罚程序违法，请纠正"), Handler, at); break;
            case "feedback": c.RecordLetterReply(c.Letters[0], day, null, null, Handler, at); break;
            default: throw new ArgumentException(action);
        }
    }

    /// <summary>Runs a comma-separated path, one action a day from the day after receipt; “+N” skips N days.</summary>
    private static ReconsiderationCase Run(string path, string received = "2024-03-04")
    {
        var c = NewCase(received);
        var day = D(received);
        foreach (var action in path.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (action.StartsWith('+'))
            {
                day = day.AddDays(int.Parse(action[1..], System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            day = day.AddDays(1);
            Do(c, action, day);
        }

        return c;
    }

    [Theory]
    [InlineData("", CaseState.UnderReview)]
    [InlineData("accept", CaseState.Accepted)]
    [InlineData("acceptSummary", CaseState.Accepted)]
    [InlineData("supplement", CaseState.AwaitingSupplement)]
    [InlineData("supplement,receive", CaseState.UnderReview)]
    [InlineData("supplement,receive,accept", CaseState.Accepted)]
    [InlineData("refuse", CaseState.EndedBeforeAcceptance)]
    [InlineData("inform", CaseState.EndedBeforeAcceptance)]
    [InlineData("transfer", CaseState.EndedBeforeAcceptance)]
    [InlineData("otherwise", CaseState.EndedBeforeAcceptance)]
    [InlineData("supplement,refuse", CaseState.EndedBeforeAcceptance)]
    [InlineData("supplement,+20,lapse", CaseState.EndedBeforeAcceptance)]
    [InlineData("acceptSummary,switch", CaseState.Accepted)]
    [InlineData("accept,copy,answer", CaseState.Accepted)]
    [InlineData("accept,hearing,hold,committee", CaseState.Accepted)]
    [InlineData("accept,suspend", CaseState.Suspended)]
    [InlineData("accept,suspend,mediate", CaseState.Suspended)]
    [InlineData("accept,suspend,resume", CaseState.Accepted)]
    [InlineData("accept,suspend,resume,extend", CaseState.Accepted)]
    [InlineData("accept,copy,answer,close:Uphold", CaseState.Closed)]
    [InlineData("accept,close:Vary", CaseState.Closed)]
    [InlineData("accept,close:RevokeAndRedo", CaseState.Closed)]
    [InlineData("accept,close:ConfirmIllegal", CaseState.Closed)]
    [InlineData("accept,close:OrderPerformance", CaseState.Closed)]
    [InlineData("accept,close:ConfirmVoid", CaseState.Closed)]
    [InlineData("accept,close:DismissClaim", CaseState.Closed)]
    [InlineData("accept,close:DismissApplication", CaseState.Closed)]
    [InlineData("accept,close:Withdrawal", CaseState.Closed)]
    [InlineData("accept,mediate,close:MediationStatement", CaseState.Closed)]
    [InlineData("accept,settle,close:SettlementWithdrawal", CaseState.Closed)]
    [InlineData("accept,suspend,settle,close:SettlementWithdrawal", CaseState.Closed)]
    [InlineData("accept,suspend,+60,close:OtherTermination", CaseState.Closed)]
    [InlineData("accept,opinion,close:Revoke,feedback", CaseState.Closed)]
    public void Transition_LegalPath_ReachesState(string path, CaseState state)
    {
        var c = Run(path);
        c.State.ShouldBe(state);
        var actions = path.Split(',', StringSplitOptions.RemoveEmptyEntries).Count(a => !a.StartsWith('+'));
        c.Steps.Count.ShouldBe(1 + actions);
        c.Steps[0].Kind.ShouldBe(CaseStepKind.Received);
        c.Steps.ShouldAllBe(s => s.ActorUserId > 0);
    }

    [Theory]
    [InlineData("accept,suspend", "extend", "案件已中止，须先恢复审理才能延期。")]
    [InlineData("accept,extend", "extend", "审理期限只能延长一次。")]
    [InlineData("accept", "extend:31", "延期31日超过法定上限：延长期限最多不超过30日（《行政复议法》第六十二条）。")]
    [InlineData("accept", "extend:0", "延期天数应大于0。")]
    [InlineData("acceptSummary", "extend:10", "简易程序案件不能延期")]
    [InlineData("accept,+70", "extend", "审理期限已于2024-05-06届满，不能再延期。")]
    [InlineData("", "extend", "案件审查中，不能延期；须处于“审理中”状态。")]
    [InlineData("accept", "refuse", "案件审理中，不能作不予受理处理；只有尚未受理的申请可以。")]
    [InlineData("accept", "accept", "案件审理中，不能受理")]
    [InlineData("refuse", "accept", "案件未受理，不能受理")]
    [InlineData("accept,close:Uphold", "suspend", "案件已审结，不能中止")]
    [InlineData("accept,close:Uphold", "close:Revoke", "案件已审结，不能结案")]
    [InlineData("accept,suspend", "suspend", "案件已中止，不能重复中止。")]
    [InlineData("accept,suspend", "close:Uphold", "案件已中止，须先恢复审理才能作出维持决定。")]
    [InlineData("accept", "resume", "案件审理中，不能恢复审理")]
    [InlineData("supplement,receive", "supplement", "不能再次通知补正")]
    [InlineData("supplement", "lapse", "补正期限至2024-03-19届满，尚未逾期，不能视为放弃申请。")]
    [InlineData("supplement", "accept", "案件待补正，不能受理")]
    [InlineData("", "receive", "案件审查中，不能接收补正材料")]
    [InlineData("accept", "answer", "尚未向被申请人发送申请书副本，不能记录答复。")]
    [InlineData("accept,copy", "copy", "申请书副本已于2024-03-06发送被申请人。")]
    [InlineData("accept", "switch", "本案已适用普通程序，无需转换。")]
    [InlineData("accept", "close:SettlementWithdrawal", "尚未记录和解，不能以和解后撤回终止结案。")]
    [InlineData("accept", "close:MediationStatement", "尚未记录调解，不能以调解书结案。")]
    [InlineData("accept", "hold", "尚未通知听证，不能记录听证。")]
    [InlineData("accept,opinion,feedback", "feedback", "的整改反馈已于2024-03-07登记。")]
    [InlineData("", "opinion", "案件审查中，不能制发行政复议意见书或建议书；只有已受理的案件可以。")]
    [InlineData("accept,opinion", "opinion", "本案已登记文号为江司复意〔2024〕1号的行政复议意见书")]
    [InlineData("", "mediate", "案件审查中，不能调解")]
    [InlineData("accept,suspend", "hearing", "案件已中止，不能通知听证")]
    public void Transition_IllegalMove_RefusedAndNothingChanges(string path, string action, string reason)
    {
        var c = Run(path);
        var state = c.State;
        var steps = c.Steps.Count;
        var extension = c.ExtensionDays;
        var day = c.Steps[^1].At.AddDays(1);
        if (path.Contains("+70", StringComparison.Ordinal))
        {
            day = day.AddDays(70);
        }

        Should.Throw<DomainException>(() => Do(c, action, DateOnly.FromDateTime(day.DateTime))).Message.ShouldContain(reason);
        c.State.ShouldBe(state);
        c.Steps.Count.ShouldBe(steps);
        c.ExtensionDays.ShouldBe(extension);
    }

    [Fact]
    public void Accept_SummaryUnderOldLaw_Refused()
    {
        var c = NewCase("2023-12-28");
        Should.Throw<DomainException>(() => c.Accept(Procedure.Summary, Handler, At(D("2023-12-29"))))
            .Message.ShouldBe("本案2023-12-28收到，适用修正前的《行政复议法》，不能适用简易程序。");
        c.LawVersion.ShouldBe(LawVersion.Law2017);
    }

    [Theory]
    [InlineData(0, "", "须记录办理人。")]
    [InlineData(7, " ", "须记录办理人。")]
    public void Accept_WithoutActor_Refused(int userId, string name, string reason)
    {
        var c = NewCase();
        Should.Throw<DomainException>(() => c.Accept(Procedure.Ordinary, new CaseActor(userId, name), At(D("2024-03-05")))).Message.ShouldBe(reason);
        c.AcceptedOn.ShouldBeNull();
    }

    [Fact]
    public void Accept_TimeBeforePreviousStep_Refused()
    {
        var c = Run("supplement,receive");
        Should.Throw<DomainException>(() => c.Accept(Procedure.Ordinary, Handler, At(D("2024-03-05"))))
            .Message.ShouldContain("早于上一步骤（收到补正材料");
        c.State.ShouldBe(CaseState.UnderReview);
    }

    [Fact]
    public void RequestSupplement_Recorded_StepCarriesDocumentAndItems()
    {
        var c = Run("supplement");
        var step = c.Steps[^1];
        step.Kind.ShouldBe(CaseStepKind.SupplementRequested);
        step.DocumentNumber.ShouldBe("江司复补〔2024〕1号");
        step.DocumentTitle.ShouldBe("补正通知书");
        step.Note.ShouldBe("身份证明、行政处罚决定书");
        step.ActorName.ShouldBe("李承办");
        c.SupplementRequestedOn.ShouldBe(D("2024-03-05"));
    }

    [Fact]
    public void LapseSupplement_AfterApplicantPeriod_EndsAsSupplementOverdue()
    {
        var c = Run("supplement,+20,lapse");
        c.EndedBeforeAcceptanceAs.ShouldBe(PreAcceptanceEnding.SupplementOverdue);
        c.EndedBeforeAcceptanceOn.ShouldBe(D("2024-03-26"));
        c.Steps[^1].Note.ShouldBe("自2024-03-05申请人收到补正通知之日起10个工作日，至2024-03-19届满（《行政复议法》第三十一条）");
    }

    [Fact]
    public void Extend_AfterSuspensionAndResumption_DecisionDueAddsBoth()
    {
        var c = NewCase("2024-02-28");
        c.Accept(Procedure.Ordinary, Handler, At(D("2024-03-01")));
        c.Suspend(SuspensionGround.DependsOnOtherCase, Handler, At(D("2024-04-01")));
        c.Resume(Handler, At(D("2024-04-13")));
        c.Extend(30, Head, China, Handler, At(D("2024-04-20")), new CaseDocument("江司复延〔2024〕3号", "延期审理通知书"));
        var decision = c.Deadlines(China, D("2024-04-20")).Single(s => s.Step == ReconsiderationStep.Decision).Deadline;
        decision.Due.ShouldBe(D("2024-06-11"));
        decision.Explanation.ShouldBe("自2024-03-01受理之日起60日，中止12日、延期30日，至2024-06-11届满（《行政复议法》第六十二条）");
        c.ExtensionApprovedBy.ShouldBe("王主任");
        c.Steps[^1].Note.ShouldBe("延期30日，经王主任批准");
        c.Suspensions.Single().To.ShouldBe(D("2024-04-13"));
        c.Steps.Single(s => s.Kind == CaseStepKind.Suspended).Note.ShouldBe("需以其他尚未审结案件的结果为依据（《行政复议法》第三十九条第一款第八项）");
    }

    [Fact]
    public void Deadlines_ReceivedBeforeSpringFestival_AcceptanceAfterHoliday()
    {
        var c = NewCase("2023-01-19");
        var review = c.Deadlines(China, D("2023-01-20")).Single(s => s.Step == ReconsiderationStep.AcceptanceReview).Deadline;
        review.Due.ShouldBe(D("2023-01-31"));
        c.Accept(Procedure.Ordinary, Handler, At(D("2023-01-30")));
        c.Deadlines(China, D("2023-02-10")).Single(s => s.Step == ReconsiderationStep.AcceptanceReview).Deadline.Status.ShouldBe(DeadlineStatus.Done);
    }

    [Fact]
    public void Close_WhileSuspendedByTermination_EndsTheSuspension()
    {
        var c = Run("accept,suspend,+60,close:OtherTermination");
        c.Suspensions.Single().To.ShouldBe(c.ClosedOn);
        c.Outcome.ShouldBe(ReconsiderationOutcome.OtherTermination);
        c.Steps[^1].Note.ShouldBe("其他终止");
    }
}
