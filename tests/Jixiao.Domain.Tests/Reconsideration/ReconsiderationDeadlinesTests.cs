using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

public class ReconsiderationDeadlinesTests
{
    private static Deadline Step(ReconsiderationFacts facts, ReconsiderationStep step, string today) =>
        ReconsiderationDeadlines.Compute(facts, D(today), China).Single(s => s.Step == step).Deadline;

    [Theory]
    // 2023 Spring Festival, old law: 1-20, 1-28 and 1-29 (调休), 1-30, 1-31.
    [InlineData("2023-01-19", "2023-01-20", "2023-01-31", DeadlineStatus.Ok, 4)]
    [InlineData("2023-01-19", "2023-01-28", "2023-01-31", DeadlineStatus.Warning, 3)]
    [InlineData("2023-01-19", "2023-01-31", "2023-01-31", DeadlineStatus.Warning, 0)]
    [InlineData("2023-01-19", "2023-02-02", "2023-01-31", DeadlineStatus.Overdue, -2)]
    // 2024 Spring Festival, new law: 2-08, 2-09, 2-18 (调休), 2-19, 2-20.
    [InlineData("2024-02-07", "2024-02-08", "2024-02-20", DeadlineStatus.Ok, 4)]
    // 2024-02-02 + 5: 2-04 (调休 Sunday), 2-05, 2-06, 2-07, 2-08.
    [InlineData("2024-02-02", "2024-02-02", "2024-02-08", DeadlineStatus.Ok, 5)]
    public void Compute_AcceptanceReviewAcrossSpringFestival_CountsWorkingDays(string received, string today, string due, DeadlineStatus status, int daysLeft)
    {
        var review = Step(new ReconsiderationFacts(D(received)), ReconsiderationStep.AcceptanceReview, today);
        review.Due.ShouldBe(D(due));
        review.Status.ShouldBe(status);
        review.DaysLeft.ShouldBe(daysLeft);
    }

    [Theory]
    [InlineData("2023-01-19", "自2023-01-19收到申请之日起5个工作日，至2023-01-31届满（《行政复议法》（2017年修正）第十七条）")]
    [InlineData("2024-02-07", "自2024-02-07收到申请之日起5个工作日，至2024-02-20届满（《行政复议法》第三十条）")]
    public void Compute_AcceptanceReview_ExplainsItselfUnderItsLawVersion(string received, string explanation) =>
        Step(new ReconsiderationFacts(D(received)), ReconsiderationStep.AcceptanceReview, received).Explanation.ShouldBe(explanation);

    [Theory]
    // 60 days ending on 2024-10-01 (National Day) moves to 2024-10-08.
    [InlineData("2024-08-02", "2024-10-08", "自2024-08-02受理之日起60日，至2024-10-08届满（2024-10-01为节假日或休息日，顺延至其后第一个工作日）（《行政复议法》第六十二条）")]
    // 60 days ending on 2024-04-30, a working day.
    [InlineData("2024-03-01", "2024-04-30", "自2024-03-01受理之日起60日，至2024-04-30届满（《行政复议法》第六十二条）")]
    // Old law: 60 days from 2023-08-01 end on 2023-09-30, inside the National Day holiday → 2023-10-07 (调休 Saturday).
    [InlineData("2023-08-01", "2023-10-07", "自2023-08-01受理之日起60日，至2023-10-07届满（2023-09-30为节假日或休息日，顺延至其后第一个工作日）（《行政复议法》（2017年修正）第三十一条）")]
    public void Compute_OrdinaryDecision_SixtyDaysRolledToWorkingDay(string accepted, string due, string explanation)
    {
        var facts = new ReconsiderationFacts(D(accepted).AddDays(-2)) { AcceptedOn = D(accepted) };
        var decision = Step(facts, ReconsiderationStep.Decision, accepted);
        decision.Due.ShouldBe(D(due));
        decision.Explanation.ShouldBe(explanation);
        decision.Period.ShouldBe(Period.Days(60));
    }

