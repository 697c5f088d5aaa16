using Jixiao.Domain;
using MiniExcelLibs;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// How one ledger is imported from .xlsx: the sheet, its columns and limits. Gives the template to
/// download and reads a filled-in file all-or-nothing.
/// </summary>
/// <example>
/// <code>
/// var spec = new ImportSpec&lt;Row&gt;("支出明细",
/// [
///     ImportColumn&lt;Row&gt;.Date("日期", (r, v) => r.Date = v, required: true),
///     ImportColumn&lt;Row&gt;.Amount("金额", (r, v) => r.Amount = v, required: true, min: 0.01m),
/// ]);
/// var result = spec.Read(upload.OpenReadStream(), upload.Length);
/// result.ThrowIfFailed();
/// </code>
/// </example>
public sealed class ImportSpec<TRow>
    where TRow : new()
{
    private const int HeaderSearchRows = 10;
    private readonly Dictionary<string, int> columnByHeader;

    public ImportSpec(string sheetName, IReadOnlyList<ImportColumn<TRow>> columns, int maxRows = 200_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        if (columns.Count == 0)
        {
            throw new ArgumentException("导入至少需要一列。", nameof(columns));
        }

        SheetName = sheetName;
        Columns = columns;
        MaxRows = maxRows;
        columnByHeader = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!columnByHeader.TryAdd(columns[i].Header, i))
            {
                throw new ArgumentException($"列“{columns[i].Header}”重复。", nameof(columns));
            }
        }
    }

    public string SheetName { get; }

    public IReadOnlyList<ImportColumn<TRow>> Columns { get; }

    /// <summary>Most data rows one file may hold; more is refused as a whole, to be split by the user.</summary>
    public int MaxRows { get; }

    /// <summary>Largest accepted file, in bytes (default 50 MB).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>After this many problems reading stops; the user fixes them first.</summary>
    public int MaxProblems { get; init; } = 1000;

    /// <summary>
    /// Cross-field rules of one row, run only when all its cells parsed. Each problem names the header
    /// of the column it is about (or an empty string for the row as a whole) and a Chinese message.
    /// </summary>
    public Func<TRow, IEnumerable<(string Column, string Message)>>? RowRule { get; init; }

    /// <summary>The template: the data sheet with headers (required ones marked *) and one example row, and "填写说明".</summary>
    public byte[] Template() => ImportTemplate.Write(this);

    /// <summary>
    /// Reads the data sheet. Either every row is valid and all are returned, or no row is returned
    /// and every problem is listed (up to <see cref="MaxProblems"/>). Never throws for a bad file.
    /// </summary>
    /// <param name="xlsx">The uploaded file; read once, not disposed.</param>
    /// <param name="length">Size of the upload when known (e.g. from the HTTP request), checked before reading.</param>
    public ImportResult<TRow> Read(Stream xlsx, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        var reading = new Reading(this);
        var file = reading.Open(xlsx, length);
        if (file is null)
        {
            return reading.Result();
        }

        using (file == xlsx ? null : file)
        {
            reading.ReadSheet(file);
        }

        return reading.Result();
    }

    /// <summary>State of one read: problems, warnings and the rows so far.</summary>
    private sealed class Reading(ImportSpec<TRow> spec)
    {
        private readonly List<ImportProblem> problems = [];
        private readonly List<string> warnings = [];
        private List<TRow> rows = [];
        private string sheet = spec.SheetName;
        private bool stopped;

        public ImportResult<TRow> Result() =>
            problems.Count == 0 ? new(rows, problems, warnings) : new([], problems, warnings);

        /// <summary>Checks size and signature; returns a seekable stream at the start of the file, or null after a problem.</summary>
        public Stream? Open(Stream xlsx, long? length)
        {
            var size = length ?? (xlsx.CanSeek ? xlsx.Length - xlsx.Position : (long?)null);
            if (size > spec.MaxFileBytes)
            {
                return FileProblem($"文件过大（{Megabytes(size.Value)}），不能超过{Megabytes(spec.MaxFileBytes)}，请分批导入");
            }

            var file = xlsx;
            if (!xlsx.CanSeek || xlsx.Position != 0)
            {
                file = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = xlsx.Read(buffer)) > 0)
                {
                    if (file.Length + read > spec.MaxFileBytes)
                    {
                        file.Dispose();
                        return FileProblem($"文件过大，不能超过{Megabytes(spec.MaxFileBytes)}，请分批导入");
                    }

                    file.Write(buffer, 0, read);
                }

                file.Position = 0;
            }

            Span<byte> head = stackalloc byte[4];
            var got = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            file.Position = 0;
            string? problem = got switch
            {
                0 => "文件是空的",
                < 4 => "文件不是 Excel .xlsx 文件",
                _ when head.SequenceEqual("PK\u0003\u0004"u8) => null,
                _ when head.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) =>
                    "文件是旧版 .xls 格式或设置了打开密码，请在 Excel 中另存为不加密的 .xlsx 文件后再导入",
                _ => "文件不是 Excel .xlsx 文件，请使用导入模板填写后上传",
            };
            if (problem is null)
            {
                return file;
            }

            if (file != xlsx)
            {
                file.Dispose();
            }

            return FileProblem(problem);
        }

        public void ReadSheet(Stream file)
        {
            if (!ChooseSheet(file))
            {
                return;
            }

            file.Position = 0;
            IEnumerator<object> cells;
            try
            {
                cells = file.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).GetEnumerator();
            }
            catch (Exception e)
            {
                FileProblem(Damaged(e));
                return;
            }

            using (cells)
            {
                ReadRows(cells);
            }
        }

        private bool ChooseSheet(Stream file)
        {
            List<string> names;
            try
            {
                names = MiniExcel.GetSheetNames(file);
            }
            catch (Exception e)
            {
                FileProblem(Damaged(e));
                return false;
            }

            if (names.Count == 0)
            {
                FileProblem("工作簿中没有工作表");
                return false;
            }

            var wanted = ImportCells.Canonical(spec.SheetName);
            var found = names.FirstOrDefault(n => ImportCells.Canonical(n) == wanted);
            if (found is null)
            {
                found = names[0];
                warnings.Add($"未找到工作表“{spec.SheetName}”，已读取第一个工作表“{found}”");
            }

            sheet = found;
            return true;
        }

        private void ReadRows(IEnumerator<object> cells)
        {
            var rowNumber = 0;
            Dictionary<string, int>? letterToColumn = null;
            var dataRows = 0;
            var anyContent = false;
            while (!stopped)
            {
                IDictionary<string, object?> cellsOfRow;
                try
                {
                    if (!cells.MoveNext())
                    {
                        break;
                    }

                    cellsOfRow = (IDictionary<string, object?>)cells.Current;
                }
                catch (Exception e)
                {
                    Add(new ImportProblem(sheet, 0, "", "", Damaged(e) + (rowNumber > 0 ? $"（读到第{rowNumber}行附近）" : "")));
                    return;
                }

                rowNumber++;
                if (cellsOfRow.Values.All(ImportCells.IsBlank))
                {
                    continue;
                }

                anyContent = true;
                if (letterToColumn is null)
                {
                    letterToColumn = MatchHeader(cellsOfRow, rowNumber);
                    if (letterToColumn is null && rowNumber >= HeaderSearchRows)
                    {
                        break;
                    }

                    continue;
                }

                if (++dataRows > spec.MaxRows)
                {
                    Add(new ImportProblem(sheet, rowNumber, "", "", $"数据超过{spec.MaxRows:N0}行的上限，请分批导入"));
                    return;
                }

                ReadRow(cellsOfRow, letterToColumn, rowNumber);
            }

            if (stopped)
            {
                return;
            }

            if (!anyContent)
            {
                Add(new ImportProblem(sheet, 0, "", "", "工作表是空的，请使用导入模板填写后上传"));
            }
            else if (letterToColumn is null)
            {
                var expected = string.Join("、", spec.Columns.Select(c => c.Required ? c.Header + "*" : c.Header));
                Add(new ImportProblem(sheet, 1, "", "", $"未找到表头，第一行应为：{expected}（请使用导入模板）"));
            }
            else if (dataRows == 0 && problems.Count == 0)
            {
                Add(new ImportProblem(sheet, 0, "", "", "没有可导入的数据行"));
            }
        }

        /// <summary>Maps column letters to spec columns if this row holds at least one known header; reports missing and extra columns.</summary>
        private Dictionary<string, int>? MatchHeader(IDictionary<string, object?> cellsOfRow, int rowNumber)
        {
            var headers = cellsOfRow
                .Where(kv => !ImportCells.IsBlank(kv.Value))
                .Select(kv => (Letter: kv.Key, Header: ImportCells.NormalizeHeader(ImportCells.AsText(kv.Value!))))
                .ToList();
            if (!headers.Any(h => spec.columnByHeader.ContainsKey(h.Header)))
            {
                return null;
            }

            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            var letterOf = new Dictionary<int, string>();
            foreach (var (letter, header) in headers)
            {
                if (!spec.columnByHeader.TryGetValue(header, out var index))
                {
                    warnings.Add($"第{rowNumber}行 {letter}列（{header}）：不是模板中的列，已忽略");
                }
                else if (letterOf.TryGetValue(index, out var first))
                {
                    Add(new ImportProblem(sheet, rowNumber, letter, header, $"列重复，已在{first}列出现"));
                }
                else
                {
                    letterOf[index] = letter;
                    map[letter] = index;
                }
            }

            foreach (var column in spec.Columns.Where((c, i) => c.Required && !letterOf.ContainsKey(i)))
            {
                Add(new ImportProblem(sheet, rowNumber, "", column.Header, $"缺少必填列“{column.Header}”"));
            }

            if (problems.Count > 0)
            {
                stopped = true;
            }

            return map;
        }

        private void ReadRow(IDictionary<string, object?> cellsOfRow, Dictionary<string, int> letterToColumn, int rowNumber)
        {
            var row = new TRow();
            var valid = true;
            foreach (var (letter, index) in letterToColumn)
            {
                var column = spec.Columns[index];
                cellsOfRow.TryGetValue(letter, out var cell);
                string? error;
                if (ImportCells.IsBlank(cell))
                {
                    error = column.Required ? "必填，不能为空" : null;
                }
                else
                {
                    error = column.Apply(row, cell!);
                }

                if (error is not null)
                {
                    valid = false;
                    Add(new ImportProblem(sheet, rowNumber, letter, column.Header, error));
                }
            }

            if (valid && spec.RowRule is { } rule)
            {
                foreach (var (header, message) in rule(row))
                {
                    valid = false;
                    var name = ImportCells.NormalizeHeader(header);
                    var letter = spec.columnByHeader.TryGetValue(name, out var index)
                        ? letterToColumn.FirstOrDefault(kv => kv.Value == index).Key ?? ""
                        : "";
                    Add(new ImportProblem(sheet, rowNumber, letter, name, message));
                }
            }

            if (valid && problems.Count == 0)
            {
                rows.Add(row);
            }
        }

        private void Add(ImportProblem problem)
        {
            if (problems.Count == 0)
            {
                rows = [];
            }

            if (problems.Count >= spec.MaxProblems)
            {
                problems.Add(new ImportProblem(sheet, 0, "", "", $"错误超过{spec.MaxProblems}处，已停止检查，请修正以上错误后重新导入"));
                stopped = true;
                return;
            }

            problems.Add(problem);
        }

        private Stream? FileProblem(string message)
        {
            problems.Add(new ImportProblem(sheet, 0, "", "", message));
            return null;
        }

        private static string Damaged(Exception e) =>
            $"文件已损坏或不是有效的 .xlsx 文件，无法读取（{e.GetType().Name}）";

        private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
    }
}

