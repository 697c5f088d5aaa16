using System.ComponentModel.DataAnnotations;

namespace Jixiao.Features.Reconsideration;

/// <summary>Configuration section "Jixiao:OnlineApplication": the limits and the challenge of the public pages (ADR-012).</summary>
public sealed class OnlineApplicationOptions
{
    public const string Section = "Jixiao:OnlineApplication";

    /// <summary>Posts of the application form one client address may make per hour on one node (rate limiter).</summary>
    [Range(1, 10_000)]
    public int SubmissionsPerHour { get; set; } = 20;

    /// <summary>Applications accepted from one client address per hour, counted in the database across every node.</summary>
    [Range(1, 10_000)]
    public int ApplicationsPerAddressPerHour { get; set; } = 5;

    /// <summary>Status queries one client address may make per minute on one node (rate limiter).</summary>
    [Range(1, 10_000)]
    public int StatusQueriesPerMinute { get; set; } = 10;

    /// <summary>Leading zero bits the browser must find: each bit doubles the work (17 ≈ 130,000 hashes, about a second).</summary>
    [Range(4, 28)]
    public int ChallengeBits { get; set; } = 17;

    /// <summary>How long a challenge stays valid: the time an applicant has to fill in the form.</summary>
    [Range(5, 1440)]
    public int ChallengeMinutes { get; set; } = 120;
}
