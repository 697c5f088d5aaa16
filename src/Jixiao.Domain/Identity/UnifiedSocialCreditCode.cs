namespace Jixiao.Domain.Identity;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码) of an enterprise or organisation:
/// registration authority, organisation kind, 6-digit region code, 9-character organisation code
/// and one check character.
/// </summary>
/// <remarks>
/// GB 32100-2015《法人和其他组织统一社会信用代码编码规则》: characters are 0–9 and the capital
/// letters without I, O, Z, S, V (31 in all); weights 3^i mod 31; check = 31 − (sum mod 31), 31 → 0.
/// </remarks>
public static class UnifiedSocialCreditCode
{
    /// <summary>The 31 characters in their code-value order.</summary>
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Computes the check character for the first 17 characters.</summary>
    /// <exception cref="DomainException">The input is not 17 characters of the code's charset.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || first17.Any(c => !Charset.Contains(c, StringComparison.Ordinal)))
        {
            throw new DomainException("计算统一社会信用代码校验码需要前17位有效字符。");
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Charset.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Charset[(31 - (sum % 31)) % 31];
    }

    /// <summary>Checks length, charset, region code and check character. Lower case is accepted.</summary>
    public static IdCheck Check(string? value)
    {
        var code = value?.Trim().ToUpperInvariant() ?? string.Empty;
        if (code.Length == 0)
        {
            return IdCheck.Invalid("统一社会信用代码不能为空。");
        }

        if (code.Length != 18)
        {
            return IdCheck.Invalid($"统一社会信用代码应为18位，实际为{code.Length}位。");
        }

        var bad = code.FirstOrDefault(c => !Charset.Contains(c, StringComparison.Ordinal));
        if (bad != default)
        {
            return IdCheck.Invalid($"统一社会信用代码含有无效字符“{bad}”（不使用I、O、Z、S、V）。");
        }

        if (!code.Substring(2, 6).All(char.IsAsciiDigit))
        {
            return IdCheck.Invalid($"统一社会信用代码第3至8位行政区划码“{code.Substring(2, 6)}”应为数字。");
        }

        var expected = ComputeCheckCharacter(code[..17]);
        return code[17] == expected
            ? IdCheck.Valid
            : IdCheck.Invalid($"统一社会信用代码校验码错误：应为{expected}。");
    }
}
