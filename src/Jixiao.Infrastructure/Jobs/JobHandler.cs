namespace Jixiao.Infrastructure.Jobs;

/// <summary>An item handed to a handler: its row id, the record it is about, and its label.</summary>
public sealed record ClaimedItem(long Id, int SubjectId, string Label);

/// <summary>A file an item produced, with its path inside the batch's zip.</summary>
public sealed record JobFile(string Path, byte[] Content);

/// <summary>What became of an item: its files, or the reason it failed.</summary>
public sealed record ItemResult(long ItemId, string? Error, IReadOnlyList<JobFile> Files)
{
    public static ItemResult Done(long itemId, IReadOnlyList<JobFile> files) => new(itemId, null, files);

    public static ItemResult Failed(long itemId, string error) => new(itemId, error, []);
}

/// <summary>
/// Processes the items of one kind of batch. Called in a scope whose user is the one who started the batch, so the
/// handler's queries see only what that user may see.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<IReadOnlyList<ItemResult>> ProcessAsync(BackgroundJob job, IReadOnlyList<ClaimedItem> items, CancellationToken cancellationToken);
}

/// <summary>A job that runs once a day on one node (e.g. the deadline warnings).</summary>
public interface IDailyJob
{
    string Name { get; }

    /// <summary>When it runs, local time.</summary>
    TimeOnly At { get; }

    /// <summary>
    /// Adds what the run produces to <paramref name="db"/> without saving; the scheduler saves it in the transaction
    /// that marks the run done, so a run's output is written once or not at all. Returns the number of records added.
    /// </summary>
    Task<int> RunAsync(DateOnly day, Data.JixiaoDbContext db, CancellationToken cancellationToken);
}
