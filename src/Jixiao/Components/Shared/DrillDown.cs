using Jixiao.Domain;
using Jixiao.Features.Metrics;
using Microsoft.AspNetCore.Components;

namespace Jixiao.Components.Shared;

/// <summary>A list page opened from a statistics figure (<c>?metric=KEY&amp;unit=…</c>): the records behind it and a caption.</summary>
public sealed record DrillDown(IReadOnlyList<int> Ids, string Caption)
{
    /// <summary>The download link of a ledger's Excel export for a unit and year (both optional).</summary>
    public static string LedgerExport(string ledger, string? unitCode, int? year) =>
        $"export/ledgers/{ledger}.xlsx" + (unitCode, year) switch
        {
            (null or "", null) => "",
            (null or "", { } y) => $"?year={y}",
            ({ } u, null) => $"?unit={Uri.EscapeDataString(u)}",
            ({ } u, { } y) => $"?unit={Uri.EscapeDataString(u)}&year={y}",
        };

    /// <summary>The figure's records, null when the page was not opened from a figure; a bad link gives no records and says why.</summary>
    public static async Task<DrillDown?> ReadAsync(NavigationManager navigation, MetricCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(catalogue);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        if (!parameters.ContainsKey("metric"))
        {
            return null;
        }

        try
        {
            var records = await catalogue.RecordsAsync(parameters);
            return new DrillDown(records.RecordIds, records.Caption);
        }
        catch (DomainException ex)
        {
            return new DrillDown([], ex.Message);
        }
    }
}
