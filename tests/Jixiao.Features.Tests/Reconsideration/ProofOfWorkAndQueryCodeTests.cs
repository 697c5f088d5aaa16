using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Challenges;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class ProofOfWorkAndQueryCodeTests
{
    public static TheoryData<byte[], int> Hashes => new()
    {
        { [0x80, 0x00], 0 },
        { [0x40], 1 },
        { [0x01], 7 },
        { [0x00, 0x0F], 12 },
        { [0x00, 0x00, 0xFF], 16 },
        { new byte[32], 256 },
    };

    [Theory]
    [MemberData(nameof(Hashes))]
    public void LeadingZeroBits_CountsFromTheFirstByte(byte[] hash, int bits) => ProofOfWorkChallenges.LeadingZeroBits(hash).ShouldBe(bits);

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData(" 12")]
    [InlineData("12345678901234567")]
    public void Solves_OnlyDecimalNoncesOfAtMost16Digits(string nonce) => ProofOfWorkChallenges.Solves("seed", nonce, 0).ShouldBeFalse();

    [Fact]
    public void Solves_ChecksTheHashOfSeedColonNonce()
    {
        // SHA-256("abc:22421") begins 00002ae1: 18 zero bits (found by apply.js's solver for 16).
        ProofOfWorkChallenges.Solves("abc", "22421", 18).ShouldBeTrue();
        ProofOfWorkChallenges.Solves("abc", "22421", 19).ShouldBeFalse();
        ProofOfWorkChallenges.Solves("abd", "22421", 16).ShouldBeFalse();
    }

    [Fact]
    public void QueryCodes_AreReadableRandomAndStoredSaltedAndSlow()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => QueryCodes.Generate()).ToList();
        codes.Distinct().Count().ShouldBe(50);
        codes.ShouldAllBe(c => c.Length == 14 && QueryCodes.Normalize(c) != null && !c.Any(ch => "01OI".Contains(ch)));

        var code = codes[0];
        var first = QueryCodes.Hash(code);
        var second = QueryCodes.Hash(code);
        first.ShouldNotBe(second);
        QueryCodes.Matches(code, first).ShouldBeTrue();
        QueryCodes.Matches(code, second).ShouldBeTrue();
        QueryCodes.Matches(codes[1], first).ShouldBeFalse();
        QueryCodes.Matches(code, null).ShouldBeFalse();
        QueryCodes.Matches(null, first).ShouldBeFalse();
        QueryCodes.Normalize("abcd-efgh-jkmn").ShouldBe("ABCDEFGHJKMN");
        QueryCodes.Normalize("ABCD-EFGH-JKM0").ShouldBeNull();
        QueryCodes.Normalize("ABCD-EFGH").ShouldBeNull();
    }
}
