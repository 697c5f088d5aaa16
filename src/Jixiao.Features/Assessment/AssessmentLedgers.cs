using Jixiao.Domain.Organization;
using Jixiao.Features.Ledgers;

namespace Jixiao.Features.Assessment;

/// <summary>The county assessment scores as an <see cref="ILedger"/> (<c>assessment-scores</c>): by year of the scheme.</summary>
public sealed class AssessmentScoresLedger(ImportScores scores) : ILedger
{
    public string Name => "assessment-scores";

    public string Title => "法治建设考评得分";

    public Area Area => Area.Assessment;

    public byte[] Template() => ImportScores.Spec.Template();

    public Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken) => scores.HandleAsync(xlsx, length, cancellationToken);

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) => scores.ExportAsync(unitCode, year, cancellationToken);
}

/// <summary>The expert pools' members as an <see cref="ILedger"/> (<c>assessment-experts</c>): those serving in the year, if given.</summary>
public sealed class ExpertsLedger(ImportExperts import, ExpertPools pools) : ILedger
{
    public string Name => "assessment-experts";

    public string Title => "依法治市咨询专家";

    public Area Area => Area.Assessment;

    public byte[] Template() => ImportExperts.Spec.Template();

    public Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken) => import.HandleAsync(xlsx, length, cancellationToken);

    public async Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken)
    {
        var rows = await pools.ListAsync(new ExpertPools.Query(), cancellationToken);
        var ids = rows.Where(r => year is null || (r.AppointedOn.Year <= year && (r.LeftOn is null || r.LeftOn.Value.Year >= year))).Select(r => r.Id).ToList();
        return await pools.ExportAsync(new ExpertPools.Query(Ids: ids, UnitCode: unitCode), cancellationToken);
    }
}
