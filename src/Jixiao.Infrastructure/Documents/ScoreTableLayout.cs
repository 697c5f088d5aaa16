using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Scoring;

namespace Jixiao.Infrastructure.Documents;

/// <summary>How a cell of the score table looks: the same kinds drive the .xlsx styles and the .docx formatting.</summary>
internal enum ScoreCellKind
{
    Title,
    Subtitle,
    Header,
    Label,
    Text,
    Centered,
    Amount,
    Points,
    Percent,
}

/// <summary>A cell of the score table on the 8-column grid, spanning RowSpan × ColumnSpan from (Row, Column).</summary>
/// <remarks>
/// Text is what is printed (and what the .docx shows); Number is the value of a numeric cell: 万元, points,
/// scores, or a rate as a fraction.
/// </remarks>
internal sealed record ScoreCell(int Row, int Column, int RowSpan, int ColumnSpan, ScoreCellKind Kind, string Text, decimal? Number = null);

/// <summary>
/// The score table laid out once on an 8-column grid (一级指标 … 偏差原因分析及改进措施), so the .xlsx and
/// the .docx print the same cells with the same merges, as in the 财政部 form.
/// </summary>
internal sealed class ScoreTableLayout
{
    public const int ColumnCount = 8;

    /// <summary>Relative column widths, in characters of an 11 pt CJK-capable font.</summary>
    public static readonly IReadOnlyList<double> ColumnWidths = [13, 19, 24, 13, 12, 7, 11, 29];

    private const string Dash = "—";
    private readonly List<ScoreCell> cells = [];
    private int row;

    private ScoreTableLayout()
    {
    }

    public IReadOnlyList<ScoreCell> Cells => cells;

    public int RowCount => row;

    /// <summary>Rows that hold the title and year and are printed without borders.</summary>
    public static int TitleRows => 2;

    public static ScoreTableLayout Build(ScoreTableDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layout = new ScoreTableLayout();
        layout.AddHeader(document);
        layout.AddFunds(document.Funds);
        layout.AddGoals(document);
        layout.AddIndicators(document);
        return layout;
    }

    /// <summary>The cell that starts at or covers a grid position, or null.</summary>
    public ScoreCell?[,] Grid()
    {
        var grid = new ScoreCell?[RowCount, ColumnCount];
        foreach (var cell in cells)
        {
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                {
                    grid[r, c] = cell;
                }
            }
        }

