using Jixiao.Domain;
using Jixiao.Domain.Assessment;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Assessment;

/// <summary>The province's assessment of the city by year (法治广东建设考评结果): list and record.</summary>
public sealed class ProvincialResults(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public sealed record Row(int Id, string UnitName, int Year, AssessmentGrade Grade, int? Rank, string? Note)
    {
        public string GradeName => AssessmentRules.GradeName(Grade);
    }

    public async Task<IReadOnlyList<Row>> ListAsync(IReadOnlyList<int>? ids = null, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.ProvincialAssessments.AsNoTracking();
        if (ids is not null)
        {
            q = q.Where(p => ids.Contains(p.Id));
        }

        return await q.OrderByDescending(p => p.Year)
            .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new Row(p.Id, u.Name, p.Year, p.Grade, p.Rank, p.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records or corrects the result of a year.</summary>
    public async Task SaveAsync(string unitCode, int year, AssessmentGrade grade, int? rank, string? note, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"单位“{unitCode}”不存在或不在您的数据范围内。");
        var existing = await db.ProvincialAssessments.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Year == year, cancellationToken);
        if (existing is null)
        {
            db.ProvincialAssessments.Add(new ProvincialAssessment(unit.Id, year, grade, rank, note));
        }
        else
        {
            existing.Change(grade, rank, note);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ProvincialAssessments.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("考评结果不存在。");
        db.ProvincialAssessments.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
