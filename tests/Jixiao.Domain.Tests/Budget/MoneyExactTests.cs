using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Tests.Budget;

public sealed class MoneyExactTests
{
    [Theory]
    [InlineData("349845", "34.9845")]
    [InlineData("937900", "93.79")]
    [InlineData("1640000", "164.00")]
    [InlineData("702100", "70.21")]
    [InlineData("12345678.90", "1,234.5679")]
    public void FormatWanYuanExact_KeepsEveryFenUpToFourDecimals(string yuan, string expected) =>
        Money.FormatWanYuanExact(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
