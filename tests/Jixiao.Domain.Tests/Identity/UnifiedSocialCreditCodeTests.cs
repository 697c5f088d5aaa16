using Jixiao.Domain;
using Jixiao.Domain.Identity;

namespace Jixiao.Domain.Tests.Identity;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440703MA4UJ0K2X3")]
    [InlineData("12440700007193000H")]
    [InlineData("11440700mb2c12345n")]
    public void Check_ValidCode_IsValid(string code)
    {
        var result = UnifiedSocialCreditCode.Check(code);
        result.Error.ShouldBeNull();
        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("91350100M000100Y44", "统一社会信用代码校验码错误：应为3。")]
    [InlineData("12440700007193000J", "统一社会信用代码校验码错误：应为H。")]
    [InlineData("91440703MA4UJ0K2X4", "统一社会信用代码校验码错误：应为3。")]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为18位，实际为17位。")]
    [InlineData("", "统一社会信用代码不能为空。")]
    [InlineData("91350100M000100I43", "统一社会信用代码含有无效字符“I”（不使用I、O、Z、S、V）。")]
    [InlineData("91350100M0O0100Y43", "统一社会信用代码含有无效字符“O”（不使用I、O、Z、S、V）。")]
    [InlineData("913501S0M000100Y43", "统一社会信用代码含有无效字符“S”（不使用I、O、Z、S、V）。")]
    [InlineData("9135A100M000100Y43", "统一社会信用代码第3至8位行政区划码“35A100”应为数字。")]
    public void Check_InvalidCode_GivesReason(string code, string error)
    {
        var result = UnifiedSocialCreditCode.Check(code);
        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("11440700MB2C12345", 'N')]
    public void ComputeCheckCharacter_First17_MatchesStandard(string first17, char expected) =>
        UnifiedSocialCreditCode.ComputeCheckCharacter(first17).ShouldBe(expected);

    [Fact]
    public void ComputeCheckCharacter_ForbiddenLetter_Throws() =>
        Should.Throw<DomainException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100Z4"));
}
