using Jixiao.Domain.Organization;

namespace Jixiao.Features.Ledgers;

/// <summary>
/// A register (台账) that can be imported from and exported to Excel the same way everywhere: the command line
/// (<c>jixiao import NAME FILE</c>, <c>jixiao export NAME …</c>), the download endpoints
/// (<c>/export/ledgers/NAME.xlsx</c>, <c>/export/ledgers/NAME/template.xlsx</c>) and the pages' import buttons.
/// </summary>
public interface ILedger
{
    /// <summary>The command-line and URL name, e.g. <c>reconsideration</c>, <c>litigation</c>.</summary>
    string Name { get; }

    /// <summary>The Chinese name of the records, e.g. 行政复议申请.</summary>
    string Title { get; }

    Area Area { get; }

    /// <summary>The blank import template with an example row.</summary>
    byte[] Template();

    /// <summary>
    /// Imports every row or none: a <see cref="Domain.ValidationException"/> names each problem's sheet, row and
    /// column; the number of records written otherwise.
    /// </summary>
    Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken);

    /// <summary>The records of a unit (or all in scope) and a year (or all), personal data masked as the role requires.</summary>
    Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken);
}

/// <summary>The registered ledgers by name.</summary>
public sealed class Ledgers(IEnumerable<ILedger> ledgers)
{
    public IReadOnlyList<ILedger> All { get; } = [.. ledgers.OrderBy(l => l.Area).ThenBy(l => l.Name, StringComparer.Ordinal)];

    /// <exception cref="Domain.NotFoundException">No ledger of that name; the message lists the names.</exception>
    public ILedger Get(string name) => All.FirstOrDefault(l => l.Name == name)
        ?? throw new Domain.NotFoundException($"没有名为“{name}”的台账。可用：{string.Join("、", All.Select(l => l.Name))}。");
}
