using Jixiao.Domain;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

public class ReconsiderationStatisticsTests
{
    private static readonly DateOnly From = D("2023-01-01");
    private static readonly DateOnly To = D("2023-12-31");

    /// <summary>
    /// The city-level seed figures (seed-figures.md): 190 received; 25 不予受理, 16 告知, 8 另行处理, 1 转送,
    /// 5 逾期未补正 → 135 accepted; 47 settled, mediated or withdrawn; 34 by settlement or mediation.
    /// Closed: 撤销 1, 驳回 2, 维持 84, 确认违法 4, 调解 30, 和解撤回 4, 撤回 7 of this year's, plus 6
    /// withdrawals of cases received in 2022 (138 closed; 3 of this year's still open); 2 closed late; 29 online.
    /// </summary>
    private static List<CaseFacts> SeedCases()
    {
        var cases = new List<CaseFacts>();
        var day = D("2023-01-03");
        void Add(int count, PreAcceptanceEnding? ending = null, ReconsiderationOutcome? outcome = null, bool onTime = true, DateOnly? received = null)
        {
            for (var i = 0; i < count; i++)
            {
                var channel = cases.Count(c => c.ReceivedOn.Year == 2023 && c.Channel == ApplicationChannel.Online) < 29 && received is null
                    ? ApplicationChannel.Online
                    : ApplicationChannel.InPerson;
                var matter = cases.Count % 3 == 0 ? MatterCategory.InformationDisclosure : MatterCategory.AdministrativePenalty;
                cases.Add(new CaseFacts(received ?? day, matter, channel, ending, outcome is null ? null : D("2023-12-20"), outcome, onTime, EnterpriseRelated: cases.Count % 10 == 0));
            }
        }

        Add(25, PreAcceptanceEnding.Refused);
        Add(16, PreAcceptanceEnding.Informed);
        Add(8, PreAcceptanceEnding.HandledOtherwise);
        Add(1, PreAcceptanceEnding.Transferred);
        Add(5, PreAcceptanceEnding.SupplementOverdue);
        Add(1, outcome: ReconsiderationOutcome.Revoke);
        Add(2, outcome: ReconsiderationOutcome.DismissClaim);
        Add(82, outcome: ReconsiderationOutcome.Uphold);
        Add(2, outcome: ReconsiderationOutcome.Uphold, onTime: false);
        Add(4, outcome: ReconsiderationOutcome.ConfirmIllegal);
        Add(30, outcome: ReconsiderationOutcome.MediationStatement);
        Add(4, outcome: ReconsiderationOutcome.SettlementWithdrawal);
        Add(7, outcome: ReconsiderationOutcome.Withdrawal);
        Add(3);
        Add(6, outcome: ReconsiderationOutcome.Withdrawal, received: D("2022-12-15"));
        return cases;
    }

    [Fact]
    public void Compute_SeedYear_GivesTheReportedFigures()
    {
        var s = ReconsiderationStatistics.Compute(SeedCases(), From, To);
        s.Received.ShouldBe(190);
        s.EndedBeforeAcceptance.Sum(e => e.Count).ShouldBe(55);
        s.EndedBeforeAcceptance.Single(e => e.Key == PreAcceptanceEnding.Refused).Count.ShouldBe(25);
        s.Accepted.ShouldBe(135);
        s.Closed.ShouldBe(138);
        s.SettledMediatedOrWithdrawn.ShouldBe(47);
        s.SettledOrMediated.ShouldBe(34);
        s.SettlementWithdrawalRate.ShouldBe(34.81m);
        s.DirectMediationRate.ShouldBe(25.19m);
        s.Corrected.ShouldBe(5);
        s.CorrectionRate.ShouldBe(3.62m);    // 5 / 138 = 3.623
        s.OnTimeRate.ShouldBe(98.55m);       // 136 / 138 = 98.551
        s.ByChannel.Single(c => c.Key == ApplicationChannel.Online).ShouldBe(new Share<ApplicationChannel>(ApplicationChannel.Online, 29, 15.26m));
        s.ByMatter.Sum(m => m.Count).ShouldBe(190);
        s.ByMatter.Single(m => m.Key == MatterCategory.Licensing).Count.ShouldBe(0);
        s.ClosedByGroup.Single(g => g.Key == OutcomeGroup.Upheld).Count.ShouldBe(84);
        s.ClosedByGroup.Single(g => g.Key == OutcomeGroup.Withdrawn).Count.ShouldBe(13);
        s.EnterpriseRelated.ShouldBe(19);
    }

