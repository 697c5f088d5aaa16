using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// The score table (项目支出绩效自评表) as an .xlsx: one sheet "自评表", printable on A4 landscape one page
/// wide, merged cells as on the paper form, figures as numeric cells with number formats.
/// </summary>
public static class ScoreTableXlsx
{
    public const string ContentType = Xlsx.ContentType;
    public const string SheetName = "自评表";
    private const string FontName = "宋体";

    // Number formats built into every spreadsheet application: 0 General, 2 "0.00", 10 "0.00%".
    private const uint GeneralFormat = 0;
    private const uint TwoDecimalsFormat = 2;
    private const uint PercentFormat = 10;

    /// <summary>Writes the table; the bytes are a complete .xlsx package.</summary>
    public static byte[] Write(ScoreTableDocument document)
    {
        var layout = ScoreTableLayout.Build(document);
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            package.PackageProperties.Title = $"{document.ProjectName} 项目支出绩效自评表（{document.Year}年度）";
            var workbookPart = package.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var strings = new SharedStrings();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = Sheet(layout, strings);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = strings.Table();
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Name = SheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{SheetName}'!$A$1:$H${layout.RowCount}") { Name = "_xlnm.Print_Area", LocalSheetId = 0U }));
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(ScoreTableLayout layout, SharedStrings strings)
    {
        var grid = layout.Grid();
        var sheetData = new SheetData();
        for (var r = 0; r < layout.RowCount; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1), CustomHeight = true, Height = RowHeight(layout, r) };
            for (var c = 0; c < ScoreTableLayout.ColumnCount; c++)
            {
                if (grid[r, c] is not { } cell)
                {
                    continue;
                }

                var xlCell = new Cell { CellReference = Reference(r, c), StyleIndex = StyleOf(cell.Kind) };
                if (cell.Row == r && cell.Column == c)
                {
                    if (cell.Number is { } number)
                    {
                        xlCell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                        xlCell.DataType = CellValues.Number;
                    }
                    else if (cell.Text.Length > 0)
                    {
                        xlCell.CellValue = new CellValue(strings.IndexOf(cell.Text).ToString(CultureInfo.InvariantCulture));
                        xlCell.DataType = CellValues.SharedString;
                    }
                }

                row.Append(xlCell);
            }

            sheetData.Append(row);
        }

        var merges = layout.Cells
            .Where(c => c.RowSpan > 1 || c.ColumnSpan > 1)
            .Select(c => new MergeCell { Reference = $"{Reference(c.Row, c.Column)}:{Reference(c.Row + c.RowSpan - 1, c.Column + c.ColumnSpan - 1)}" })
            .ToList();

        var columns = new Columns(ScoreTableLayout.ColumnWidths.Select((w, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));

        // Child order follows CT_Worksheet: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData,
        // mergeCells, printOptions, pageMargins, pageSetup, headerFooter.
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{Reference(layout.RowCount - 1, ScoreTableLayout.ColumnCount - 1)}" },
            new SheetViews(new SheetView { WorkbookViewId = 0U, ShowGridLines = false, TabSelected = true }),
            new SheetFormatProperties { DefaultRowHeight = 14.25 },
            columns,
            sheetData,
            new MergeCells(merges) { Count = (uint)merges.Count },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.59, Right = 0.59, Top = 0.59, Bottom = 0.59, Header = 0.31, Footer = 0.31 },
            new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U },
            new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
    }

    /// <summary>
    /// Row heights in points, estimated from the text that wraps in each cell: spreadsheet applications do not
    /// all re-measure wrapped rows when a file opens, so the height is written.
    /// </summary>
    private static double RowHeight(ScoreTableLayout layout, int r)
    {
        const double lineHeight = 14.25;
        var lines = 1;
        foreach (var cell in layout.Cells.Where(c => c.Row == r && c.RowSpan == 1))
        {
            if (cell.Kind == ScoreCellKind.Title)
            {
                return 36;
            }

            if (cell.Kind == ScoreCellKind.Subtitle)
            {
                return 22;
            }

            var width = ScoreTableLayout.ColumnWidths.Skip(cell.Column).Take(cell.ColumnSpan).Sum() - 1;
            lines = Math.Max(lines, (int)Math.Ceiling(TextWidth(cell.Text) / width));
        }

        return Math.Round(Math.Max(lines * lineHeight + 8, 22), 2);
    }

    /// <summary>Width in character units: a CJK character takes about two digit widths.</summary>
    internal static double TextWidth(string text) => text.Sum(ch => ch < 0x2E80 ? 1.1 : 2.0);

    private static string Reference(int row, int column) => $"{(char)('A' + column)}{row + 1}";

    private static uint StyleOf(ScoreCellKind kind) => (uint)kind + 1;

    private static Stylesheet Styles()
    {
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            return font;
        }

        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint border, uint numberFormat, HorizontalAlignmentValues horizontal) =>
            new(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                FontId = font,
                BorderId = border,
                FillId = 0U,
                NumberFormatId = numberFormat,
                FormatId = 0U,
                ApplyFont = true,
                ApplyBorder = true,
                ApplyAlignment = true,
                ApplyNumberFormat = numberFormat != GeneralFormat,
            };

        // One cell format per ScoreCellKind, in enum order after the default format 0.
        var center = HorizontalAlignmentValues.Center;
        var formats = new CellFormats(
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U, FormatId = 0U },
            Format(2, 0, GeneralFormat, center),
            Format(3, 0, GeneralFormat, center),
            Format(1, 1, GeneralFormat, center),
            Format(0, 1, GeneralFormat, center),
            Format(0, 1, GeneralFormat, HorizontalAlignmentValues.Left),
            Format(0, 1, GeneralFormat, center),
            Format(0, 1, TwoDecimalsFormat, center),
            Format(0, 1, GeneralFormat, center),
            Format(0, 1, PercentFormat, center));
        formats.Count = (uint)formats.ChildElements.Count;

        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(18, true), Font(12, false)) { Count = 4U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2U },
            new CellStyleFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U }) { Count = 1U },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public int IndexOf(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                i = items.Count;
                items.Add(text);
                index[text] = i;
            }

            return i;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable(items.Select(s =>
                new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)items.Count,
                UniqueCount = (uint)items.Count,
            };
            return table;
        }
    }
}
