using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>The score table as .docx, read back with the OpenXml SDK.</summary>
public sealed class ScoreTableDocxTests
{
    private static readonly byte[] Bytes = ScoreTableDocx.Write(SeedDocuments.ScoreTable());

    [Fact]
    public void Write_SeedProject_IsValidLandscapeA4()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        OpenXmlChecks.ShouldBeSchemaValid(document);
        var size = OpenXmlChecks.PageSizeOf(document);
        (size.Width!.Value, size.Height!.Value).ShouldBe((16838U, 11906U));
        size.Orient!.Value.ShouldBe(PageOrientationValues.Landscape);
    }

    [Fact]
    public void Write_SeedProject_TitleThenOneTableOnAnEightColumnGrid()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        body.Elements<Paragraph>().Select(p => p.InnerText).Take(2).ShouldBe(["项目支出绩效自评表", "（2023年度）"]);
        var table = body.Elements<Table>().ShouldHaveSingleItem();
        table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count().ShouldBe(8);
        foreach (var row in table.Elements<TableRow>())
        {
            row.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1).ShouldBe(8);
        }
    }

    [Fact]
    public void Write_SeedProject_FundsAndTotalInTheirCells()
    {
        var rows = Rows();
        rows.ShouldContain(r => r.SequenceEqual(new[] { "项目名称", "法治政府建设工作经费" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "", "年度资金总额", "164.00", "93.79", "93.79", "10", "100.00%", "10.00" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "", "其中：本年财政拨款", "164.00", "93.79", "93.79", "—", "100.00%", "—" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "", "上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "年度总体目标", "预期目标", "实际完成情况" }));
        rows[^1].ShouldBe(["总分", "100", "98.00", "等级：优"]);
    }

    [Fact]
    public void Write_SeedProject_IndicatorsWithLevelsMergedVertically()
    {
        var rows = Rows();
        var table = SeedDocuments.ScoreTable();
        var first = rows.FindIndex(r => r.Contains("审核市级规范性文件数量"));
        for (var i = 0; i < table.Indicators.Count; i++)
        {
            var x = table.Indicators[i];
            rows[first + i][2..].ShouldBe([x.Name, x.TargetText, x.ActualText, x.Points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), x.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), x.Deviation ?? ""]);
        }

        // Level names are printed once, in the first row of their group; the rows below continue the merge.
        rows.Skip(first).Take(8).Select(r => r[0]).ShouldBe(["产出指标", "", "", "", "", "效益指标", "", "满意度指标"]);
        rows.Skip(first).Take(8).Select(r => r[1]).ShouldBe(["数量指标", "", "", "质量指标", "时效指标", "社会效益指标", "", "服务对象满意度指标"]);

        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        var tableRows = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single().Elements<TableRow>().ToList();
        string Merge(int row, int cell) =>
            tableRows[row].Elements<TableCell>().ElementAt(cell).TableCellProperties?.VerticalMerge switch
            {
                null => "none",
                { Val: null } => "continue",
                var m when m.Val!.Value == MergedCellValues.Restart => "restart",
                _ => "continue",
            };
        Enumerable.Range(first, 8).Select(r => Merge(r, 0)).ShouldBe(["restart", "continue", "continue", "continue", "continue", "restart", "continue", "none"]);
        Enumerable.Range(first, 8).Select(r => Merge(r, 1)).ShouldBe(["restart", "continue", "continue", "none", "none", "restart", "continue", "none"]);
    }

    [Fact]
    public void Write_SeedProject_TableHasBordersAndCjkFont()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single();
        var borders = table.GetFirstChild<TableProperties>()!.GetFirstChild<TableBorders>().ShouldNotBeNull();
        borders.InsideHorizontalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        borders.InsideVerticalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        borders.TopBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        table.Descendants<RunFonts>().ShouldAllBe(f => f.EastAsia!.Value == "宋体" && f.Ascii!.Value == "宋体");
    }

    private static List<string[]> Rows()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes), false);
        return document.MainDocumentPart!.Document.Body!.Elements<Table>().Single().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ToList();
    }
}
