using Jixiao.Domain.Organization;
using Jixiao.Features.Ledgers;

namespace Jixiao.Features.Reconsideration;

/// <summary>The reconsideration register as an <see cref="ILedger"/>: applications in, the register (by year received) out.</summary>
public sealed class ReconsiderationLedger(ImportCases import, ListCases list) : ILedger
{
    public string Name => "reconsideration";

    public string Title => "行政复议申请";

    public Area Area => Area.Reconsideration;

    public byte[] Template() => ImportCases.Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken) =>
        (await import.HandleAsync(xlsx, length, cancellationToken)).Count;

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListCases.Query(
            UnitCode: unitCode,
            ReceivedFrom: year is { } from ? new DateOnly(from, 1, 1) : null,
            ReceivedTo: year is { } to ? new DateOnly(to, 12, 31) : null), cancellationToken);
}
