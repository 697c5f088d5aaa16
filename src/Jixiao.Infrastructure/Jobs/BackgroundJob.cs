using Jixiao.Domain;
using Jixiao.Domain.Organization;

namespace Jixiao.Infrastructure.Jobs;

public enum JobStatus
{
    Running,
    Completed,
    Cancelled,
}

public enum JobItemStatus
{
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A batch of background work (批量任务), e.g. the documents of every project of a year: who started it, for which
/// unit (its scope: a user sees and starts only batches of units in their scope), and its items. Progress is counted
/// from the items; the batch row changes only when it is started, cancelled, retried or finished, so every change of
/// it is a line of the audit log.
/// </summary>
public sealed class BackgroundJob : IUnitScoped
{
    private BackgroundJob()
    {
        Kind = Title = Parameters = StartedByName = string.Empty;
    }

    public BackgroundJob(string kind, string title, int unitId, string parameters, string? startedByUserId, string startedByName, DateTime createdAt)
    {
        Kind = kind;
        Title = title;
        UnitId = unitId;
        Parameters = parameters;
        StartedByUserId = startedByUserId;
        StartedByName = startedByName;
        CreatedAt = createdAt;
        Status = JobStatus.Running;
    }

    public int Id { get; private set; }

    /// <summary>What the items are processed by (see <see cref="IJobHandler.Kind"/>).</summary>
    public string Kind { get; private set; }

    public string Title { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The handler's parameters as JSON (year, unit code…).</summary>
    public string Parameters { get; private set; }

    /// <summary>The user whose roles and data scope every item is processed with; null for the command line.</summary>
    public string? StartedByUserId { get; private set; }

    public string StartedByName { get; private set; }

    public JobStatus Status { get; private set; }

    public int Total { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public void SetTotal(int total) => Total = total;

    public void Cancel(DateTime at)
    {
        if (Status != JobStatus.Running)
        {
            throw new DomainException("批量任务已经结束，不能取消。");
        }

        Status = JobStatus.Cancelled;
        FinishedAt = at;
    }

    /// <summary>Runs the batch again for its failed (or, after a cancellation, unfinished) items.</summary>
    public void Resume()
    {
        Status = JobStatus.Running;
        FinishedAt = null;
    }

    public void Complete(DateTime at)
    {
        Status = JobStatus.Completed;
        FinishedAt = at;
    }
}

/// <summary>
/// One item of a batch (e.g. one project). A node claims it by setting <see cref="LeaseOwner"/> and
/// <see cref="LeaseExpiresAt"/> in one conditional update; it is done once, in the same transaction that stores its
/// output. <see cref="Completions"/> counts how often it was marked done (must never exceed 1).
/// </summary>
public sealed class BackgroundJobItem
{
    private BackgroundJobItem()
    {
        Label = string.Empty;
    }

    public BackgroundJobItem(int jobId, int sequence, int subjectId, string label)
    {
        JobId = jobId;
        Sequence = sequence;
        SubjectId = subjectId;
        Label = label;
        Status = JobItemStatus.Pending;
    }

    public long Id { get; private set; }

    public int JobId { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The record the item is about (a project id).</summary>
    public int SubjectId { get; private set; }

    public string Label { get; private set; }

    public JobItemStatus Status { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The claim (node and chunk) that holds the item while it is running.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseExpiresAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>The node that completed (or failed) it.</summary>
    public string? ProcessedBy { get; private set; }

    public int Completions { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The stored output (a zip of a chunk) that holds the item's files.</summary>
    public int? OutputId { get; private set; }
}

/// <summary>The files of a chunk of items, as one zip, stored in the database so that every node can serve them.</summary>
public sealed class BackgroundJobOutput
{
    private BackgroundJobOutput()
    {
        Content = [];
    }

    public BackgroundJobOutput(int jobId, byte[] content, int files, DateTime createdAt)
    {
        JobId = jobId;
        Content = content;
        Files = files;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int JobId { get; private set; }

    public byte[] Content { get; private set; }

    public int Files { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

public enum ScheduledRunStatus
{
    Running,
    Done,
    Failed,
}

/// <summary>
/// One run of a daily job on one day: the row is inserted before the run starts, and its unique (job, day) key is
/// what lets only one node run it; the lease lets another node take over a run whose node died.
/// </summary>
public sealed class ScheduledRun
{
    private ScheduledRun()
    {
        JobName = LeaseOwner = string.Empty;
    }

    public ScheduledRun(string jobName, DateOnly runDate, string owner, DateTime now, DateTime leaseExpiresAt)
    {
        JobName = jobName;
        RunDate = runDate;
        LeaseOwner = owner;
        StartedAt = now;
        LeaseExpiresAt = leaseExpiresAt;
        Attempts = 1;
        Status = ScheduledRunStatus.Running;
    }

    public int Id { get; private set; }

    public string JobName { get; private set; }

    public DateOnly RunDate { get; private set; }

    public ScheduledRunStatus Status { get; private set; }

    public string LeaseOwner { get; private set; }

    public DateTime LeaseExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>What the run produced (e.g. the number of notifications).</summary>
    public int Produced { get; private set; }

    public string? Error { get; private set; }

    public void Finish(int produced, DateTime at)
    {
        Status = ScheduledRunStatus.Done;
        Produced = produced;
        FinishedAt = at;
    }
}

/// <summary>A notification (提醒) for one user, e.g. a deadline warning recorded by the daily job.</summary>
public sealed class Notification
{
    private Notification()
    {
        UserId = Area = Title = Detail = Link = Key = string.Empty;
    }

    public Notification(string userId, string area, string key, string title, string detail, string link, DateOnly? due, bool overdue, DateOnly runDate, DateTime createdAt)
    {
        UserId = userId;
        Area = area;
        Key = key;
        Title = title;
        Detail = detail;
        Link = link;
        Due = due;
        Overdue = overdue;
        RunDate = runDate;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public string Area { get; private set; }

    /// <summary>What it is about (e.g. "reconsideration:12"): one notification per user, record and day.</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    public string Detail { get; private set; }

    public string Link { get; private set; }

    public DateOnly? Due { get; private set; }

    public bool Overdue { get; private set; }

    public DateOnly RunDate { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