    [Theory]
    [InlineData("2023-03-01", "2023-06-12", "自2023-03-01受理之日起60日，中止12日、延期30日，至2023-06-12届满（2023-06-11为节假日或休息日，顺延至其后第一个工作日）（《行政复议法》（2017年修正）第三十一条）")]
    [InlineData("2024-03-01", "2024-06-11", "自2024-03-01受理之日起60日，中止12日、延期30日，至2024-06-11届满（《行政复议法》第六十二条）")]
    public void Compute_DecisionWithSuspensionAndExtension_AddsPausedAndExtendedDays(string accepted, string due, string explanation)
    {
        var start = D(accepted);
        var facts = new ReconsiderationFacts(start.AddDays(-1))
        {
            AcceptedOn = start,
            Suspensions = [new SuspensionPeriod(new DateOnly(start.Year, 4, 1), new DateOnly(start.Year, 4, 13), SuspensionGround.MediationOrSettlement)],
            ExtensionDays = 30,
        };
        var decision = Step(facts, ReconsiderationStep.Decision, accepted);
        decision.Due.ShouldBe(D(due));
        decision.PausedDays.ShouldBe(12);
        decision.ExtensionDays.ShouldBe(30);
        decision.Explanation.ShouldBe(explanation);
    }

    [Theory]
    [InlineData("2024-04-25", DeadlineStatus.Ok, 5)]
    [InlineData("2024-04-26", DeadlineStatus.Warning, 4)] // working days left: 4-28 (调休), 4-29, 4-30
    [InlineData("2024-04-30", DeadlineStatus.Warning, 0)]
    [InlineData("2024-05-06", DeadlineStatus.Overdue, -6)]
    public void Compute_DecisionStatus_WarnsWithinThreeWorkingDaysAndFlagsOverdue(string today, DeadlineStatus status, int calendarDaysLeft)
    {
        var facts = new ReconsiderationFacts(D("2024-02-28")) { AcceptedOn = D("2024-03-01") };
        var decision = Step(facts, ReconsiderationStep.Decision, today);
        decision.Status.ShouldBe(status);
        decision.DaysLeft.ShouldBe(calendarDaysLeft);
    }

    [Theory]
    [InlineData("2024-04-30", DeadlineStatus.Done)]
    [InlineData("2024-05-06", DeadlineStatus.DoneLate)]
    public void Compute_ClosedCase_DoneOnTimeOrLate(string closed, DeadlineStatus status)
    {
        var facts = new ReconsiderationFacts(D("2024-02-28")) { AcceptedOn = D("2024-03-01"), ClosedOn = D(closed) };
        Step(facts, ReconsiderationStep.Decision, "2024-06-01").Status.ShouldBe(status);
    }

    [Theory]
    [InlineData(Procedure.Ordinary, null, ReconsiderationStep.CopyToRespondent, null, "2024-04-11")]     // 4-02, 4-03, 4-07 (调休), 4-08 … 4-11
    [InlineData(Procedure.Summary, null, ReconsiderationStep.CopyToRespondent, null, "2024-04-07")]      // 4-02, 4-03, 4-07
    [InlineData(Procedure.Ordinary, null, ReconsiderationStep.Answer, "2024-04-11", "2024-04-25")]       // 10 working days
    [InlineData(Procedure.Summary, null, ReconsiderationStep.Answer, "2024-04-07", "2024-04-12")]        // 5 working days
    [InlineData(Procedure.Summary, null, ReconsiderationStep.Decision, null, "2024-05-06")]              // 30 days: 5-01 → after May Day
    [InlineData(Procedure.Ordinary, "2024-04-15", ReconsiderationStep.Decision, null, "2024-05-31")]     // switched: 60 days from acceptance
    [InlineData(Procedure.Ordinary, "2024-04-15", ReconsiderationStep.CopyToRespondent, null, "2024-04-07")]
    [InlineData(Procedure.Ordinary, "2024-04-05", ReconsiderationStep.Answer, "2024-04-07", "2024-04-19")] // switched before the copy: 10 working days
    public void Compute_OrdinaryAndSummaryProcedure_UsesTheProcedureLimits(Procedure procedure, string? switchedOn, ReconsiderationStep step, string? copySent, string due)
    {
        var facts = new ReconsiderationFacts(D("2024-03-29"))
        {
            AcceptedOn = D("2024-04-01"),
            Procedure = procedure,
            SwitchedToOrdinaryOn = switchedOn is null ? null : D(switchedOn),
            CopySentOn = copySent is null ? null : D(copySent),
        };
        Step(facts, step, "2024-04-01").Due.ShouldBe(D(due));
    }

