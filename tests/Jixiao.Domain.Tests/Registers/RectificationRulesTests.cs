using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Rectification;

namespace Jixiao.Domain.Tests.Registers;

public class RectificationRulesTests
{
    private static readonly DateOnly Found = new(2023, 4, 18);

    [Theory]
    [InlineData(RectificationStatus.Open, RectificationAction.Start, RectificationStatus.InProgress)]
    [InlineData(RectificationStatus.InProgress, RectificationAction.Complete, RectificationStatus.Rectified)]
    [InlineData(RectificationStatus.Rectified, RectificationAction.Verify, RectificationStatus.Verified)]
    [InlineData(RectificationStatus.Rectified, RectificationAction.Reject, RectificationStatus.InProgress)]
    public void Next_AllowedMoves(RectificationStatus from, RectificationAction action, RectificationStatus to) =>
        RectificationRules.Next(from, action).ShouldBe(to);

    [Theory]
    [InlineData(RectificationStatus.Open, RectificationAction.Complete, "尚未开始整改")]
    [InlineData(RectificationStatus.Open, RectificationAction.Verify, "尚未整改完成")]
    [InlineData(RectificationStatus.InProgress, RectificationAction.Verify, "尚未整改完成")]
    [InlineData(RectificationStatus.InProgress, RectificationAction.Reject, "尚未整改完成")]
    [InlineData(RectificationStatus.InProgress, RectificationAction.Start, "已在整改中")]
    [InlineData(RectificationStatus.Rectified, RectificationAction.Start, "已整改完成")]
    [InlineData(RectificationStatus.Rectified, RectificationAction.Complete, "已登记整改完成")]
    [InlineData(RectificationStatus.Verified, RectificationAction.Start, "已验收")]
    [InlineData(RectificationStatus.Verified, RectificationAction.Reject, "已验收")]
    public void Next_RefusesWithReason(RectificationStatus from, RectificationAction action, string reason) =>
        Should.Throw<DomainException>(() => RectificationRules.Next(from, action)).Message.ShouldContain(reason);

    [Theory]
    [InlineData(RectificationStatus.Open, "2023-06-29", true, false)]
    [InlineData(RectificationStatus.InProgress, "2023-06-29", true, false)]
    [InlineData(RectificationStatus.Rectified, "2023-06-29", false, false)]
    [InlineData(RectificationStatus.Open, "2023-06-30", false, true)]
    [InlineData(RectificationStatus.Open, "2023-07-07", false, true)]
    [InlineData(RectificationStatus.Open, "2023-07-08", false, false)]
    [InlineData(RectificationStatus.Verified, "2023-07-01", false, false)]
    public void OverdueAndDueSoon_AsOf30June(RectificationStatus status, string deadline, bool overdue, bool dueSoon)
    {
        var today = new DateOnly(2023, 6, 30);
        RectificationRules.IsOverdue(status, DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), today).ShouldBe(overdue);
        RectificationRules.IsDueSoon(status, DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), today).ShouldBe(dueSoon);
    }

    [Fact]
    public void Count_QualityYear_ThreeFoundThreeRectified()
    {
        var items = new[]
        {
            (new DateOnly(2023, 4, 18), RectificationStatus.Verified),
            (new DateOnly(2023, 6, 9), RectificationStatus.Rectified),
            (new DateOnly(2023, 9, 12), RectificationStatus.Verified),
            (new DateOnly(2022, 12, 30), RectificationStatus.Open),
            (new DateOnly(2024, 1, 2), RectificationStatus.Open),
        };
        RectificationRules.Count(items, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).ShouldBe((3, 3));
        RectificationRules.Count(items, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31)).ShouldBe((5, 3));
    }

    [Fact]
    public void Item_GoesThroughTheMachine_AndChecksItsDates()
    {
        var item = new RectificationItem(1, RectificationSource.QualityReview, Found, new RectificationDetails("笔录未签名", "吴家豪", "jx.case", null, new DateOnly(2023, 6, 30)));
        Should.Throw<DomainException>(() => item.Start(Found)).Message.ShouldContain("整改措施");
        Should.Throw<DomainException>(() => item.Start(Found.AddDays(-1), "复核")).Message.ShouldContain("不能早于发现日期");
        item.Start(Found.AddDays(1), "逐案复核");
        Should.Throw<DomainException>(() => item.Complete(Found.AddDays(5), " ")).Message.ShouldContain("整改情况不能为空");
        item.Complete(Found.AddDays(5), "已补签");
        item.RejectVerification("仍有2件未补签");
        item.Status.ShouldBe(RectificationStatus.InProgress);
        item.RectifiedOn.ShouldBeNull();
        item.Complete(Found.AddDays(9), "全部补签");
        Should.Throw<DomainException>(() => item.Verify(Found.AddDays(8), "谭伟文", null)).Message.ShouldContain("不能早于整改完成日期");
        item.Verify(Found.AddDays(10), "谭伟文", "通过");
        item.Status.ShouldBe(RectificationStatus.Verified);
        Should.Throw<DomainException>(() => item.Update(item.Details with { Problem = "改" })).Message.ShouldContain("已验收");
        Should.Throw<DomainException>(() => new RectificationItem(1, RectificationSource.Other, Found, new RectificationDetails("x", "y", Deadline: Found.AddDays(-1))))
            .Message.ShouldContain("整改期限");
    }

    [Fact]
    public void FindingsOf_OnePerPointOfTheProblems_AndUnmetIndicatorsWithAReason()
    {
        var text = "存在问题及建议：\n1. 培训覆盖面不足，基层执法人员参训率偏低。\n\n（二）资金支出进度偏慢。\n三、部分指标设置不够细化";
        var findings = RectificationRules.FindingsOf(text,
        [
            new IndicatorDeviation(7, "培训人次", Unmet: true, "受场地限制，部分培训改为线上"),
            new IndicatorDeviation(8, "满意度", Unmet: true, null),
            new IndicatorDeviation(9, "覆盖率", Unmet: false, "超额完成"),
        ]);
        findings.Select(f => f.Problem).ShouldBe(
        [
            "培训覆盖面不足，基层执法人员参训率偏低。", "资金支出进度偏慢。", "部分指标设置不够细化", "指标“培训人次”未完成：受场地限制，部分培训改为线上",
        ]);
        findings.Select(f => f.Source).ShouldBe([RectificationSource.EvaluationProblem, RectificationSource.EvaluationProblem, RectificationSource.EvaluationProblem, RectificationSource.EvaluationDeviation]);
        findings[3].IndicatorId.ShouldBe(7);
        RectificationRules.FindingsOf(null, []).ShouldBeEmpty();
    }
}

