using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>The advisory expert pools (依法治市咨询专家库) and their members: list, appoint, leave, export. Phones are masked in lists and exports.</summary>
public sealed class ExpertPools(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Row(int Id, string Pool, string UnitName, string Name, string Organization, string? Title, string? Field, string? Phone, DateOnly AppointedOn, DateOnly? LeftOn);

    public sealed record Query(string? Pool = null, bool CurrentOnly = false, IReadOnlyList<int>? Ids = null, string? UnitCode = null);

    public async Task<IReadOnlyList<Row>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pools = await db.ExpertPools.AsNoTracking().Include(p => p.Members)
            .Where(p => query.Pool == null || p.Name == query.Pool)
            .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { Pool = p, u.Name, u.Code })
            .Where(x => query.UnitCode == null || x.Code == query.UnitCode)
            .ToListAsync(cancellationToken);
        var rows = pools.SelectMany(x => x.Pool.Members.Select(m => new Row(m.Id, x.Pool.Name, x.Name, m.Name, m.Organization, m.Title, m.Field, m.Phone, m.AppointedOn, m.LeftOn)));
        return [.. rows
            .Where(r => !query.CurrentOnly || r.LeftOn is null)
            .Where(r => query.Ids is null || query.Ids.Contains(r.Id))
            .OrderBy(r => r.Pool, StringComparer.Ordinal).ThenBy(r => r.AppointedOn).ThenBy(r => r.Id)
            .Select(r => r with { Phone = Masking.MaskPhone(r.Phone) })];
    }

    public async Task<IReadOnlyList<string>> PoolNamesAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExpertPools.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(cancellationToken);
    }

    public sealed record Appointment(string UnitCode, string Pool, string Name, string Organization, string? Title, string? Field, string? Phone, DateOnly AppointedOn);

    /// <summary>Appoints experts, creating the pool on first use (set up on the earliest appointment day); all or none.</summary>
    public async Task<int> AppointAsync(IReadOnlyList<Appointment> appointments, Func<int, string>? label = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < appointments.Count; i++)
        {
            var a = appointments[i];
            var prefix = label?.Invoke(i) ?? string.Empty;
            try
            {
                var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == a.UnitCode, cancellationToken)
                    ?? throw new NotFoundException($"单位“{a.UnitCode}”不存在或不在您的数据范围内。");
                var pool = await db.ExpertPools.Include(p => p.Members).FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Name == a.Pool, cancellationToken)
                    ?? db.ExpertPools.Local.FirstOrDefault(p => p.UnitId == unit.Id && p.Name == a.Pool);
                if (pool is null)
                {
                    pool = new Domain.Assessment.ExpertPool(unit.Id, a.Pool, appointments.Where(x => x.Pool == a.Pool).Min(x => x.AppointedOn));
                    db.ExpertPools.Add(pool);
                }

                pool.Appoint(a.Name, a.Organization, a.Title, a.Field, a.Phone, a.AppointedOn);
            }
            catch (DomainException e)
            {
                problems.Add(new ValidationProblem(prefix + "专家", prefix + e.Message));
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
        return appointments.Count;
    }

    /// <summary>Records that an expert left the pool (出库).</summary>
    public async Task LeaveAsync(int expertId, DateOnly on, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pool = await db.ExpertPools.Include(p => p.Members).FirstOrDefaultAsync(p => p.Members.Any(m => m.Id == expertId), cancellationToken)
            ?? throw new NotFoundException("专家不存在或不在您的数据范围内。");
        pool.Members.First(m => m.Id == expertId).Leave(on);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(query, cancellationToken);
        return Xlsx.Write(rows,
        [
            ("专家库", r => r.Pool),
            ("所属单位", r => r.UnitName),
            ("姓名", r => r.Name),
            ("工作单位", r => r.Organization),
            ("职称职务", r => r.Title),
            ("专业领域", r => r.Field),
            ("联系电话", r => r.Phone),
            ("聘任日期", r => r.AppointedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("出库日期", r => r.LeftOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ], "专家库");
    }
}