    [Fact]
    public void Compute_OldLawAnswer_TenCalendarDays()
    {
        var facts = new ReconsiderationFacts(D("2023-04-10")) { AcceptedOn = D("2023-04-12"), CopySentOn = D("2023-04-20") };
        var answer = Step(facts, ReconsiderationStep.Answer, "2023-04-20");
        answer.Due.ShouldBe(D("2023-05-04")); // 4-30 falls in the May Day holiday
        answer.Period.ShouldBe(Period.Days(10));
    }

    [Fact]
    public void Compute_SupplementReceived_ReviewRestartsFromSupplement()
    {
        var facts = new ReconsiderationFacts(D("2024-03-04")) { SupplementRequestedOn = D("2024-03-06"), SupplementReceivedOn = D("2024-03-15") };
        var steps = ReconsiderationDeadlines.Compute(facts, D("2024-03-15"), China).ToDictionary(s => s.Step, s => s.Deadline);
        steps[ReconsiderationStep.SupplementNotice].Due.ShouldBe(D("2024-03-11"));
        steps[ReconsiderationStep.SupplementNotice].Status.ShouldBe(DeadlineStatus.Done);
        steps[ReconsiderationStep.SupplementByApplicant].Due.ShouldBe(D("2024-03-20"));
        steps[ReconsiderationStep.SupplementByApplicant].Status.ShouldBe(DeadlineStatus.Done);
        steps[ReconsiderationStep.AcceptanceReview].Due.ShouldBe(D("2024-03-22"));
        steps[ReconsiderationStep.AcceptanceReview].Explanation.ShouldBe("自2024-03-15收到补正材料之日起5个工作日，至2024-03-22届满（《行政复议法》第三十条）");
    }

    [Theory]
    [InlineData("2024-04-01", "2024-04-08", "2024-04-16", DeadlineStatus.Ok)]       // 4-02, 4-03, 4-07 (调休) … 4-16
    [InlineData("2024-04-01", "2024-04-17", "2024-04-16", DeadlineStatus.Overdue)]
    public void Compute_SupplementAwaited_ReviewPausedAndApplicantPeriodRuns(string requested, string today, string applicantDue, DeadlineStatus applicantStatus)
    {
        var facts = new ReconsiderationFacts(D("2024-03-29")) { SupplementRequestedOn = D(requested) };
        var steps = ReconsiderationDeadlines.Compute(facts, D(today), China).ToDictionary(s => s.Step, s => s.Deadline);
        steps[ReconsiderationStep.AcceptanceReview].Status.ShouldBe(DeadlineStatus.Paused);
        steps[ReconsiderationStep.AcceptanceReview].Due.ShouldBeNull();
        steps[ReconsiderationStep.AcceptanceReview].Explanation.ShouldContain($"{requested}起补正，期限暂停计算");
        steps[ReconsiderationStep.SupplementByApplicant].Due.ShouldBe(D(applicantDue));
        steps[ReconsiderationStep.SupplementByApplicant].Status.ShouldBe(applicantStatus);
    }

