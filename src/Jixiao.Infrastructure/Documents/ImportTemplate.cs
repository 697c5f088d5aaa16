using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace Jixiao.Infrastructure.Documents;

/// <summary>Writes the template of an <see cref="ImportSpec{TRow}"/>.</summary>
internal static class ImportTemplate
{
    public const string InstructionsSheet = "填写说明";
    private const string ChoicesSheet = "下拉选项";

    /// <summary>Rows a drop-down list covers below the header.</summary>
    private const int ValidatedRows = 10_000;

    public static byte[] Write<TRow>(ImportSpec<TRow> spec)
        where TRow : new()
    {
        var columns = spec.Columns;
        var example = new Dictionary<string, object?>(columns.Count);
        foreach (var column in columns)
        {
            example[column.Required ? column.Header + "*" : column.Header] = column.Example;
        }

        var instructions = columns.Select((c, i) => new Dictionary<string, object?>
        {
            ["列"] = ImportCells.Letter(i),
            ["列名"] = c.Header,
            ["是否必填"] = c.Required ? "必填" : "选填",
            ["填写要求"] = c.Rules,
            ["说明"] = c.Help ?? "",
        }).ToList();
        instructions.Add(new() { ["列"] = "", ["列名"] = "", ["是否必填"] = "", ["填写要求"] = "", ["说明"] = "" });
        instructions.Add(new()
        {
            ["列"] = "",
            ["列名"] = "导入规则",
            ["是否必填"] = "",
            ["填写要求"] = $"表头请勿修改，带*的列必须填写；空行自动跳过；一次最多导入{spec.MaxRows:N0}行。",
            ["说明"] = "任何一行有错时整个文件都不导入，系统会列出每处错误所在的行和列，修改后重新上传即可。",
        });

        var sheets = new Dictionary<string, object>
        {
            [spec.SheetName] = new[] { example },
            [InstructionsSheet] = instructions,
        };
        var choiceColumns = columns.Select((c, i) => (Column: c, Index: i)).Where(x => x.Column.Choices.Count > 0).ToList();
        if (choiceColumns.Count > 0)
        {
            var longest = choiceColumns.Max(x => x.Column.Choices.Count);
            sheets[ChoicesSheet] = Enumerable.Range(0, longest).Select(r =>
                choiceColumns.ToDictionary(x => x.Column.Header, x => r < x.Column.Choices.Count ? (object?)x.Column.Choices[r] : null)).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        if (choiceColumns.Count > 0)
        {
            AddDropDowns(stream, spec.SheetName, choiceColumns.Select((x, k) => (x.Index, k, x.Column.Choices.Count)).ToList());
        }

        return stream.ToArray();
    }

    /// <summary>Adds list validations to the data sheet pointing at the hidden "下拉选项" sheet.</summary>
    private static void AddDropDowns(MemoryStream stream, string dataSheet, IReadOnlyList<(int Column, int ChoiceColumn, int Count)> lists)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var data = sheets.Single(s => s.Name == dataSheet);
        sheets.Single(s => s.Name == ChoicesSheet).State = SheetStateValues.Hidden;

        var worksheet = ((WorksheetPart)workbook.GetPartById(data.Id!)).Worksheet;
        var validations = new DataValidations();
        foreach (var (column, choiceColumn, count) in lists)
        {
            var letter = ImportCells.Letter(column);
            var source = ImportCells.Letter(choiceColumn);
            validations.Append(new DataValidation(new Formula1($"'{ChoicesSheet}'!${source}$2:${source}${count + 1}"))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = "请从列表中选择",
                Error = "请从下拉列表中选择一个值。",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{ValidatedRows + 1}" },
            });
        }

        validations.Count = (uint)lists.Count;
        // dataValidations must precede these elements in a worksheet (ECMA-376 element order).
        var after = worksheet.ChildElements.FirstOrDefault(e => e is Hyperlinks or PrintOptions or PageMargins or PageSetup
            or HeaderFooter or RowBreaks or ColumnBreaks or IgnoredErrors or Drawing or LegacyDrawing or TableParts or ExtensionList);
        if (after is null)
        {
            worksheet.Append(validations);
        }
        else
        {
            worksheet.InsertBefore(validations, after);
        }

        worksheet.Save();
    }
}
