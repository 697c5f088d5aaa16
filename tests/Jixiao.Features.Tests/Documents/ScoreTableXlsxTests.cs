using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>The score table as .xlsx, read back with the OpenXml SDK.</summary>
public sealed class ScoreTableXlsxTests
{
    private static readonly byte[] Bytes = ScoreTableXlsx.Write(SeedDocuments.ScoreTable());

    [Fact]
    public void Write_SeedProject_IsValidSpreadsheetWithOneSheet()
    {
        using var sheet = Sheet.Open(Bytes);
        sheet.Package.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Select(s => s.Name!.Value).ShouldBe(["自评表"]);
        OpenXmlChecks.ShouldBeSchemaValid(sheet.Package);
    }

    [Fact]
    public void Write_SeedProject_TitleAndHeaderRows()
    {
        using var sheet = Sheet.Open(Bytes);
        sheet.Text("A1").ShouldBe("项目支出绩效自评表");
        sheet.Text("A2").ShouldBe("（2023年度）");
        var nameRow = sheet.RowOf("项目名称");
        sheet.Text($"B{nameRow}").ShouldBe("法治政府建设工作经费");
        var deptRow = sheet.RowOf("主管部门");
        sheet.Text($"B{deptRow}").ShouldBe("江门市司法局");
        sheet.Text($"E{deptRow}").ShouldBe("实施单位");
        sheet.Text($"F{deptRow}").ShouldBe("江门市司法局");
        var personRow = sheet.RowOf("项目负责人");
        sheet.Text($"E{personRow}").ShouldBe("联系电话");
        sheet.Text($"F{personRow}").ShouldBe("0750-3501234");
    }

    [Fact]
    public void Write_PersonAndPhoneUnknown_LeavesOutThatRow()
    {
        using var sheet = Sheet.Open(ScoreTableXlsx.Write(SeedDocuments.ScoreTable() with { ResponsiblePerson = null, Phone = null }));
        sheet.RowOf("主管部门").ShouldBe(4U);
        sheet.RowOf("项目资金（万元）").ShouldBe(5U);
        sheet.HasText("项目负责人").ShouldBeFalse();
        sheet.HasText("联系电话").ShouldBeFalse();
    }

    [Fact]
    public void Write_SeedProject_FundsInWanYuanAsNumbers()
    {
        using var sheet = Sheet.Open(Bytes);
        var header = sheet.RowOf("项目资金（万元）");
        string[] headers = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
        headers.Select((h, i) => sheet.Text($"{(char)('C' + i)}{header}")).ShouldBe(headers);

        var total = sheet.RowOf("年度资金总额");
        sheet.Displayed($"C{total}").ShouldBe("164.00");
        sheet.Displayed($"D{total}").ShouldBe("93.79");
        sheet.Displayed($"E{total}").ShouldBe("93.79");
        sheet.Displayed($"F{total}").ShouldBe("10");
        sheet.Displayed($"G{total}").ShouldBe("100.00%");
        sheet.Displayed($"H{total}").ShouldBe("10.00");
        sheet.Cell($"C{total}").DataType?.Value.ShouldNotBe(CellValues.SharedString);

        var appropriation = sheet.RowOf("其中：本年财政拨款");
        sheet.Displayed($"C{appropriation}").ShouldBe("164.00");
        sheet.Displayed($"F{appropriation}").ShouldBe("—");
        sheet.Displayed($"H{appropriation}").ShouldBe("—");
        var other = sheet.RowOf("其他资金");
        sheet.Displayed($"C{other}").ShouldBe("0.00");
        sheet.Displayed($"G{other}").ShouldBe("—");
        sheet.Merges.ShouldContain($"A{header}:A{other}");
    }

    [Fact]
    public void Write_SeedProject_EveryIndicatorInItsRow()
    {
        using var sheet = Sheet.Open(Bytes);
        foreach (var indicator in SeedDocuments.ScoreTable().Indicators)
        {
            var row = sheet.RowOf(indicator.Name);
            sheet.Text($"C{row}").ShouldBe(indicator.Name);
            sheet.Text($"D{row}").ShouldBe(indicator.TargetText);
            sheet.Text($"E{row}").ShouldBe(indicator.ActualText);
            sheet.Number($"F{row}").ShouldBe(indicator.Points);
            sheet.Number($"G{row}").ShouldBe(indicator.Score);
            sheet.Displayed($"G{row}").ShouldBe(indicator.Score.ToString("0.00", CultureInfo.InvariantCulture));
            sheet.Text($"H{row}").ShouldBe(indicator.Deviation ?? "");
        }
    }

    [Fact]
    public void Write_SeedProject_LevelOneAndTwoMergedOverTheirRows()
    {
        using var sheet = Sheet.Open(Bytes);
        var first = sheet.RowOf("审核市级规范性文件数量");
        var quality = sheet.RowOf("行政复议案件调撤率");
        var timeliness = sheet.RowOf("立法工作完成及时率");
        var benefit = sheet.RowOf("法治广东建设考评等次");
        var satisfaction = sheet.RowOf("服务对象满意度");

        sheet.Text($"A{first}").ShouldBe("产出指标");
        sheet.Text($"B{first}").ShouldBe("数量指标");
        sheet.Text($"A{benefit}").ShouldBe("效益指标");
        sheet.Merges.ShouldContain($"A{first}:A{timeliness}");
        sheet.Merges.ShouldContain($"B{first}:B{quality - 1}");
        sheet.Merges.ShouldContain($"A{benefit}:A{benefit + 1}");
        sheet.Merges.ShouldContain($"B{benefit}:B{benefit + 1}");
        sheet.Merges.ShouldNotContain(m => m.StartsWith($"B{quality}:", StringComparison.Ordinal) || m.StartsWith($"A{satisfaction}:", StringComparison.Ordinal));
        sheet.Text($"B{quality}").ShouldBe("质量指标");
        sheet.Text($"A{satisfaction}").ShouldBe("满意度指标");
    }

