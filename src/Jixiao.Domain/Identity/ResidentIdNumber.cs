using System.Globalization;

namespace Jixiao.Domain.Identity;

/// <summary>
/// The 18-digit citizen identity number (公民身份号码): 6-digit address code, 8-digit birth date,
/// 3-digit sequence code and one check character.
/// </summary>
/// <remarks>
/// GB 11643-1999《公民身份号码》; the check character is ISO 7064 MOD 11-2: weights 2^(17-i) mod 11,
/// the weighted sum mod 11 maps to “10X98765432”.
/// </remarks>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Computes the check character for the first 17 digits.</summary>
    /// <exception cref="DomainException">The input is not 17 digits.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new DomainException("计算身份证号码校验位需要前17位数字。");
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Checks length, characters, address code, birth date and check character. A lower-case x is
    /// accepted as X. When <paramref name="today"/> is given, a birth date after it is refused.
    /// </summary>
    public static IdCheck Check(string? value, DateOnly? today = null)
    {
        var id = value?.Trim() ?? string.Empty;
        if (id.Length == 0)
        {
            return IdCheck.Invalid("身份证号码不能为空。");
        }

        if (id.Length != 18)
        {
            return IdCheck.Invalid($"身份证号码应为18位，实际为{id.Length}位。");
        }

        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'))
        {
            return IdCheck.Invalid("身份证号码只能由数字组成，最后一位可以是X。");
        }

        if (id[0] is '0' or '9')
        {
            return IdCheck.Invalid($"身份证号码地址码“{id[..6]}”无效。");
        }

        if (BirthDate(id) is not { } birth)
        {
            return IdCheck.Invalid($"身份证号码中的出生日期“{id.Substring(6, 8)}”不是有效日期。");
        }

        if (birth.Year < 1900 || (today is { } t && birth > t))
        {
            return IdCheck.Invalid($"身份证号码中的出生日期{birth:yyyy-MM-dd}不在合理范围内。");
        }

        var expected = ComputeCheckCharacter(id[..17]);
        return char.ToUpperInvariant(id[17]) == expected
            ? IdCheck.Valid
            : IdCheck.Invalid($"身份证号码校验位错误：应为{expected}。");
    }

    /// <summary>The birth date in positions 7–14, or null if they are not a calendar date.</summary>
    public static DateOnly? BirthDate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
    }
}