    [Fact]
    public void Compute_OpenSuspension_DecisionPaused()
    {
        var facts = new ReconsiderationFacts(D("2024-02-28"))
        {
            AcceptedOn = D("2024-03-01"),
            Suspensions = [new SuspensionPeriod(D("2024-03-20"), D("2024-03-25"), SuspensionGround.ForceMajeure), new SuspensionPeriod(D("2024-04-01"), null, SuspensionGround.DependsOnOtherCase)],
        };
        var decision = Step(facts, ReconsiderationStep.Decision, "2024-05-20");
        decision.Status.ShouldBe(DeadlineStatus.Paused);
        decision.Due.ShouldBeNull();
        decision.Explanation.ShouldBe("自2024-03-01受理之日起60日，中止5日，2024-04-01起中止，期限暂停计算（《行政复议法》第六十二条）");
    }

    [Theory]
    [InlineData("2024-09-26", DeadlineStatus.Done)]
    [InlineData("2024-09-29", DeadlineStatus.DoneLate)]
    public void Compute_HearingNotice_FiveWorkingDaysBeforeHearing(string noticeOn, DeadlineStatus status)
    {
        // Hearing 2024-10-10: back 10-09, 10-08, 9-30, 9-29 (调休), 9-27.
        var facts = new ReconsiderationFacts(D("2024-08-28")) { AcceptedOn = D("2024-09-02"), HearingOn = D("2024-10-10"), HearingNoticeOn = D(noticeOn) };
        var notice = Step(facts, ReconsiderationStep.HearingNotice, "2024-09-20");
        notice.Due.ShouldBe(D("2024-09-27"));
        notice.Status.ShouldBe(status);
        notice.Explanation.ShouldBe("于2024-10-10举行听证，应在5个工作日前即不迟于2024-09-27书面通知当事人（《行政复议法》第五十一条）");
    }

    [Fact]
    public void Compute_OpinionLetter_SixtyDaysForFeedback()
    {
        var facts = new ReconsiderationFacts(D("2024-03-01"))
        {
            AcceptedOn = D("2024-03-04"), ClosedOn = D("2024-04-20"), Letters = [new LetterFacts(LetterKind.Opinion, "江司复意〔2024〕1号", D("2024-07-01"), null)],
        };
        var feedback = Step(facts, ReconsiderationStep.OpinionFeedback, "2024-08-20");
        feedback.Due.ShouldBe(D("2024-08-30"));
        feedback.Citation.ShouldBe("《行政复议法》第七十六条");
        feedback.DaysLeft.ShouldBe(10);
        feedback.Name.ShouldBe("意见书整改反馈（江司复意〔2024〕1号）");
    }

    [Theory]
    [InlineData("2024-03-01", Procedure.Ordinary, 31, "延期31日超过法定上限：延长期限最多不超过30日（《行政复议法》第六十二条）。")]
    [InlineData("2024-03-01", Procedure.Summary, 10, "简易程序案件不能延期")]
    [InlineData("2023-03-01", Procedure.Summary, 0, "2024-01-01前收到的申请适用《行政复议法》（2017年修正），没有简易程序。")]
    public void Compute_FactsBreakingTheLaw_Refused(string received, Procedure procedure, int extension, string reason)
    {
        var facts = new ReconsiderationFacts(D(received)) { AcceptedOn = D(received), Procedure = procedure, ExtensionDays = extension };
        Should.Throw<DomainException>(() => ReconsiderationDeadlines.Compute(facts, D(received), China)).Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("2023-12-31", LawVersion.Law2017)]
    [InlineData("2024-01-01", LawVersion.Law2023)]
    public void VersionFor_ReceivedDate_OldLawBefore2024(string received, LawVersion version) =>
        DeadlineRuleSet.VersionFor(D(received)).ShouldBe(version);

    [Fact]
    public void Compute_DeadlineInYearNotInCalendar_Refuses()
    {
        var facts = new ReconsiderationFacts(D("2026-12-20")) { AcceptedOn = D("2026-12-28") };
        Should.Throw<DomainException>(() => ReconsiderationDeadlines.Compute(facts, D("2026-12-28"), China)).Message.ShouldContain("2027年");
    }
}
