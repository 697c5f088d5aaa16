using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Tests.Scoring;

public class DeclarationCheckTests
{
    private static readonly ScoringProfile National = ScoringProfiles.National2020;

    private static Indicator Count(string name, decimal points, decimal target = 10m, IndicatorLevel2 level2 = IndicatorLevel2.Quantity) =>
        Indicator.AtLeast(name, level2, points, target, "件");

    /// <summary>产出 50, 效益 30, 满意度 10: a clean declaration under the default profile.</summary>
    private static List<Indicator> Balanced() =>
    [
        Count("审核市级规范性文件数量", 30m, 66m),
        Count("办理行政复议案件数量", 20m),
        Indicator.Qualitative("法治政府建设水平", IndicatorLevel2.SocialBenefit, 30m, "有所提升"),
        Indicator.AtLeast("服务对象满意度", IndicatorLevel2.ServiceSatisfaction, 10m, 90m, "%"),
    ];

    [Fact]
    public void Check_BalancedDeclaration_NoProblems()
    {
        var problems = DeclarationCheck.Check(Balanced(), National);

        problems.ShouldBeEmpty();
        DeclarationCheck.MaySubmit(problems).ShouldBeTrue();
    }

    [Fact]
    public void Check_NoSatisfactionIndicator_EffectMustBeForty()
    {
        var indicators = Balanced().Take(3).Append(Count("群众知晓率", 10m, 80m, IndicatorLevel2.SocialBenefit)).ToList();

        DeclarationCheck.Check(indicators, National).ShouldBeEmpty();
    }

