using Jixiao.Domain;
using Jixiao.Domain.Assessment;

namespace Jixiao.Domain.Tests.Assessment;

public sealed class AssessmentRulesTests
{
    private static readonly GradeThresholds Thresholds = new(90m, 80m, 60m);

    [Theory]
    [InlineData("100", AssessmentGrade.Excellent)]
    [InlineData("90", AssessmentGrade.Excellent)]
    [InlineData("89.99", AssessmentGrade.Good)]
    [InlineData("80", AssessmentGrade.Good)]
    [InlineData("79.5", AssessmentGrade.Pass)]
    [InlineData("60", AssessmentGrade.Pass)]
    [InlineData("59.99", AssessmentGrade.Fail)]
    [InlineData("0", AssessmentGrade.Fail)]
    public void Grade_ByThresholds_IsTheHighestReached(string total, AssessmentGrade expected) =>
        AssessmentRules.Grade(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Thresholds).ShouldBe(expected);

    [Theory]
    [InlineData("0", "2.5", null)]
    [InlineData("2.5", "2.5", null)]
    [InlineData("1.75", "2", null)]
    [InlineData("2.51", "2.5", "超过该指标分值")]
    [InlineData("3", "2", "超过该指标分值")]
    [InlineData("-0.5", "2", "不能为负数")]
    [InlineData("1.255", "2", "两位小数")]
    public void ScoreProblem_WithinZeroAndPoints_OnlyThenValid(string score, string points, string? problem)
    {
        var p = AssessmentRules.ScoreProblem(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null)
        {
            p.ShouldBeNull();
        }
        else
        {
            p.ShouldNotBeNull().ShouldContain(problem);
        }
    }

    [Fact]
    public void Results_EqualTotalsShareARank_IncompleteUnitsAreNeitherRankedNorGraded()
    {
        var scores = new Dictionary<int, IReadOnlyList<decimal>>
        {
            [1] = [40m, 50m],        // 90, 优秀
            [2] = [45m, 48.5m],      // 93.5
            [3] = [46m, 47.5m],      // 93.5
            [4] = [30m, 40m],        // 70, 合格
            [5] = [50m],             // one indicator missing
        };

        var results = AssessmentRules.Results(scores, indicatorCount: 2, Thresholds);

        results.Select(r => (r.UnitId, r.Rank, r.Grade)).ShouldBe(
        [
            (2, 1, AssessmentGrade.Excellent),
            (3, 1, AssessmentGrade.Excellent),
            (1, 3, AssessmentGrade.Excellent),
            (4, 4, AssessmentGrade.Pass),
            (5, null, null),
        ]);
        results.Single(r => r.UnitId == 5).ShouldSatisfyAllConditions(r => r.Complete.ShouldBeFalse(), r => r.Total.ShouldBe(50m), r => r.Scored.ShouldBe(1));
    }

    [Theory]
    [InlineData(7, 7, "100.00")]
    [InlineData(6, 7, "85.71")]
    [InlineData(1, 3, "33.33")]
    [InlineData(2, 3, "66.67")]
    public void Coverage_AssessedOverToBeAssessed_RoundedHalfUp(int assessed, int toBe, string expected) =>
        AssessmentRules.Coverage(assessed, toBe).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Coverage_NobodyToAssess_HasNoValue() => AssessmentRules.Coverage(0, 0).ShouldBeNull();

