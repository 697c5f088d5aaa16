using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Rectification;

/// <summary>
/// Records rectification items, changes them, moves them through 待整改 → 整改中 → 已整改 → 已验收, and deletes them.
/// </summary>
public sealed class SaveRectification(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    /// <summary>A new item; an import may give the progress already made (status with its dates and texts).</summary>
    public sealed record Command(string UnitCode, RectificationSource Source, DateOnly FoundOn, RectificationDetails Details,
        RectificationStatus Status = RectificationStatus.Open, DateOnly? RectifiedOn = null, string? Result = null,
        DateOnly? VerifiedOn = null, string? VerifiedBy = null, int? ActivityId = null);

    public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([command], _ => string.Empty, cancellationToken))[0];

    /// <summary>Records several items in one transaction: all or, when any is refused, none; each problem names its row.</summary>
    public async Task<IReadOnlyList<int>> CreateManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rowLabel);
        user.Require(Area.Rectification, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = commands.Select(c => c.UnitCode).Distinct().ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        var added = new List<RectificationItem>();
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            var label = rowLabel(i);
            if (!units.TryGetValue(c.UnitCode, out var unitId))
            {
                problems.Add(new ValidationProblem(label + "责任单位", $"{label}责任单位“{c.UnitCode}”不存在或不在您的数据范围内。"));
                continue;
            }

            try
            {
                var item = new RectificationItem(unitId, c.Source, c.FoundOn, c.Details);
                Progress(item, c);
                if (c.ActivityId is { } activityId)
                {
                    if (!await db.Activities.AnyAsync(a => a.Id == activityId, cancellationToken))
                    {
                        throw new NotFoundException($"活动 {activityId} 不存在或不在您的数据范围内。");
                    }

                    item.LinkTo(null, null, null, activityId);
                }

                db.RectificationItems.Add(item);
                added.Add(item);
            }
            catch (DomainException e)
            {
                problems.Add(new ValidationProblem(label + "整改事项", label + e.Message));
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
        return [.. added.Select(a => a.Id)];
    }

    public async Task UpdateAsync(int id, RectificationDetails details, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Rectification, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await LoadAsync(db, id, cancellationToken)).Update(details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One move of the status machine; <paramref name="text"/> is the measure, the result, the verification note or the reason.</summary>
    public async Task ActAsync(int id, RectificationAction action, DateOnly? on, string? text, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Rectification, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, id, cancellationToken);
        var day = on ?? clock.Today();
        switch (action)
        {
            case RectificationAction.Start:
                item.Start(day, text);
                break;
            case RectificationAction.Complete:
                item.Complete(day, text ?? string.Empty);
                break;
            case RectificationAction.Verify:
                item.Verify(day, user.DisplayName, text);
                break;
            case RectificationAction.Reject:
                item.RejectVerification(text ?? string.Empty);
                break;
            default:
                throw new DomainException($"未知的整改操作“{action}”。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Rectification, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await LoadAsync(db, id, cancellationToken);
        if (item.Status == RectificationStatus.Verified)
        {
            throw new DomainException("已验收的整改事项不能删除。");
        }

        db.RegisterEvidence.RemoveRange(await db.RegisterEvidence.Where(f => f.Register == EvidenceRegister.Rectification && f.RecordId == id).ToListAsync(cancellationToken));
        db.RectificationItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Brings a new item to the status given, through the same moves a user makes.</summary>
    internal static void Progress(RectificationItem item, Command c)
    {
        if (c.Status == RectificationStatus.Open)
        {
            return;
        }

        if (!Enum.IsDefined(c.Status))
        {
            throw new DomainException($"状态“{(int)c.Status}”不正确。");
        }

        item.Start(c.FoundOn);
        if (c.Status == RectificationStatus.InProgress)
        {
            return;
        }

        item.Complete(c.RectifiedOn ?? throw new DomainException("已整改的事项须填写整改完成日期。"), c.Result ?? string.Empty);
        if (c.Status == RectificationStatus.Verified)
        {
            item.Verify(c.VerifiedOn ?? throw new DomainException("已验收的事项须填写验收日期。"), c.VerifiedBy ?? string.Empty, null);
        }
    }

    private static async Task<RectificationItem> LoadAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken) =>
        await db.RectificationItems.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException($"整改事项 {id} 不存在或不在您的数据范围内。");
}
