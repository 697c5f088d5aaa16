using System.Security.Cryptography;
using System.Text;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The query code (查询码) an online applicant receives once, with which they follow their case:
/// 12 characters from 32 that cannot be mistaken for one another (60 random bits), shown as
/// XXXX-XXXX-XXXX. Only a salted PBKDF2 hash is stored.
/// </summary>
public static class QueryCodes
{
    public const int Length = 12;
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 20_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A stand-in hash checked when no case matches, so that a miss takes as long as a hit.</summary>
    private static readonly string Decoy = Hash(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>A new random code, formatted for reading.</summary>
    public static string Generate() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    public static string Format(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";

    /// <summary>The code as typed, without spaces or dashes, upper case; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>The stored form: scheme, iterations, salt and hash.</summary>
    public static string Hash(string code)
    {
        var normalized = Normalize(code) ?? throw new ArgumentException("not a query code", nameof(code));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalized), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>True when the typed code is the one whose hash is stored; a null hash is checked against a decoy and fails.</summary>
    public static bool Matches(string? typed, string? storedHash)
    {
        var parts = (storedHash ?? Decoy).Split('$');
        var normalized = Normalize(typed);
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations <= 0)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalized ?? new string('2', Length)), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && normalized is not null && storedHash is not null;
    }
}