    [Theory]
    [InlineData("90", "80", "60", "100", null)]
    [InlineData("90", "90", "60", "100", "递减")]
    [InlineData("80", "90", "60", "100", "递减")]
    [InlineData("90", "80", "0", "100", "递减")]
    [InlineData("110", "80", "60", "100", "超过方案满分")]
    public void Thresholds_MustDescendWithinFullMarks(string excellent, string good, string pass, string full, string? problem)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var t = new GradeThresholds(D(excellent), D(good), D(pass));
        if (problem is null)
        {
            t.Validated(D(full)).ShouldBe(t);
        }
        else
        {
            Should.Throw<DomainException>(() => t.Validated(D(full))).Message.ShouldContain(problem);
        }
    }

    [Fact]
    public void Scheme_PointsMayNotExceedSectionOrFullMarks()
    {
        var scheme = new AssessmentScheme(1, 2023, "2023年度法治江门建设考评", 100m, Thresholds);
        var government = scheme.AddSection("法治政府建设", 35m);
        Should.Throw<DomainException>(() => scheme.AddSection("公正执法司法", 70m)).Message.ShouldContain("超过方案满分100");
        scheme.AddIndicator(government, "重大行政决策程序制度落实", 20m, null);
        Should.Throw<DomainException>(() => scheme.AddIndicator(government, "行政复议", 15.5m, null)).Message.ShouldContain("超过板块分值35");
        Should.Throw<DomainException>(() => scheme.ChangeSection(government, "法治政府建设", 10m)).Message.ShouldContain("已超过10");
        Should.Throw<DomainException>(() => scheme.RemoveSection(government)).Message.ShouldContain("还有1项指标");
        scheme.AddIndicator(government, "行政复议", 15m, null);
        scheme.Balanced.ShouldBeFalse();
        scheme.AddSection("其他", 65m);
        scheme.Balanced.ShouldBeFalse();
        scheme.AddIndicator(scheme.Sections[1], "其他指标", 65m, null);
        scheme.Balanced.ShouldBeTrue();
    }

    [Fact]
    public void Score_AboveTheIndicatorsPoints_IsRefused_AndOnlyForUnitsToBeAssessed()
    {
        var scheme = new AssessmentScheme(1, 2023, "方案", 100m, Thresholds);
        var section = scheme.AddSection("法治社会建设", 15m);
        var indicator = scheme.AddIndicator(section, "公共法律服务体系建设", 2m, null);
        scheme.AddTarget(11);

        new AssessmentScore(scheme, indicator, 11, 1.5m, "台账不规范，扣0.5分").Score.ShouldBe(1.5m);
        Should.Throw<DomainException>(() => new AssessmentScore(scheme, indicator, 11, 2.5m, null)).Message.ShouldContain("超过该指标分值2");
        Should.Throw<DomainException>(() => new AssessmentScore(scheme, indicator, 12, 1m, null)).Message.ShouldContain("不是本方案的被考评单位");
    }

    [Theory]
    [InlineData(new[] { 2018, 2019, 2020, 2021, 2022 }, new[] { 1, 1, 1, 1, 1 }, 2023, 5)]
    [InlineData(new[] { 2018, 2019, 2020, 2021, 2022 }, new[] { 1, 1, 1, 1, 1 }, 2020, 3)]
    [InlineData(new[] { 2018, 2019, 2020, 2021, 2022 }, new[] { 1, 2, 1, 1, 1 }, 2023, 3)]
    [InlineData(new[] { 2018, 2019, 2020, 2021, 2022 }, new[] { 1, 1, 1, 1, 2 }, 2023, 0)]
    [InlineData(new[] { 2018, 2020, 2021 }, new[] { 1, 1, 1 }, 2023, 2)]
    [InlineData(new[] { 2019 }, new[] { 1 }, 2018, 0)]
    public void ExcellentStreak_CountsBackFromTheLatestYear(int[] years, int[] grades, int upTo, int expected) =>
        ProvincialAssessment.ExcellentStreak(years.Zip(grades).ToList(), x => x.First, x => (AssessmentGrade)x.Second, upTo).Count.ShouldBe(expected);

    [Fact]
    public void Expert_ServesDuring_TheYearsOfTheirMembership()
    {
        var pool = new ExpertPool(1, "江门市依法治市咨询专家库", new DateOnly(2021, 6, 1));
        var expert = pool.Appoint("梁志远", "五邑大学政法学院", "教授", "行政法", null, new DateOnly(2021, 6, 1));
        expert.ServesDuring(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).ShouldBeTrue();
        expert.ServesDuring(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)).ShouldBeFalse();
        expert.Leave(new DateOnly(2022, 12, 31));
        expert.ServesDuring(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).ShouldBeFalse();
        Should.Throw<DomainException>(() => pool.Appoint("陈慧敏", "五邑大学", null, null, null, new DateOnly(2021, 1, 1))).Message.ShouldContain("早于专家库设立日期");
    }
}
