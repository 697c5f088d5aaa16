using Jixiao.Domain;
using Jixiao.Domain.Legislation;

namespace Jixiao.Domain.Tests.Legislation;

public class LegislationRulesTests
{
    [Theory]
    [InlineData("2023-06-30", "2023-06-16", true)]
    [InlineData("2023-06-30", "2023-06-30", true)]
    [InlineData("2023-06-30", "2023-07-01", false)]
    [InlineData("2023-12-31", "2024-01-05", false)]
    [InlineData("2023-06-30", null, null)]
    public void OnTime_CompletedNoLaterThanTheDueDate(string due, string? completed, bool? onTime) =>
        LegislationRules.OnTime(DateOnly.Parse(due), completed is null ? null : DateOnly.Parse(completed)).ShouldBe(onTime);

    /// <summary>The seed: 2 regulations drafted and 1 researched on commission, all on time (工作完成及时率 100 %).</summary>
    [Fact]
    public void Project_SeedProjectsAreOnTime()
    {
        var projects = new[]
        {
            new LegislationProject(1, 2023, LegislationKind.LocalRegulation, "《江门市侨乡文化保护条例》", LegislationStage.Adopted, LegislationCommission.Drafting,
                "五邑大学政法学院", new DateOnly(2023, 6, 30), new DateOnly(2023, 6, 16), null),
            new LegislationProject(1, 2023, LegislationKind.LocalRegulation, "《江门市养犬管理条例》", LegislationStage.Deliberation, LegislationCommission.Drafting,
                "广东五邑律师事务所", new DateOnly(2023, 9, 30), new DateOnly(2023, 9, 22), null),
            new LegislationProject(1, 2023, LegislationKind.LocalRegulation, "《江门市电动自行车管理条例》", LegislationStage.Research, LegislationCommission.Research,
                "江门市法学会", new DateOnly(2023, 11, 30), new DateOnly(2023, 11, 10), null),
        };
        projects.Count(p => p.OnTime == true).ShouldBe(3);
    }

    [Fact]
    public void Project_Validation_NamesTheField()
    {
        Should.Throw<DomainException>(() => New(LegislationCommission.Drafting, null, LegislationStage.Drafting)).Message.ShouldContain("受委托单位");
        Should.Throw<DomainException>(() => New(LegislationCommission.None, "某大学", LegislationStage.Drafting)).Message.ShouldContain("受委托单位");
        Should.Throw<DomainException>(() => New(LegislationCommission.Research, "某大学", LegislationStage.Drafting)).Message.ShouldContain("调研");
        Should.Throw<DomainException>(() => New(LegislationCommission.None, null, LegislationStage.Drafting, title: " ")).Message.ShouldContain("项目名称");
        Should.Throw<DomainException>(() => New(LegislationCommission.None, null, LegislationStage.Drafting, due: new DateOnly(2022, 12, 31))).Message.ShouldContain("完成时限");
        New(LegislationCommission.None, null, LegislationStage.Drafting).OnTime.ShouldBeNull();
    }

    private static LegislationProject New(LegislationCommission commission, string? body, LegislationStage stage, string title = "《江门市某某条例》", DateOnly? due = null) =>
        new(1, 2023, LegislationKind.GovernmentRule, title, stage, commission, body, due ?? new DateOnly(2023, 12, 31), null, null);
}
