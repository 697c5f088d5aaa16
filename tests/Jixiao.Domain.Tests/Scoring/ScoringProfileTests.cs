using System.Text.Json;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Scoring;

public class ScoringProfileTests
{
    public static TheoryData<string> Names => [.. ScoringProfiles.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_ShippedProfile_Valid(string name) => ScoringProfiles.Get(name).Validate().ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Names))]
    public void JsonRoundTrip_ShippedProfile_EqualByValue(string name)
    {
        var profile = ScoringProfiles.Get(name);

        var copy = JsonSerializer.Deserialize<ScoringProfile>(JsonSerializer.Serialize(profile));

        copy.ShouldBe(profile);
    }

    [Fact]
    public void Deserialize_AdministratorEditedJson_ProfileWithDefaults()
    {
        const string json = """{"Name":"jiangmen-2024","Version":2,"DisplayName":"江门市（2024）","ExecutionPoints":15,"Level1Weights":{"Output":45,"Effect":30,"Satisfaction":10}}""";

        var profile = JsonSerializer.Deserialize<ScoringProfile>(json)!;

        profile.IndicatorPoints.ShouldBe(85m);
        profile.QualitativeBands.ShouldBe(new QualitativeBands(0.80m, 0.50m));
        profile.Validate().ShouldBeEmpty();
    }

    // scoring-rules.md, one row per shipped profile.
    [Theory]
    [InlineData("national-2020", 1, 10, 50, 30, 10, 0.50, ReverseIndicatorFormula.Ratio, null)]
    [InlineData("qualitative-80-60", 1, 10, 50, 30, 10, 0.60, ReverseIndicatorFormula.Ratio, null)]
    [InlineData("sichuan-2023", 1, 10, null, null, null, 0.50, ReverseIndicatorFormula.Ratio, 0.90)]
    [InlineData("execution-20", 1, 20, null, null, null, 0.50, ReverseIndicatorFormula.Ratio, null)]
    [InlineData("reverse-linear", 1, 10, 50, 30, 10, 0.50, ReverseIndicatorFormula.Linear, null)]
    public void Get_ShippedProfile_HasRulesOfSpec(
        string name, int version, int executionPoints, int? output, int? effect, int? satisfaction, double partlyFrom, ReverseIndicatorFormula reverse, double? reasonBelow)
    {
        var profile = ScoringProfiles.Get(name);

        profile.Version.ShouldBe(version);
        profile.ExecutionPoints.ShouldBe(executionPoints);
        profile.Level1Weights?.Output.ShouldBe(output!.Value);
        profile.Level1Weights?.Effect.ShouldBe(effect!.Value);
        profile.Level1Weights?.Satisfaction.ShouldBe(satisfaction!.Value);
        (profile.Level1Weights is null).ShouldBe(output is null);
        profile.QualitativeBands.AchievedFrom.ShouldBe(0.80m);
        profile.QualitativeBands.PartlyAchievedFrom.ShouldBe((decimal)partlyFrom);
        profile.ReverseFormula.ShouldBe(reverse);
        profile.ExecutionReasonRequiredBelow.ShouldBe((decimal?)reasonBelow);
        profile.OverAchievementThreshold.ShouldBe(0.30m);
        profile.Grades.ShouldBe(new GradeThresholds(90m, 80m, 60m));
    }

    [Fact]
    public void EffectiveWeights_NoSatisfaction_MovesTenPointsToEffect() =>
        ScoringProfiles.National2020.EffectiveWeights(hasSatisfactionIndicator: false).ShouldBe(new Level1Weights(50m, 40m, 0m));

    [Fact]
    public void All_Names_Unique() => ScoringProfiles.All.Select(p => p.Name).Distinct().Count().ShouldBe(ScoringProfiles.All.Count);

    [Fact]
    public void Get_UnknownName_RefusedWithList() =>
        Should.Throw<DomainException>(() => ScoringProfiles.Get("nope")).Message.ShouldStartWith("评分方案“nope”不存在。可用方案：national-2020（");

    [Fact]
    public void Score_InvalidProfile_RefusedWithEveryProblem()
    {
        var profile = ScoringProfiles.National2020 with
        {
            Version = 2,
            Level1Weights = new Level1Weights(50m, 30m, 20m),
            QualitativeBands = new QualitativeBands(0.5m, 0.8m),
        };

        Should.Throw<DomainException>(() => ScoringEngine.Score(new ScoringInput(1m, 1m, []), profile)).Message.ShouldBe(
            "评分方案“全国通行做法（2020年起）”（national-2020 第 2 版）无效：一级指标权重合计 100 应等于 100 − 预算执行率分值 10 = 90。定性指标档次下限须满足 0 < 部分达成 0.8 < 达成 0.5 < 1。");
    }

    [Theory]
    [InlineData(QualitativeBand.Achieved, 20, 16, 20)]
    [InlineData(QualitativeBand.PartlyAchieved, 20, 10, 16)]
    [InlineData(QualitativeBand.NotAchieved, 20, 0, 10)]
    public void QualitativeRange_DefaultBands_PointsRange(QualitativeBand band, int points, int min, int max) =>
        ScoringEngine.QualitativeRange(ScoringProfiles.National2020, band, points).ShouldBe((min, max));
}