public class ActivityRulesTests
{
    private static readonly ActivityKind Selection = ActivityKind.BuiltIn.Single(k => k.Code == "selection");
    private static readonly ActivityKind Training = ActivityKind.BuiltIn.Single(k => k.Code == "training");

    [Theory]
    [InlineData("", null, null, "活动名称不能为空")]
    [InlineData("讲座", -1, null, "参加人数")]
    [InlineData("讲座", 10, 5, "只有评选活动有名额")]
    public void Check_NamesTheField(string title, int? participants, int? quota, string problem) =>
        ActivityRules.Check(Training, new ActivityDetails(new DateOnly(2023, 5, 1), title, participants, Quota: quota)).ShouldContain(p => p.Contains(problem));

    [Fact]
    public void Selection_KeepsCandidatesScoresAndAtMostTheQuotaSelected()
    {
        var activity = new Activity(1, Selection, new ActivityDetails(new DateOnly(2023, 11, 8), "十大法治惠民实事项目评选", ReviewPanel: "周国华、林志强", Quota: 2));
        var a = activity.AddCandidate(Selection, "项目甲", "蓬江区司法局", 90m);
        activity.AddCandidate(Selection, "项目乙", null, 85m);
        Should.Throw<DomainException>(() => activity.AddCandidate(Selection, "项目甲", null, 80m)).Message.ShouldContain("已在本次评选中");
        Should.Throw<DomainException>(() => activity.AddCandidate(Selection, "项目丙", null, 101m)).Message.ShouldContain("0 至 100");
        Should.Throw<DomainException>(() => new Activity(1, Training, new ActivityDetails(new DateOnly(2023, 1, 1), "讲座")).AddCandidate(Training, "x", null, null))
            .Message.ShouldContain("不是评选活动");
        activity.Candidates.Count.ShouldBe(2);
        a.Score.ShouldBe(90m);
    }

    [Fact]
    public void ByKind_CountsBuiltInKindsAndTheRestByDateHeld()
    {
        var counts = ActivityStatistics.ByKind(
        [
            (1, "open_day", new DateOnly(2023, 3, 23)), (2, "open_day", new DateOnly(2023, 6, 15)), (3, "consultation", new DateOnly(2023, 12, 31)),
            (4, null, new DateOnly(2023, 7, 1)), (5, "training", new DateOnly(2024, 1, 1)),
        ], new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        counts["open_day"].ShouldBe([1, 2]);
        counts["consultation"].ShouldBe([3]);
        counts[ActivityStatistics.OtherKinds].ShouldBe([4]);
        counts["training"].ShouldBeEmpty();
        counts.Count.ShouldBe(ActivityKind.BuiltIn.Count + 1);
    }
}
