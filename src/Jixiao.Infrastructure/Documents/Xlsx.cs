using MiniExcelLibs;

namespace Jixiao.Infrastructure.Documents;

/// <summary>Excel export of lists: one sheet, Chinese column headers in the order given.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<(string Header, Func<T, object?> Value)> columns, string sheetName = "Sheet1")
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = rows.Select(row =>
        {
            var d = new Dictionary<string, object?>(columns.Count);
            foreach (var (header, value) in columns)
            {
                d[header] = value(row);
            }

            return d;
        });
        using var stream = new MemoryStream();
        if (!table.Any())
        {
            table = [columns.ToDictionary(c => c.Header, _ => (object?)null)];
        }

        stream.SaveAs(table, sheetName: sheetName);
        return stream.ToArray();
    }
}
