using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Infrastructure.Challenges;

/// <summary>A challenge handed to a public form: the signed token to post back, the seed to work on and how hard.</summary>
public sealed record IssuedChallenge(string Token, string Seed, int Bits, DateTimeOffset ExpiresAt);

/// <summary>A challenge whose token, age and answer have been checked; not yet used up.</summary>
public sealed record VerifiedChallenge(string Seed, DateTimeOffset ExpiresAt);

/// <summary>Why a challenge was refused.</summary>
public enum ChallengeRefusal
{
    /// <summary>No token or no answer was posted (a script, or a browser without JavaScript).</summary>
    Missing = 1,

    /// <summary>The token was not issued by this product for this form.</summary>
    Forged = 2,

    /// <summary>The token is older than its lifetime.</summary>
    Expired = 3,

    /// <summary>The answer does not solve the challenge.</summary>
    Unsolved = 4,

    /// <summary>The challenge has been used already, on this node or another.</summary>
    Replayed = 5,
}

/// <summary>
/// Proof-of-work challenges for the public forms (see ADR-012). The server issues a random seed in a
/// token signed and encrypted with ASP.NET Data Protection (keys in the database, so any node can
/// check a token another issued); the browser finds a nonce such that SHA-256(seed + ":" + nonce)
/// starts with the required number of zero bits; the server checks the token, its age and the answer,
/// and records the seed as used in the database, so that a solved challenge buys exactly one
/// submission, whichever node receives it.
/// </summary>
public sealed class ProofOfWorkChallenges(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string Purpose = "Jixiao.ProofOfWork.v1";
    private const byte Version = 1;
    private const int SeedBytes = 16;
    private const int PayloadBytes = 1 + SeedBytes + 8 + 8 + 1;
    private const int MaxNonceLength = 16;

    /// <summary>A fresh challenge for the named form.</summary>
    public IssuedChallenge Issue(string form, int bits, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var payload = new byte[PayloadBytes];
        payload[0] = Version;
        RandomNumberGenerator.Fill(payload.AsSpan(1, SeedBytes));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1 + SeedBytes), now.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1 + SeedBytes + 8), expires.ToUnixTimeMilliseconds());
        payload[^1] = (byte)bits;
        var token = Base64Url.EncodeToString(Protector(form).Protect(payload));
        return new IssuedChallenge(token, Base64Url.EncodeToString(payload.AsSpan(1, SeedBytes)), bits, expires);
    }

    /// <summary>Checks the token (issued here, for this form, not expired) and the answer; does not use the challenge up.</summary>
    public (VerifiedChallenge? Challenge, ChallengeRefusal? Refusal) Verify(string form, string? token, string? nonce)
    {
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(nonce))
        {
            return (null, ChallengeRefusal.Missing);
        }

        byte[] payload;
        try
        {
            payload = Protector(form).Unprotect(Base64Url.DecodeFromChars(token.Trim()));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return (null, ChallengeRefusal.Forged);
        }

        if (payload.Length != PayloadBytes || payload[0] != Version)
        {
            return (null, ChallengeRefusal.Forged);
        }

        var seed = Base64Url.EncodeToString(payload.AsSpan(1, SeedBytes));
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1 + SeedBytes + 8)));
        if (clock.GetUtcNow() > expires)
        {
            return (null, ChallengeRefusal.Expired);
        }

        return Solves(seed, nonce.Trim(), payload[^1]) ? (new VerifiedChallenge(seed, expires), null) : (null, ChallengeRefusal.Unsolved);
    }

    /// <summary>
    /// Records the challenge as used, in the caller's transaction; false when it was used already
    /// (the seed is the key of the table, so two nodes cannot both use it). Forgets expired challenges.
    /// </summary>
    public async Task<bool> TryUseAsync(JixiaoDbContext db, VerifiedChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(challenge);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UsedChallenges.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (await db.UsedChallenges.AnyAsync(u => u.Id == challenge.Seed, cancellationToken))
        {
            return false;
        }

        db.UsedChallenges.Add(new UsedChallenge(challenge.Seed, challenge.ExpiresAt.UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>True when SHA-256(seed + ":" + nonce) begins with at least <paramref name="bits"/> zero bits.</summary>
    public static bool Solves(string seed, string nonce, int bits)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(nonce);
        if (nonce.Length is 0 or > MaxNonceLength || !nonce.All(char.IsAsciiDigit))
        {
            return false;
        }

        return LeadingZeroBits(SHA256.HashData(Encoding.ASCII.GetBytes(seed + ":" + nonce))) >= bits;
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }

            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }

        return bits;
    }

    private IDataProtector Protector(string form) => dataProtection.CreateProtector(Purpose, form);
}

/// <summary>
/// A challenge that has been used, kept until it would have expired anyway: the seed is the key, so
/// the database refuses a second use on any node.
/// </summary>
public sealed class UsedChallenge
{
    public UsedChallenge(string id, DateTime expiresAt)
    {
        Id = id;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; }

    public DateTime ExpiresAt { get; private set; }
}