    [Fact]
    public void Write_SeedProject_TotalRowWithScoreAndGrade()
    {
        using var sheet = Sheet.Open(Bytes);
        var total = sheet.RowOf("总分");
        total.ShouldBe(sheet.LastRow);
        sheet.Merges.ShouldContain($"A{total}:E{total}");
        sheet.Displayed($"F{total}").ShouldBe("100");
        sheet.Displayed($"G{total}").ShouldBe("98.00");
        sheet.Text($"H{total}").ShouldBe("等级：优");
    }

    [Fact]
    public void Write_SeedProject_PrintsOnA4LandscapeOnePageWide()
    {
        using var sheet = Sheet.Open(Bytes);
        var setup = sheet.Worksheet.GetFirstChild<PageSetup>().ShouldNotBeNull();
        setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape);
        setup.PaperSize!.Value.ShouldBe(9U);
        setup.FitToWidth!.Value.ShouldBe(1U);
        setup.FitToHeight!.Value.ShouldBe(0U);
        sheet.Worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue();
        sheet.Worksheet.GetFirstChild<PrintOptions>().ShouldNotBeNull();
        var fonts = sheet.Package.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>();
        fonts.ShouldAllBe(f => f.FontName!.Val! == "宋体");
    }

    [Fact]
    public void Write_SeedProject_CellsInsideTheTableHaveBorders()
    {
        using var sheet = Sheet.Open(Bytes);
        var styles = sheet.Package.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var borders = styles.Borders!.Elements<Border>().ToList();
        var header = sheet.RowOf("项目名称");
        foreach (var row in sheet.Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value >= header))
        {
            row.Elements<Cell>().Count().ShouldBe(8);
            foreach (var cell in row.Elements<Cell>())
            {
                var format = formats[(int)cell.StyleIndex!.Value];
                borders[(int)format.BorderId!.Value].LeftBorder!.Style!.Value.ShouldBe(BorderStyleValues.Thin);
                format.Alignment!.WrapText!.Value.ShouldBeTrue();
            }
        }
    }

    /// <summary>The sheet of a written workbook, with cell values as a spreadsheet application would show them.</summary>
    private sealed class Sheet : IDisposable
    {
        private readonly MemoryStream stream;
        private readonly List<string> strings;
        private readonly Dictionary<string, Cell> cells;
        private readonly List<CellFormat> formats;

        private Sheet(byte[] bytes)
        {
            stream = new MemoryStream(bytes);
            Package = SpreadsheetDocument.Open(stream, false);
            var workbook = Package.WorkbookPart!;
            Worksheet = workbook.WorksheetParts.Single().Worksheet;
            strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            cells = Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            Merges = Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        }

        public SpreadsheetDocument Package { get; }

        public Worksheet Worksheet { get; }

        public IReadOnlyList<string> Merges { get; }

        public uint LastRow => Worksheet.Descendants<Row>().Max(r => r.RowIndex!.Value);

        public static Sheet Open(byte[] bytes) => new(bytes);

        public Cell Cell(string reference) => cells[reference];

        public string Text(string reference)
        {
            var cell = cells[reference];
            cell.DataType?.Value.ShouldBe(CellValues.SharedString, $"{reference} is text");
            return cell.CellValue is null ? "" : strings[int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)];
        }

        public decimal Number(string reference)
        {
            var cell = cells[reference];
            (cell.DataType is null || cell.DataType.Value == CellValues.Number).ShouldBeTrue($"{reference} is a number");
            return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        /// <summary>The value formatted with the cell's number format (General, 0.00 or 0.00%).</summary>
        public string Displayed(string reference)
        {
            var cell = cells[reference];
            if (cell.DataType?.Value == CellValues.SharedString)
            {
                return Text(reference);
            }

            var value = Number(reference);
            return formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value switch
            {
                2 => value.ToString("0.00", CultureInfo.InvariantCulture),
                10 => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
                0 => value.ToString("0.##########", CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"{reference}: unexpected number format {other}"),
            };
        }

        public bool HasText(string text) => strings.Contains(text);

        /// <summary>Row number of the only cell holding <paramref name="text"/>.</summary>
        public uint RowOf(string text)
        {
            var index = strings.IndexOf(text);
            index.ShouldBeGreaterThanOrEqualTo(0, text);
            var matches = cells.Values.Where(c => c.DataType?.Value == CellValues.SharedString && c.CellValue?.Text == index.ToString(CultureInfo.InvariantCulture)).ToList();
            matches.Count.ShouldBe(1, text);
            return ((Row)matches[0].Parent!).RowIndex!.Value;
        }

        public void Dispose()
        {
            Package.Dispose();
            stream.Dispose();
        }
    }
}