    [Fact]
    public void Compute_GroupedFacts_GiveTheSameFiguresAsTheSingleCases()
    {
        // The statistics pages group the register in the database: identical facts once, with how many cases share them.
        var cases = SeedCases();
        var grouped = cases.GroupBy(c => c).Select(g => (g.Key, g.Count())).ToList();
        grouped.Count.ShouldBeLessThan(cases.Count);

        ReconsiderationStatistics.ComputeGrouped(grouped, From, To).ShouldBeEquivalentTo(ReconsiderationStatistics.Compute(cases, From, To));
        var march = (From: D("2023-03-01"), To: D("2023-03-31"));
        ReconsiderationStatistics.ComputeGrouped(grouped, march.From, march.To).ShouldBeEquivalentTo(ReconsiderationStatistics.Compute(cases, march.From, march.To));
        ReconsiderationStatistics.ComputeGrouped([(cases[0], 0)], From, To).Received.ShouldBe(0);
    }

    [Fact]
    public void Compute_NothingInPeriod_RatesAreNull()
    {
        var s = ReconsiderationStatistics.Compute(SeedCases(), D("2024-01-01"), D("2024-12-31"));
        s.Received.ShouldBe(0);
        s.SettlementWithdrawalRate.ShouldBeNull();
        s.CorrectionRate.ShouldBeNull();
    }

    [Fact]
    public void Compute_PeriodReversed_Refused() =>
        Should.Throw<DomainException>(() => ReconsiderationStatistics.Compute([], To, From));

    [Theory]
    [InlineData(47, 135, "34.81")]
    [InlineData(34, 135, "25.19")]
    [InlineData(1, 800, "0.13")]   // 0.125 rounds half-up, not to even
    [InlineData(1, 20000, "0.01")] // 0.005
    [InlineData(3, 3, "100")]
    [InlineData(0, 7, "0")]
    public void Of_PartAndWhole_PercentRoundedHalfUp(int part, int whole, string expected) =>
        Percent.Of(part, whole).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(ReconsiderationOutcome.Revoke, OutcomeGroup.Corrected, true, false)]
    [InlineData(ReconsiderationOutcome.RevokePartlyAndRedo, OutcomeGroup.Corrected, true, false)]
    [InlineData(ReconsiderationOutcome.Vary, OutcomeGroup.Corrected, true, false)]
    [InlineData(ReconsiderationOutcome.ConfirmIllegal, OutcomeGroup.Corrected, true, false)]
    [InlineData(ReconsiderationOutcome.OrderPerformance, OutcomeGroup.Corrected, true, false)]
    [InlineData(ReconsiderationOutcome.ConfirmVoid, OutcomeGroup.ConfirmedVoid, false, false)]
    [InlineData(ReconsiderationOutcome.Uphold, OutcomeGroup.Upheld, false, false)]
    [InlineData(ReconsiderationOutcome.DismissApplication, OutcomeGroup.Dismissed, false, false)]
    [InlineData(ReconsiderationOutcome.MediationStatement, OutcomeGroup.MediatedOrSettled, false, true)]
    [InlineData(ReconsiderationOutcome.SettlementWithdrawal, OutcomeGroup.MediatedOrSettled, false, true)]
    [InlineData(ReconsiderationOutcome.Withdrawal, OutcomeGroup.Withdrawn, false, true)]
    [InlineData(ReconsiderationOutcome.OtherTermination, OutcomeGroup.Terminated, false, false)]
    public void Group_Outcome_CountedAsTheRulesSay(ReconsiderationOutcome outcome, OutcomeGroup group, bool correction, bool settledOrWithdrawn)
    {
        Outcomes.Group(outcome).ShouldBe(group);
        Outcomes.IsCorrection(outcome).ShouldBe(correction);
        Outcomes.IsSettledMediatedOrWithdrawn(outcome).ShouldBe(settledOrWithdrawn);
    }

    [Theory]
    [InlineData(ReconsiderationOutcome.Vary, "《行政复议法》第六十三条")]
    [InlineData(ReconsiderationOutcome.RevokeAndRedo, "《行政复议法》第六十四条")]
    [InlineData(ReconsiderationOutcome.DismissApplication, "《行政复议法》第三十三条")]
    [InlineData(ReconsiderationOutcome.SettlementWithdrawal, "《行政复议法》第七十四条")]
    [InlineData(ReconsiderationOutcome.OtherTermination, "《行政复议法》第四十一条")]
    public void Citation_Outcome_NamesItsArticle(ReconsiderationOutcome outcome, string citation) =>
        Outcomes.Citation(outcome).ShouldBe(citation);

    [Fact]
    public void Name_EveryMatterCategory_HasChineseName() =>
        Enum.GetValues<MatterCategory>().Select(CaseTermNames.Name).ShouldBe(
            ["行政处罚", "举报投诉处理", "政府信息公开", "行政征收", "行政确认", "行政强制", "行政不作为", "行政确权", "行政许可", "其他"]);
}