        return grid;
    }

    private void AddHeader(ScoreTableDocument d)
    {
        Add(row, 0, 1, ColumnCount, ScoreCellKind.Title, "项目支出绩效自评表");
        Add(row + 1, 0, 1, ColumnCount, ScoreCellKind.Subtitle, $"（{d.Year}年度）");
        row += 2;
        Add(row, 0, 1, 1, ScoreCellKind.Label, "项目名称");
        Add(row, 1, 1, 7, ScoreCellKind.Text, d.ProjectName);
        row++;
        LabelPair("主管部门", d.SupervisingDepartment, "实施单位", d.ImplementingUnit);
        if (d.ResponsiblePerson is not null || d.Phone is not null)
        {
            LabelPair("项目负责人", d.ResponsiblePerson ?? "", "联系电话", d.Phone ?? "");
        }
    }

    private void LabelPair(string label1, string value1, string label2, string value2)
    {
        Add(row, 0, 1, 1, ScoreCellKind.Label, label1);
        Add(row, 1, 1, 3, ScoreCellKind.Text, value1);
        Add(row, 4, 1, 1, ScoreCellKind.Label, label2);
        Add(row, 5, 1, 3, ScoreCellKind.Text, value2);
        row++;
    }

    private void AddFunds(IReadOnlyList<FundRow> funds)
    {
        Add(row, 0, funds.Count + 1, 1, ScoreCellKind.Header, "项目资金（万元）");
        Add(row, 1, 1, 1, ScoreCellKind.Header, "");
        string[] headers = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
        for (var i = 0; i < headers.Length; i++)
        {
            Add(row, 2 + i, 1, 1, ScoreCellKind.Header, headers[i]);
        }

        row++;
        foreach (var fund in funds)
        {
            Add(row, 1, 1, 1, ScoreCellKind.Label, fund.Name);
            WanYuan(2, fund.Initial);
            WanYuan(3, fund.FullYear);
            WanYuan(4, fund.Executed);
            Optional(5, fund.Points, ScoreCellKind.Points);
            Rate(6, fund.RateText);
            Optional(7, fund.Score, ScoreCellKind.Amount);
            row++;
        }
    }

    private void AddGoals(ScoreTableDocument d)
    {
        Add(row, 0, 2, 1, ScoreCellKind.Header, "年度总体目标");
        Add(row, 1, 1, 4, ScoreCellKind.Header, "预期目标");
        Add(row, 5, 1, 3, ScoreCellKind.Header, "实际完成情况");
        Add(row + 1, 1, 1, 4, ScoreCellKind.Text, d.GoalExpected);
        Add(row + 1, 5, 1, 3, ScoreCellKind.Text, d.GoalActual);
        row += 2;
    }

    private void AddIndicators(ScoreTableDocument d)
    {
        string[] headers = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
        for (var i = 0; i < headers.Length; i++)
        {
            Add(row, i, 1, 1, ScoreCellKind.Header, headers[i]);
        }

        row++;
        var indicators = d.Indicators;
        for (var i = 0; i < indicators.Count;)
        {
            var level1End = i;
            while (level1End < indicators.Count && indicators[level1End].Level1 == indicators[i].Level1)
            {
                level1End++;
            }

            Add(row, 0, level1End - i, 1, ScoreCellKind.Centered, indicators[i].Level1);
            for (var j = i; j < level1End;)
            {
                var level2End = j;
                while (level2End < level1End && indicators[level2End].Level2 == indicators[j].Level2)
                {
                    level2End++;
                }

                Add(row + j - i, 1, level2End - j, 1, ScoreCellKind.Centered, indicators[j].Level2);
                j = level2End;
            }

            for (var k = i; k < level1End; k++)
            {
                var indicator = indicators[k];
                var r = row + k - i;
                Add(r, 2, 1, 1, ScoreCellKind.Text, indicator.Name);
                Add(r, 3, 1, 1, ScoreCellKind.Centered, indicator.TargetText);
                Add(r, 4, 1, 1, ScoreCellKind.Centered, indicator.ActualText);
                Add(r, 5, 1, 1, ScoreCellKind.Points, Rounding.Plain(indicator.Points), indicator.Points);
                Add(r, 6, 1, 1, ScoreCellKind.Amount, Rounding.Two(indicator.Score), indicator.Score);
                Add(r, 7, 1, 1, ScoreCellKind.Text, indicator.Deviation ?? "");
            }

            row += level1End - i;
            i = level1End;
        }

        var points = d.ExecutionPoints + indicators.Sum(x => x.Points);
        Add(row, 0, 1, 5, ScoreCellKind.Header, "总分");
        Add(row, 5, 1, 1, ScoreCellKind.Points, Rounding.Plain(points), points);
        Add(row, 6, 1, 1, ScoreCellKind.Amount, Rounding.Two(d.Total), d.Total);
        Add(row, 7, 1, 1, ScoreCellKind.Header, $"等级：{d.Grade}");
        row++;
    }

    private void WanYuan(int column, decimal yuan) =>
        Add(row, column, 1, 1, ScoreCellKind.Amount, Money.FormatWanYuan(yuan), Money.ToWanYuan(yuan));

    private void Optional(int column, decimal? value, ScoreCellKind kind)
    {
        if (value is { } v)
        {
            Add(row, column, 1, 1, kind, kind == ScoreCellKind.Points ? Rounding.Plain(v) : Rounding.Two(v), v);
        }
        else
        {
            Add(row, column, 1, 1, ScoreCellKind.Centered, Dash);
        }
    }

    private void Rate(int column, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%')
            && decimal.TryParse(trimmed[..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
        {
            Add(row, column, 1, 1, ScoreCellKind.Percent, trimmed, percent / 100m);
        }
        else
        {
            Add(row, column, 1, 1, ScoreCellKind.Centered, trimmed.Length == 0 ? Dash : trimmed);
        }
    }

    private void Add(int r, int column, int rowSpan, int columnSpan, ScoreCellKind kind, string text, decimal? number = null) =>
        cells.Add(new ScoreCell(r, column, rowSpan, columnSpan, kind, text, number));
}
