using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

public sealed record CandidateRow(int Id, string Name, string? NominatedBy, decimal? Score, bool Selected);

/// <summary>One activity as the edit dialog and the selection panel show it.</summary>
public sealed record ActivityView(int Id, string UnitCode, string UnitName, int KindId, string Kind, bool IsSelection, ActivityDetails Details,
    IReadOnlyList<CandidateRow> Candidates);

/// <summary>Records, changes and deletes activities, and keeps a selection's candidates, scores and selected ones.</summary>
public sealed class SaveActivity(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Command(string UnitCode, int KindId, ActivityDetails Details);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    /// <summary>Records several activities in one transaction: all or, when any is refused, none; each problem names its row.</summary>
    public async Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rowLabel);
        user.Require(Area.Activities, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = await db.ActivityKinds.ToDictionaryAsync(k => k.Id, cancellationToken);
        var codes = commands.Select(c => c.UnitCode).Distinct().ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        var added = new List<Activity>();
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            var label = rowLabel(i);
            if (!units.TryGetValue(c.UnitCode, out var unitId))
            {
                problems.Add(new ValidationProblem(label + "组织单位", $"{label}组织单位“{c.UnitCode}”不存在或不在您的数据范围内。"));
                continue;
            }

            if (!kinds.TryGetValue(c.KindId, out var kind))
            {
                problems.Add(new ValidationProblem(label + "活动类型", $"{label}活动类型 {c.KindId} 不存在。"));
                continue;
            }

            try
            {
                var activity = new Activity(unitId, kind, c.Details);
                db.Activities.Add(activity);
                added.Add(activity);
            }
            catch (DomainException e)
            {
                problems.Add(new ValidationProblem(label + "活动", label + e.Message));
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
        return [.. added.Select(a => a.Id)];
    }

    public async Task UpdateAsync(int id, int kindId, ActivityDetails details, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Activities, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activity = await LoadAsync(db, id, cancellationToken);
        activity.Update(await ManageActivityKinds.FindAsync(db, kindId, cancellationToken), details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes an activity with its candidates and evidence records; problem leads keep their text but lose the link.</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Activities, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activity = await LoadAsync(db, id, cancellationToken);
        db.RegisterEvidence.RemoveRange(await db.RegisterEvidence.Where(f => f.Register == EvidenceRegister.Activity && f.RecordId == id).ToListAsync(cancellationToken));
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ActivityView> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Activities);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var a = await db.Activities.AsNoTracking().Include(x => x.Candidates).FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException($"活动 {id} 不存在或不在您的数据范围内。");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == a.UnitId, cancellationToken);
        var kind = await db.ActivityKinds.AsNoTracking().FirstAsync(k => k.Id == a.KindId, cancellationToken);
        return new ActivityView(a.Id, unit.Code, unit.Name, kind.Id, kind.Name, kind.IsSelection, a.Details,
            [.. a.Candidates.OrderByDescending(c => c.Score ?? -1).ThenBy(c => c.Id).Select(c => new CandidateRow(c.Id, c.Name, c.NominatedBy, c.Score, c.Selected))]);
    }

    public Task<int> AddCandidateAsync(int activityId, string name, string? nominatedBy, decimal? score, CancellationToken cancellationToken = default) =>
        ChangeAsync(activityId, (a, kind) => a.AddCandidate(kind, name, nominatedBy, score), cancellationToken);

    public Task ScoreCandidateAsync(int activityId, int candidateId, decimal? score, CancellationToken cancellationToken = default) =>
        ChangeAsync(activityId, (a, _) =>
        {
            a.ScoreCandidate(candidateId, score);
            return (SelectionCandidate?)null;
        }, cancellationToken);

    public Task SelectAsync(int activityId, IReadOnlyCollection<int> candidateIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(activityId, (a, _) =>
        {
            a.Select(candidateIds);
            return (SelectionCandidate?)null;
        }, cancellationToken);

    public Task RemoveCandidateAsync(int activityId, int candidateId, CancellationToken cancellationToken = default) =>
        ChangeAsync(activityId, (a, _) =>
        {
            a.RemoveCandidate(candidateId);
            return (SelectionCandidate?)null;
        }, cancellationToken);

    private async Task<int> ChangeAsync(int activityId, Func<Activity, ActivityKind, SelectionCandidate?> change, CancellationToken cancellationToken)
    {
        user.Require(Area.Activities, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activity = await LoadAsync(db, activityId, cancellationToken);
        var kind = await ManageActivityKinds.FindAsync(db, activity.KindId, cancellationToken);
        var candidate = change(activity, kind);
        await db.SaveChangesAsync(cancellationToken);
        return candidate?.Id ?? 0;
    }

    private static async Task<Activity> LoadAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Activities.Include(a => a.Candidates).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"活动 {id} 不存在或不在您的数据范围内。");
}
