using Jixiao.Domain;
using Jixiao.Domain.Litigation;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Litigation;

public class LitigationTests
{
    /// <summary>City-wide first instance in the seed year: 897 concluded.</summary>
    private static IEnumerable<FirstInstanceOutcome> SeedConcluded() =>
        Enumerable.Repeat(FirstInstanceOutcome.DismissClaim, 522)
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.RulingAllowWithdrawal, 200))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.RulingDismissSuit, 54))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.Revoke, 60))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.ConfirmIllegal, 40))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.ConfirmVoid, 3))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.Vary, 2))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.OrderPerformance, 7))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.Mediation, 4))
            .Concat(Enumerable.Repeat(FirstInstanceOutcome.DismissCompensation, 5));

    [Theory]
    [InlineData(FirstInstanceGroup.ClaimDismissed, 522, "58.19")]
    [InlineData(FirstInstanceGroup.Ruling, 254, "28.32")]
    [InlineData(FirstInstanceGroup.AgencyChanged, 112, "12.49")]
    [InlineData(FirstInstanceGroup.Mediated, 4, "0.45")]
    [InlineData(FirstInstanceGroup.CompensationDismissed, 5, "0.56")]
    [InlineData(FirstInstanceGroup.Other, 0, "0")]
    public void Compute_SeedFirstInstance_SharesOfConcluded(FirstInstanceGroup group, int count, string percent)
    {
        var s = FirstInstanceStatistics.Compute(SeedConcluded());
        s.Concluded.ShouldBe(897);
        s[group].Count.ShouldBe(count);
        s[group].Percent.ShouldBe(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rate_SeedHearings_HeadAppearanceRate()
    {
        HeadAppearance.Rate(1169, 1161).ShouldBe(99.32m);
        var hearings = Enumerable.Range(0, 1169).Select(i => new HearingFacts(i < 1000 ? 1 : 2, i >= 8));
        HeadAppearance.Rate(hearings).ShouldBe(99.32m);
    }

    [Theory]
    [InlineData(10, 11, "负责人出庭次数11大于庭审次数10。")]
    public void Rate_MoreAttendedThanHearings_Refused(int hearings, int attended, string reason) =>
        Should.Throw<DomainException>(() => HeadAppearance.Rate(hearings, attended)).Message.ShouldBe(reason);

    [Fact]
    public void Rate_ThirdInstance_Refused() =>
        Should.Throw<DomainException>(() => HeadAppearance.Rate([new HearingFacts(3, true)]));

    [Theory]
    [InlineData(FirstInstanceOutcome.DismissClaim, FirstInstanceGroup.ClaimDismissed, false)]
    [InlineData(FirstInstanceOutcome.Revoke, FirstInstanceGroup.AgencyChanged, true)]
    [InlineData(FirstInstanceOutcome.OrderPerformance, FirstInstanceGroup.AgencyChanged, true)]
    [InlineData(FirstInstanceOutcome.ConfirmIllegal, FirstInstanceGroup.AgencyChanged, true)]
    [InlineData(FirstInstanceOutcome.ConfirmVoid, FirstInstanceGroup.AgencyChanged, true)]
    [InlineData(FirstInstanceOutcome.Vary, FirstInstanceGroup.AgencyChanged, true)]
    [InlineData(FirstInstanceOutcome.OrderPayment, FirstInstanceGroup.Other, false)]
    [InlineData(FirstInstanceOutcome.AdministrativeAgreement, FirstInstanceGroup.Other, false)]
    [InlineData(FirstInstanceOutcome.RulingDismissSuit, FirstInstanceGroup.Ruling, false)]
    [InlineData(FirstInstanceOutcome.RulingAllowWithdrawal, FirstInstanceGroup.Ruling, false)]
    [InlineData(FirstInstanceOutcome.Mediation, FirstInstanceGroup.Mediated, false)]
    [InlineData(FirstInstanceOutcome.DismissCompensation, FirstInstanceGroup.CompensationDismissed, false)]
    public void Group_FirstInstanceOutcome_AgencyChangedAsDefined(FirstInstanceOutcome outcome, FirstInstanceGroup group, bool changed)
    {
        LitigationOutcomes.Group(outcome).ShouldBe(group);
        LitigationOutcomes.IsAgencyChanged(outcome).ShouldBe(changed);
    }

    [Theory]
    // Defence: 15 days from 2024-09-20 end on 2024-10-05 (National Day) → 2024-10-08.
    [InlineData(LitigationStep.Defence, "2024-10-08", "自2024-09-20收到起诉状副本之日起15日，至2024-10-08届满（2024-10-05为节假日或休息日，顺延至其后第一个工作日）（《行政诉讼法》第六十七条）")]
    // First instance: 6 months from 2024-03-15 end on 2024-09-15 (Mid-Autumn) → 2024-09-18.
    [InlineData(LitigationStep.FirstInstance, "2024-09-18", "自2024-03-15立案之日起6个月，至2024-09-18届满（2024-09-15为节假日或休息日，顺延至其后第一个工作日）（《行政诉讼法》第八十一条）")]
    // Appeal of a judgment: 15 days from 2024-01-26 end on 2024-02-10 (Spring Festival) → 2024-02-18, a 调休 Sunday.
    [InlineData(LitigationStep.Appeal, "2024-02-18", "自2024-01-26判决书送达之日起15日，至2024-02-18届满（2024-02-10为节假日或休息日，顺延至其后第一个工作日）（《行政诉讼法》第八十五条）")]
    // Second instance: 3 months from 2024-07-01 end on 2024-10-01 → 2024-10-08.
    [InlineData(LitigationStep.SecondInstance, "2024-10-08", "自2024-07-01收到上诉状之日起3个月，至2024-10-08届满（2024-10-01为节假日或休息日，顺延至其后第一个工作日）（《行政诉讼法》第八十八条）")]
    public void Compute_LitigationSteps_CalendarPeriodsRolledPastHolidays(LitigationStep step, string due, string explanation)
    {
        var facts = new LitigationFacts
        {
            ComplaintReceivedOn = D("2024-09-20"),
            FiledOn = D("2024-03-15"),
            FirstInstanceServedOn = D("2024-01-26"),
            AppealReceivedOn = D("2024-07-01"),
        };
        var deadline = LitigationDeadlines.Compute(facts, D("2024-01-26"), China).Single(s => s.Step == step).Deadline;
        deadline.Due.ShouldBe(D(due));
        deadline.Explanation.ShouldBe(explanation);
    }

    [Theory]
    [InlineData(true, false, LitigationStep.FirstInstance, "2024-04-15")]  // summary: 45 days from 2024-03-01
    [InlineData(false, true, LitigationStep.Appeal, "2024-05-06")]        // ruling: 10 days from 2024-04-24 → 5-04 in May Day
    public void Compute_SummaryOrRuling_ShorterPeriods(bool summary, bool ruling, LitigationStep step, string due)
    {
        var facts = new LitigationFacts { FiledOn = D("2024-03-01"), SummaryProcedure = summary, FirstInstanceServedOn = D("2024-04-24"), ServedIsRuling = ruling };
        LitigationDeadlines.Compute(facts, D("2024-03-01"), China).Single(s => s.Step == step).Deadline.Due.ShouldBe(D(due));
    }

    [Theory]
    [InlineData("2024-10-02", null, Jixiao.Domain.Calendar.DeadlineStatus.Warning)]
    [InlineData("2024-10-09", null, Jixiao.Domain.Calendar.DeadlineStatus.Overdue)]
    [InlineData("2024-10-09", "2024-10-08", Jixiao.Domain.Calendar.DeadlineStatus.Done)]
    public void Compute_Defence_StatusAsOfToday(string today, string? submitted, Jixiao.Domain.Calendar.DeadlineStatus status)
    {
        var facts = new LitigationFacts { ComplaintReceivedOn = D("2024-09-20"), DefenceSubmittedOn = submitted is null ? null : D(submitted) };
        LitigationDeadlines.Compute(facts, D(today), China).Single().Deadline.Status.ShouldBe(status);
    }
}
