using System.ComponentModel.DataAnnotations;

namespace Jixiao.Infrastructure.Jobs;

/// <summary>Configuration section "Jixiao:Jobs": how background work is claimed and when the daily jobs run.</summary>
public sealed class JobOptions
{
    public const string Section = "Jixiao:Jobs";

    /// <summary>Items one node claims at once (one output zip per chunk).</summary>
    [Range(1, 1000)]
    public int ChunkSize { get; set; } = 50;

    /// <summary>How long a claim holds its items without being renewed; a dead node's items return after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle node looks for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Chunks one node processes at the same time.</summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 2;

    /// <summary>Claims of an item before it is marked failed (a node died while holding it each time).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Whether <c>jixiao serve</c> runs the batch worker and the daily jobs on this node.</summary>
    public bool RunOnThisNode { get; set; } = true;

    /// <summary>The local time zone of the daily jobs (IANA name).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>When the daily deadline warnings are recorded, local time.</summary>
    public TimeOnly DeadlineWarningsAt { get; set; } = new(8, 0);

    /// <summary>Days a finished batch's files are kept before the batch is removed.</summary>
    [Range(1, 3650)]
    public int KeepBatchesDays { get; set; } = 30;

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
