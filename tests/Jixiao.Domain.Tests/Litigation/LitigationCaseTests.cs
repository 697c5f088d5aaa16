using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Litigation;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Litigation;

public class LitigationCaseTests
{
    private static LitigationCase Case(LitigationInstance instance = LitigationInstance.First) =>
        new(1, "江门市江海区人民法院", "（2024）粤0704行初1号", instance, "张三", "江门市市场监督管理局", false, D("2024-03-01"), D("2024-03-04"));

    [Fact]
    public void Lifecycle_DefenceHearingJudgmentAppeal_StatesAndCarriedOver()
    {
        var c = Case();
        c.State.ShouldBe(LitigationState.Pending);
        c.SubmitDefence(D("2024-03-15"));
        c.RecordHearing(D("2024-04-10"), null, LitigationInstance.First, true, "李伟（副局长）", null).Court.ShouldBe("江门市江海区人民法院");
        c.RecordJudgment(FirstInstanceOutcome.Revoke, D("2025-01-10"), null, D("2025-01-13"));
        c.State.ShouldBe(LitigationState.Concluded);
        c.CarriedOver.ShouldBeTrue();
        c.RecordAppeal(D("2025-01-20"), "江门市市场监督管理局");
        c.State.ShouldBe(LitigationState.Appealed);
        c.RecordHearing(D("2025-03-01"), "江门市中级人民法院", LitigationInstance.Second, false, null, "陈明（法规科科长）").HeadAppeared.ShouldBeFalse();
        c.RecordSecondInstance(SecondInstanceOutcome.Uphold, D("2025-04-01"));
        c.State.ShouldBe(LitigationState.AppealConcluded);
        c.IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData("hearing-before-filing", "开庭日期2024-02-01早于立案日期2024-03-01。")]
    [InlineData("absent-head-no-stand-in", "负责人未出庭的，应填写出庭人员（姓名及职务）。")]
    [InlineData("second-hearing-without-appeal", "本案尚未上诉，不能登记二审庭审。")]
    [InlineData("appeal-before-judgment", "一审尚未结案，不能登记上诉。")]
    [InlineData("judgment-before-filing", "结案日期2024-02-01早于立案日期2024-03-01。")]
    [InlineData("defence-before-complaint", "提交答辩状日期2024-03-02早于收到起诉状副本日期2024-03-04。")]
    [InlineData("second-instance-when-first", "本案不在二审审理中。")]
    public void Moves_OutOfOrder_RefusedWithReason(string move, string reason)
    {
        var c = Case();
        Action act = move switch
        {
            "hearing-before-filing" => () => c.RecordHearing(D("2024-02-01"), null, LitigationInstance.First, true, null, null),
            "absent-head-no-stand-in" => () => c.RecordHearing(D("2024-04-01"), null, LitigationInstance.First, false, null, " "),
            "second-hearing-without-appeal" => () => c.RecordHearing(D("2024-04-01"), null, LitigationInstance.Second, true, null, null),
            "appeal-before-judgment" => () => c.RecordAppeal(D("2024-04-01"), "张三"),
            "judgment-before-filing" => () => c.RecordJudgment(FirstInstanceOutcome.DismissClaim, D("2024-02-01"), null, null),
            "defence-before-complaint" => () => c.SubmitDefence(D("2024-03-02")),
            _ => () => c.RecordSecondInstance(SecondInstanceOutcome.Uphold, D("2024-06-01")),
        };
        Should.Throw<DomainException>(act).Message.ShouldBe(reason);
    }

    [Fact]
    public void Appeal_MediatedCase_Refused()
    {
        var c = Case();
        c.RecordJudgment(FirstInstanceOutcome.Mediation, D("2024-05-01"), null, null);
        Should.Throw<DomainException>(() => c.RecordAppeal(D("2024-05-05"), "张三")).Message.ShouldBe("调解结案的案件不能上诉。");
    }

    [Fact]
    public void SecondInstanceCase_JudgmentRefused_SecondInstanceRecorded()
    {
        var c = Case(LitigationInstance.Second);
        c.State.ShouldBe(LitigationState.Appealed);
        Should.Throw<DomainException>(() => c.RecordJudgment(FirstInstanceOutcome.DismissClaim, D("2024-05-01"), null, null)).Message.ShouldBe("二审案件应登记二审结果。");
        c.RecordSecondInstance(SecondInstanceOutcome.Remand, D("2024-05-01"));
        c.AppealOutcome.ShouldBe(SecondInstanceOutcome.Remand);
    }

    [Theory]
    // Complaint received 2024-03-04: defence due 15 days later, 2024-03-19 (a Tuesday).
    [InlineData("2024-03-12", DeadlineStatus.Ok)]
    [InlineData("2024-03-15", DeadlineStatus.Warning)]
    [InlineData("2024-03-20", DeadlineStatus.Overdue)]
    public void DefenceDeadline_YellowWithinThreeWorkingDays_RedWhenOverdue(string today, DeadlineStatus status)
    {
        var d = Case().DefenceDeadline(D(today), China);
        d.Due.ShouldBe(D("2024-03-19"));
        d.Status.ShouldBe(status);
    }

    [Fact]
    public void AvailableDeadlines_StepBeyondCalendar_OthersStillCounted()
    {
        var c = new LitigationCase(1, "江门市江海区人民法院", "（2026）粤0704行初1号", LitigationInstance.First, "张三", "江门市市场监督管理局", false, D("2026-11-02"), D("2026-11-04"));
        var (deadlines, problems) = c.AvailableDeadlines(D("2026-11-10"), China);
        deadlines.Select(d => d.Step).ShouldBe([LitigationStep.Defence]);
        problems.Single().ShouldStartWith("一审审理期限：");
    }
}