    [Fact]
    public void Check_NoSatisfactionAndEffectThirty_ErrorExplainsMovedPoints()
    {
        var indicators = Balanced().Take(3).Append(Count("补足", 10m)).ToList();

        var problems = DeclarationCheck.Check(indicators, National);

        problems.Select(p => p.Message).ShouldBe(["产出指标分值合计 60，应为 50。", "效益指标分值合计 30，应为 40（未设满意度指标，其 10 分并入效益指标）。"]);
        problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Error);
        DeclarationCheck.MaySubmit(problems).ShouldBeFalse();
    }

    [Fact]
    public void Check_LevelSumsWrongAndTotalWrong_ErrorsNameGroupAndTotal()
    {
        var indicators = Balanced();
        indicators[0] = indicators[0] with { Points = 25m };

        var problems = DeclarationCheck.Check(indicators, National);

        problems.Select(p => p.Message).ShouldBe(["产出指标分值合计 45，应为 50。", "绩效指标分值合计 85，应为 100 − 预算执行率分值 10 = 90。"]);
        problems[0].Level1.ShouldBe(IndicatorLevel1.Output);
    }

    [Fact]
    public void Check_NoOutputIndicator_RequiredLevelMissing()
    {
        var indicators = new List<Indicator> { Indicator.Qualitative("法治政府建设水平", IndicatorLevel2.SocialBenefit, 90m, "有所提升") };

        var problems = DeclarationCheck.Check(indicators, ScoringProfiles.Sichuan2023);

        problems.Single().Message.ShouldBe("缺少产出指标：每个项目须至少设置一项产出指标。");
    }

    [Fact]
    public void Check_NoEffectIndicator_RequiredLevelMissing() =>
        DeclarationCheck.Check([Count("数量", 90m)], ScoringProfiles.Sichuan2023).Single().Message.ShouldBe("缺少效益指标：每个项目须至少设置一项效益指标。");

    [Fact]
    public void Check_SichuanNoFixedSplit_OnlyTotalChecked()
    {
        var indicators = new List<Indicator> { Count("数量", 80m), Indicator.Qualitative("效果", IndicatorLevel2.SocialBenefit, 10m, "有所提升") };

        DeclarationCheck.Check(indicators, ScoringProfiles.Sichuan2023).ShouldBeEmpty();
        DeclarationCheck.Check(indicators, National).Count(p => p.Level1 is not null).ShouldBe(2);
    }

    [Fact]
    public void Check_WeightsNotEnforced_GroupSumIsWarning()
    {
        var profile = National with { Name = "copy", EnforceLevel1Weights = false };
        var indicators = Balanced();
        indicators[0] = indicators[0] with { Points = 25m };
        indicators[1] = indicators[1] with { Points = 25m };
        indicators[2] = indicators[2] with { Points = 25m };
        indicators[3] = indicators[3] with { Points = 15m };

        var problems = DeclarationCheck.Check(indicators, profile);

        problems.Select(p => p.Message).ShouldBe(["效益指标分值合计 25，应为 30。", "满意度指标分值合计 15，应为 10。"]);
        problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Check_Execution20_TotalMustBeEighty() =>
        DeclarationCheck.Check(Balanced(), ScoringProfiles.Execution20).Single().Message.ShouldBe("绩效指标分值合计 90，应为 100 − 预算执行率分值 20 = 80。");

    [Theory]
    [InlineData(IndicatorDirection.AtLeast, null, "件", "定量指标“审核市级规范性文件数量”未填写年度指标值（数值）。")]
    [InlineData(IndicatorDirection.AtLeast, 66, "", "定量指标“审核市级规范性文件数量”未填写计量单位（如 件、人、%）。")]
    [InlineData(IndicatorDirection.AtLeast, 66, null, "定量指标“审核市级规范性文件数量”未填写计量单位（如 件、人、%）。")]
    [InlineData(null, 66, "件", "定量指标“审核市级规范性文件数量”未选择方向（≥、≤ 或 =）。")]
    public void Check_QuantitativeIncomplete_ErrorNamesIndicator(IndicatorDirection? direction, int? target, string? unit, string message)
    {
        var indicators = Balanced();
        indicators[0] = indicators[0] with { Direction = direction, Target = target, Unit = unit };

        var problem = DeclarationCheck.Check(indicators, National).Single();

        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.IndicatorName.ShouldBe("审核市级规范性文件数量");
        problem.Message.ShouldBe(message);
    }

    [Fact]
    public void Check_QualitativeWithoutText_Error()
    {
        var indicators = Balanced();
        indicators[2] = indicators[2] with { QualitativeTarget = " " };

        DeclarationCheck.Check(indicators, National).Single().Message.ShouldBe("定性指标“法治政府建设水平”未填写年度指标值（定性描述，如“保持优秀等次”）。");
    }

    [Theory]
    [InlineData(IndicatorDirection.AtLeast, 60, 66, "指标“审核市级规范性文件数量”年度指标值 ≥60件 低于上年实际完成值 66件：指标值设定偏低。")]
    [InlineData(IndicatorDirection.AtLeast, 66, 66, null)]
    [InlineData(IndicatorDirection.AtLeast, 70, 66, null)]
    [InlineData(IndicatorDirection.AtMost, 8, 5, "指标“审核市级规范性文件数量”年度指标值 ≤8件 高于上年实际完成值 5件：指标值设定偏低。")]
    [InlineData(IndicatorDirection.AtMost, 5, 5, null)]
    [InlineData(IndicatorDirection.Exactly, 60, 66, null)]
    public void Check_TargetAgainstLastYearActual_WarnsSetLow(IndicatorDirection direction, int target, int lastYear, string? message)
    {
        var indicators = Balanced();
        indicators[0] = indicators[0] with { Direction = direction, Target = target };
        var last = new Dictionary<string, decimal> { ["审核市级规范性文件数量"] = lastYear, ["其他指标"] = 1000m };

        var problems = DeclarationCheck.Check(indicators, National, last);

        if (message is null)
        {
            problems.ShouldBeEmpty();
        }
        else
        {
            problems.Single().Severity.ShouldBe(ProblemSeverity.Warning);
            problems.Single().Message.ShouldBe(message);
            DeclarationCheck.MaySubmit(problems).ShouldBeTrue();
        }
    }

    [Fact]
    public void Check_DuplicateNames_Warning()
    {
        var indicators = Balanced();
        indicators[1] = indicators[1] with { Name = "审核市级规范性文件数量" };

        DeclarationCheck.Check(indicators, National).Single().Message.ShouldBe("三级指标名称“审核市级规范性文件数量”重复 2 次。");
    }

    [Fact]
    public void Check_ZeroPoints_Error()
    {
        var indicators = Balanced();
        indicators.Add(Count("零分指标", 0m));

        DeclarationCheck.Check(indicators, National).Single().Message.ShouldBe("指标“零分指标”的分值必须大于 0。");
    }
}
