using Jixiao.Domain;
using Jixiao.Domain.Identity;

namespace Jixiao.Domain.Tests.Identity;

public class ResidentIdNumberTests
{
    // Check characters computed independently (ISO 7064 MOD 11-2 by hand/script); fictitious numbers.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440703199001011239")]
    [InlineData("440781200002294562")]
    [InlineData(" 440703198511170032 ")]
    public void Check_ValidNumber_IsValid(string id)
    {
        var result = ResidentIdNumber.Check(id, new DateOnly(2024, 6, 1));
        result.Error.ShouldBeNull();
        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("440703199001011238", "身份证号码校验位错误：应为9。")]
    [InlineData("110105194912310021", "身份证号码校验位错误：应为X。")]
    [InlineData("440703198511170031", "身份证号码校验位错误：应为2。")]
    [InlineData("", "身份证号码不能为空。")]
    [InlineData(null, "身份证号码不能为空。")]
    [InlineData("44070319900101123", "身份证号码应为18位，实际为17位。")]
    [InlineData("4407031990010112A9", "身份证号码只能由数字组成，最后一位可以是X。")]
    [InlineData("44070319900101123Y", "身份证号码只能由数字组成，最后一位可以是X。")]
    [InlineData("040703199001011239", "身份证号码地址码“040703”无效。")]
    [InlineData("440781200102294562", "身份证号码中的出生日期“20010229”不是有效日期。")]
    [InlineData("440703199013011239", "身份证号码中的出生日期“19901301”不是有效日期。")]
    [InlineData("440524188001010014", "身份证号码中的出生日期1880-01-01不在合理范围内。")]
    [InlineData("440703202501011234", "身份证号码中的出生日期2025-01-01不在合理范围内。")]
    public void Check_InvalidNumber_GivesReason(string? id, string error)
    {
        var result = ResidentIdNumber.Check(id, new DateOnly(2024, 6, 1));
        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("44070319900101123", '9')]
    public void ComputeCheckCharacter_First17_MatchesStandard(string first17, char expected) =>
        ResidentIdNumber.ComputeCheckCharacter(first17).ShouldBe(expected);

    [Theory]
    [InlineData("4407031990010112")]
    [InlineData("4407031990010112X")]
    public void ComputeCheckCharacter_NotSeventeenDigits_Throws(string first17) =>
        Should.Throw<DomainException>(() => ResidentIdNumber.ComputeCheckCharacter(first17));

    [Fact]
    public void BirthDate_ValidNumber_ReadsPositionsSevenToFourteen() =>
        ResidentIdNumber.BirthDate("440781200002294562").ShouldBe(new DateOnly(2000, 2, 29));
}
