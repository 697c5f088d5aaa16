using Jixiao.Domain;
using Jixiao.Domain.NormativeDocuments;

namespace Jixiao.Domain.Tests.NormativeDocuments;

public class NormativeRulesTests
{
    [Theory]
    [InlineData("2023-04-03", "2023-04-03", true)]
    [InlineData("2023-04-03", "2023-04-18", true)]
    [InlineData("2023-04-03", "2023-04-19", false)]
    [InlineData("2023-12-20", "2024-01-04", true)]
    public void FiledOnTime_WithinFifteenDaysOfPublication(string published, string filed, bool onTime) =>
        NormativeRules.FiledOnTime(DateOnly.Parse(published), DateOnly.Parse(filed)).ShouldBe(onTime);

    [Theory]
    [InlineData(CleanupOpinion.Keep, false)]
    [InlineData(CleanupOpinion.Amend, true)]
    [InlineData(CleanupOpinion.Repeal, true)]
    [InlineData(CleanupOpinion.SetValidity, true)]
    public void IsChangeOpinion_EveryOpinionButKeep(CleanupOpinion opinion, bool counts) =>
        NormativeRules.IsChangeOpinion(opinion).ShouldBe(counts);

    /// <summary>The seed's cleanup: 189 + 237 examined, 223 given 废止 or 明确有效期, the rest kept.</summary>
    [Fact]
    public void Cleanup_SeedFigures()
    {
        var opinions = Enumerable.Repeat(CleanupOpinion.Repeal, 96).Concat(Enumerable.Repeat(CleanupOpinion.SetValidity, 127))
            .Concat(Enumerable.Repeat(CleanupOpinion.Keep, 189 + 237 - 223)).ToList();
        opinions.Count.ShouldBe(426);
        opinions.Count(NormativeRules.IsChangeOpinion).ShouldBe(223);
    }

    [Fact]
    public void DaysTaken_CalendarDays_AndNotBeforeReceipt()
    {
        NormativeRules.DaysTaken(new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 10)).ShouldBe(9);
        Should.Throw<DomainException>(() => NormativeRules.DaysTaken(new DateOnly(2023, 3, 10), new DateOnly(2023, 3, 1))).Message.ShouldContain("早于收文日期");
    }

    [Fact]
    public void Review_ResultAndDateGoTogether()
    {
        var open = new LegalityReview(1, DocumentLevel.Government, "江门市城市供水管理办法（送审稿）", "江门市水务局", new DateOnly(2023, 3, 1), null, null, null);
        open.DaysTaken.ShouldBeNull();
        Should.Throw<DomainException>(() => open.Update(DocumentLevel.Government, "x", "y", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 5), null, null))
            .Message.ShouldContain("审核结果");
        Should.Throw<DomainException>(() => open.Update(DocumentLevel.Government, " ", "y", new DateOnly(2023, 3, 1), null, null, null))
            .Message.ShouldContain("文件名称");
        open.Update(DocumentLevel.Departmental, "x", "y", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 5), ReviewResult.Approved, null);
        open.DaysTaken.ShouldBe(4);
    }

    [Fact]
    public void Filing_NotFiledBeforePublished_AndCampaignDecisionComplete()
    {
        Should.Throw<DomainException>(() => new FilingReview(1, "台山市人民政府", "t", null, new DateOnly(2023, 4, 3), new DateOnly(2023, 4, 1), null, null, null))
            .Message.ShouldContain("早于公布日期");
        new FilingReview(1, "台山市人民政府", "t", null, new DateOnly(2023, 4, 3), new DateOnly(2023, 4, 30), null, null, null).FiledOnTime.ShouldBeFalse();
        Should.Throw<DomainException>(() => new CleanupCampaign(1, "清理", new DateOnly(2023, 3, 1), "决定", null)).Message.ShouldContain("同时填写");
        Should.Throw<DomainException>(() => new CertificationItem(1, "无犯罪记录证明", CertificationField.PublicSecurity, "公安局", new DateOnly(2023, 3, 1), -1, null, null))
            .Message.ShouldContain("负数");
    }
}
