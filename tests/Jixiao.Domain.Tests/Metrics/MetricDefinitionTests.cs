using Jixiao.Domain;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Tests.Metrics;

public sealed class MetricDefinitionTests
{
    private static MetricDefinition Count(string key) => new(key, "新收", Area.Reconsideration, MetricUnit.Count, "收到的申请", "行政复议案件");

    [Theory]
    [InlineData("reconsideration.received")]
    [InlineData("reconsideration.ended.supplement_overdue")]
    [InlineData("litigation.head_appearance_rate")]
    public void Validated_AcceptsDottedLowerCaseKeys(string key) => Count(key).Validated().Key.ShouldBe(key);

    [Theory]
    [InlineData("received")]
    [InlineData("Reconsideration.Received")]
    [InlineData("reconsideration..received")]
    [InlineData("reconsideration.调撤率")]
    [InlineData("reconsideration.received ")]
    public void Validated_RefusesOtherKeys(string key) =>
        Should.Throw<DomainException>(() => Count(key).Validated()).Message.ShouldContain("格式不正确");

    [Fact]
    public void Validated_RefusesAPercentWithoutNumeratorAndDenominator() =>
        Should.Throw<DomainException>(() => new MetricDefinition("a.rate", "调撤率", Area.Reconsideration, MetricUnit.Percent, "调撤÷受理", "案件").Validated())
            .Message.ShouldContain("分子和分母");

    [Fact]
    public void Rate_IsNumeratorOverDenominatorRoundedHalfUp_WithTheNumeratorsRecords()
    {
        var settled = MetricValue.Count(Count("r.settled"), [3, 1, 2, 2]);
        var accepted = MetricValue.Count(Count("r.accepted"), Enumerable.Range(1, 135));
        var rate = new MetricDefinition("r.rate", "调撤率", Area.Reconsideration, MetricUnit.Percent, "调撤÷受理", "案件") { NumeratorKey = "r.settled", DenominatorKey = "r.accepted" };

        settled.Value.ShouldBe(3);
        settled.RecordIds.ShouldBe([1, 2, 3]);
        var v = MetricValue.Rate(rate, settled, accepted);
        v.Value.ShouldBe(2.22m);
        (v.Numerator, v.Denominator).ShouldBe((3, 135));
        v.RecordIds.ShouldBe([1, 2, 3]);
        v.Display.ShouldBe("2.22%");
        MetricValue.Rate(rate, settled, MetricValue.Count(Count("r.accepted"), [])).Display.ShouldBe("—");
    }

    [Theory]
    [InlineData(2023, 2, "2023-02-01", "2023-02-28", "2023年2月")]
    [InlineData(2024, 2, "2024-02-01", "2024-02-29", "2024年2月")]
    [InlineData(2023, 12, "2023-12-01", "2023-12-31", "2023年12月")]
    public void Month_CoversTheWholeMonth(int year, int month, string from, string to, string label)
    {
        var p = MetricPeriod.Month(year, month);
        (p.From, p.To).ShouldBe((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
        p.Label.ShouldBe(label);
        p.WholeYear.ShouldBeNull();
    }

    [Fact]
    public void Year_AndMonths_AreContiguous()
    {
        MetricPeriod.Year(2023).Label.ShouldBe("2023年");
        MetricPeriod.Year(2023).WholeYear.ShouldBe(2023);
        var months = MetricPeriod.MonthsOf(2023);
        months.Count.ShouldBe(12);
        months.Zip(months.Skip(1)).ShouldAllBe(m => m.First.To.AddDays(1) == m.Second.From);
        new MetricPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)).Label.ShouldBe("2023-01-01至2023-06-30");
    }

    [Fact]
    public void Period_RefusesAnEndBeforeTheStartAndBadMonthsOrYears()
    {
        Should.Throw<DomainException>(() => new MetricPeriod(new DateOnly(2023, 2, 1), new DateOnly(2023, 1, 1)).Validated()).Message.ShouldContain("早于");
        Should.Throw<DomainException>(() => MetricPeriod.Month(2023, 13)).Message.ShouldContain("月份");
        Should.Throw<DomainException>(() => MetricPeriod.Year(12)).Message.ShouldContain("年度");
    }
}