/// <summary>
/// One problem of an import. <see cref="Row"/> is the Excel row number as the user sees it (0 for the
/// file or sheet as a whole); <see cref="Column"/> is the column letter ("" when not about one column).
/// </summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Header, string Message)
{
    /// <summary>Where the problem is, as Excel names a cell or row: "支出明细!C5", "支出明细!5:5" or "支出明细".</summary>
    public string Field => (Row, Column) switch
    {
        ( > 0, not "") => $"{Sheet}!{Column}{Row}",
        ( > 0, _) => $"{Sheet}!{Row}:{Row}",
        _ => Sheet,
    };

    /// <summary>The problem as shown to the user, e.g. "第5行 C列（金额）：应为数字，实际为“abc”".</summary>
    public override string ToString()
    {
        var where = (Row, Column, Header) switch
        {
            ( > 0, not "", _) => $"第{Row}行 {Column}列（{Header}）：",
            ( > 0, "", not "") => $"第{Row}行（{Header}）：",
            ( > 0, _, _) => $"第{Row}行：",
            _ => "",
        };
        return where + Message;
    }
}

/// <summary>The outcome of an import: all rows and no problems, or no rows and every problem found.</summary>
public sealed record ImportResult<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Throws a <see cref="ValidationException"/> naming each problem's cell ("Sheet!C5") when the import failed.</summary>
    public void ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw new ValidationException(Problems.Select(p => new ValidationProblem(p.Field, p.ToString())).ToList());
        }
    }
}
