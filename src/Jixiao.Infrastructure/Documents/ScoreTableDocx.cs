using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// The score table (项目支出绩效自评表) as a Word document: A4 landscape, one bordered table on the same grid
/// as the .xlsx, level-1 and level-2 indicators merged vertically (vMerge), wide cells spanning columns (gridSpan).
/// </summary>
public static class ScoreTableDocx
{
    public const string ContentType = WordPackage.ContentType;

    private const string TitleFont = "方正小标宋简体";
    private const string TableFont = "宋体";
    private const double TablePoints = 10.5;
    private static readonly int SideMarginTwips = WordPackage.Twips(20);
    private static readonly int TopMarginTwips = WordPackage.Twips(15);

    /// <summary>Writes the table; the bytes are a complete .docx package.</summary>
    public static byte[] Write(ScoreTableDocument document)
    {
        var layout = ScoreTableLayout.Build(document);
        return WordPackage.Write($"{document.ProjectName} 项目支出绩效自评表（{document.Year}年度）", main =>
        {
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordPackage.Styles(TableFont, TablePoints);
            var body = main.Document.Body!;
            var title = layout.Cells.Single(c => c.Kind == ScoreCellKind.Title);
            var subtitle = layout.Cells.Single(c => c.Kind == ScoreCellKind.Subtitle);
            body.Append(
                Centered(title.Text, WordPackage.Run(TitleFont, 18), after: 0),
                Centered(subtitle.Text, WordPackage.Run(TableFont, 12), after: 120),
                Table(layout),
                new SectionProperties(
                    new PageSize { Width = WordPackage.A4LongSide, Height = WordPackage.A4ShortSide, Orient = PageOrientationValues.Landscape },
                    new PageMargin
                    {
                        Top = TopMarginTwips,
                        Bottom = TopMarginTwips,
                        Left = (uint)SideMarginTwips,
                        Right = (uint)SideMarginTwips,
                        Header = 567U,
                        Footer = 567U,
                        Gutter = 0U,
                    }));
        });
    }

    private static Paragraph Centered(string text, RunProperties run, int after) =>
        new(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Justification { Val = JustificationValues.Center }),
            WordPackage.Text(text, run));

    private static Table Table(ScoreTableLayout layout)
    {
        var usable = (int)WordPackage.A4LongSide - (2 * SideMarginTwips);
        var total = ScoreTableLayout.ColumnWidths.Sum();
        var widths = ScoreTableLayout.ColumnWidths.Select(w => (int)Math.Floor(w / total * usable)).ToArray();

        static BorderType Line<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var grid = layout.Grid();
        for (var r = ScoreTableLayout.TitleRows; r < layout.RowCount; r++)
        {
            var row = new TableRow(new TableRowProperties(
                new CantSplit(),
                new TableRowHeight { Val = 369U, HeightType = HeightRuleValues.AtLeast }));
            for (var c = 0; c < ScoreTableLayout.ColumnCount; c++)
            {
                var cell = grid[r, c]!;
                if (cell.Column != c)
                {
                    continue;
                }

                row.Append(Cell(cell, r, widths.Skip(c).Take(cell.ColumnSpan).Sum()));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(ScoreCell cell, int row, int width)
    {
        var properties = new TableCellProperties(
            new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColumnSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColumnSpan });
        }

        if (cell.RowSpan > 1)
        {
            properties.Append(cell.Row == row ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var justification = cell.Kind == ScoreCellKind.Text ? JustificationValues.Left : JustificationValues.Center;
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = justification }));
        if (cell.Row == row && cell.Text.Length > 0)
        {
            paragraph.Append(WordPackage.Text(cell.Text, WordPackage.Run(TableFont, TablePoints, bold: cell.Kind == ScoreCellKind.Header)));
        }

        return new TableCell(properties, paragraph);
    }
}
