using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain;
using Jixiao.Infrastructure.Documents;
using MiniExcelLibs;

namespace Jixiao.Features.Tests.Documents;

public sealed class ExcelImportTests(ITestOutputHelper output)
{
    private const string Sheet = "支出明细";

    private sealed class Expenditure
    {
        public DateOnly Date { get; set; }
        public decimal Amount { get; set; }
        public string Purpose { get; set; } = "";
        public string? Voucher { get; set; }
        public string? Source { get; set; }
    }

    private static readonly string[] Sources = ["本年财政拨款", "上年结转", "其他资金"];

    private static ImportSpec<Expenditure> Spec(int maxRows = 200_000, long maxFileBytes = 50L * 1024 * 1024) =>
        new(Sheet,
        [
            ImportColumn<Expenditure>.Date("日期", (r, v) => r.Date = v, required: true),
            ImportColumn<Expenditure>.Amount("金额", (r, v) => r.Amount = v, required: true, min: 0.01m),
            ImportColumn<Expenditure>.Text("用途", (r, v) => r.Purpose = v, required: true, maxLength: 50),
            ImportColumn<Expenditure>.Text("凭证号", (r, v) => r.Voucher = v, maxLength: 20),
            ImportColumn<Expenditure>.Choice("资金来源", (r, v) => r.Source = v, Sources),
        ], maxRows)
        {
            MaxFileBytes = maxFileBytes,
            RowRule = r => r.Source == "上年结转" && r.Date.Month > 6
                ? [("日期", "上年结转资金应在6月底前支出")]
                : [],
        };

    private static readonly object?[] Header = ["日期*", "金额*", "用途*", "凭证号", "资金来源"];

    /// <summary>A workbook whose first sheet holds these rows from row 1, written as MiniExcel writes them.</summary>
    private static MemoryStream Workbook(params object?[][] rows) => Workbook(Sheet, rows);

    private static MemoryStream Workbook(string sheetName, IEnumerable<object?[]> rows)
    {
        var stream = new MemoryStream();
        var table = rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), Value: v)).ToDictionary(x => x.Key, x => x.Value));
        stream.SaveAs(table, printHeader: false, sheetName: sheetName);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A workbook as Excel saves it: only non-empty rows are present, strings inline.</summary>
    private static MemoryStream SparseWorkbook(params (int Row, string[] Values)[] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (number, values) in rows)
            {
                var row = new Row { RowIndex = (uint)number };
                for (var i = 0; i < values.Length; i++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + i)}{number}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(values[i])),
                    });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = Sheet }));
        }

        stream.Position = 0;
        return stream;
    }

    private static ImportProblem Only(ImportResult<Expenditure> result)
    {
        result.Succeeded.ShouldBeFalse();
        result.Rows.ShouldBeEmpty();
        return result.Problems.ShouldHaveSingleItem();
    }

    [Fact]
    public void Template_ReadBack_ExampleRowSucceeds()
    {
        var template = Spec().Template();

        var result = Spec().Read(new MemoryStream(template));

        result.Problems.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        var row = result.Rows.ShouldHaveSingleItem();
        row.Date.ShouldBe(new DateOnly(2025, 3, 15));
        row.Amount.ShouldBe(1000m);
        row.Purpose.ShouldBe("示例用途");
        row.Source.ShouldBe("本年财政拨款");
    }

    [Fact]
    public void Template_Sheets_HaveMarkedHeadersInstructionsAndDropDown()
    {
        using var stream = new MemoryStream(Spec().Template());

        MiniExcel.GetSheetNames(stream).ShouldBe([Sheet, "填写说明", "下拉选项"]);
        stream.Position = 0;
        MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: Sheet).ShouldBe(["日期*", "金额*", "用途*", "凭证号", "资金来源"]);
        stream.Position = 0;
        var instructions = stream.Query(useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().ToList();
        instructions.Take(5).Select(r => r["列名"]).ShouldBe(["日期", "金额", "用途", "凭证号", "资金来源"]);
        instructions[1]["是否必填"].ShouldBe("必填");
        ((string)instructions[4]["填写要求"]!).ShouldContain("本年财政拨款、上年结转、其他资金");

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Single(s => s.Name == "下拉选项").State!.Value.ShouldBe(SheetStateValues.Hidden);
        var data = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == Sheet).Id!);
        var validation = data.Worksheet.Descendants<DataValidation>().ShouldHaveSingleItem();
        validation.SequenceOfReferences!.InnerText.ShouldStartWith("E2:");
        validation.Formula1!.Text.ShouldBe("'下拉选项'!$A$2:$A$4");
    }

    [Fact]
    public void Template_Package_IsValidOpenXml()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Spec().Template()), isEditable: false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2016).Validate(document);

        errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void Read_GoodRows_ReturnsAllRowsInOrder()
    {
        using var file = Workbook(
            Header,
            [new DateTime(2025, 1, 6), 1200.5, "购买办公用品", "记-001", "本年财政拨款"],
            [new DateTime(2025, 2, 1), 88, "邮寄法律文书", null, null],
            [null, null, null, null, null],
            ["2025/3/9", "12,345.67", "  律师顾问费  ", 20250309, " 上年结转 "]);

        var result = Spec().Read(file);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Problems));
        result.Rows.Count.ShouldBe(3);
        result.Rows[0].Amount.ShouldBe(1200.50m);
        result.Rows[1].Voucher.ShouldBeNull();
        result.Rows[1].Source.ShouldBeNull();
        result.Rows[2].Date.ShouldBe(new DateOnly(2025, 3, 9));
        result.Rows[2].Amount.ShouldBe(12345.67m);
        result.Rows[2].Purpose.ShouldBe("律师顾问费");
        result.Rows[2].Voucher.ShouldBe("20250309");
        result.Rows[2].Source.ShouldBe("上年结转");
    }

    [Fact]
    public void Read_ErrorsInSeveralRows_ReturnsNoRowsAndEveryProblemWithItsCell()
    {
        using var file = Workbook(
            Header,
            [new DateTime(2025, 1, 6), 100, "正常的一行", null, null],
            ["2025-13-01", "abc", null, null, "中央补助"],
            [new DateTime(2025, 1, 7), 10.125, new string('长', 51), null, null],
            [new DateTime(2025, 1, 8), 0, "金额为零", "记-0123456789012345678", null],
            [new DateTime(2025, 8, 1), 10, "结转资金晚支出", null, "上年结转"]);

        var result = Spec().Read(file);

        result.Succeeded.ShouldBeFalse();
        result.Rows.ShouldBeEmpty();
        result.Problems.Select(p => (p.Sheet, p.Row, p.Column, p.Header)).ShouldBe(
        [
            (Sheet, 3, "A", "日期"), (Sheet, 3, "B", "金额"), (Sheet, 3, "C", "用途"), (Sheet, 3, "E", "资金来源"),
            (Sheet, 4, "B", "金额"), (Sheet, 4, "C", "用途"),
            (Sheet, 5, "B", "金额"), (Sheet, 5, "D", "凭证号"),
            (Sheet, 6, "A", "日期"),
        ]);
        result.Problems[1].ToString().ShouldBe("第3行 B列（金额）：应为数字，实际为“abc”");
        result.Problems[0].Message.ShouldBe("应为日期（如 2025-03-15），实际为“2025-13-01”");
        result.Problems[2].Message.ShouldBe("必填，不能为空");
        result.Problems[3].Message.ShouldBe("应为本年财政拨款、上年结转、其他资金之一，实际为“中央补助”");
        result.Problems[4].Message.ShouldBe("最多两位小数，实际为“10.125”");
        result.Problems[5].Message.ShouldBe("不能超过50个字，实际为51个字");
        result.Problems[6].Message.ShouldBe("应不小于0.01元，实际为0.00元");
        result.Problems[8].ToString().ShouldBe("第6行 A列（日期）：上年结转资金应在6月底前支出");
    }

    [Fact]
    public void ThrowIfFailed_Failed_ThrowsValidationExceptionNamingCells()
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), "abc", "办公", null, null]);

        var e = Should.Throw<ValidationException>(() => Spec().Read(file).ThrowIfFailed());

        var problem = e.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("支出明细!B2");
        problem.Message.ShouldBe("第2行 B列（金额）：应为数字，实际为“abc”");
    }

    [Fact]
    public void ThrowIfFailed_Succeeded_DoesNotThrow()
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), 5, "办公", null, null]);

        Should.NotThrow(() => Spec().Read(file).ThrowIfFailed());
    }

    [Theory]
    [InlineData("日期,金额,用途\n2025-01-01,5,办公\n", "文件不是 Excel .xlsx 文件，请使用导入模板填写后上传")]
    [InlineData("", "文件是空的")]
    [InlineData("PK", "文件不是 Excel .xlsx 文件")]
    public void Read_NotXlsx_ReportsFileProblem(string content, string message)
    {
        var result = Spec().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));

        Only(result).Message.ShouldBe(message);
    }

    [Fact]
    public void Read_OldXlsFormat_AsksToSaveAsXlsx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Only(Spec().Read(new MemoryStream(ole))).Message.ShouldContain("另存为不加密的 .xlsx");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Read_TruncatedZip_ReportsDamagedFile(double keep)
    {
        var bytes = Spec().Template();

        var result = Spec().Read(new MemoryStream(bytes[..(int)(bytes.Length * keep)]));

        Only(result).Message.ShouldStartWith("文件已损坏或不是有效的 .xlsx 文件");
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_ReportsDamagedFile()
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }

        stream.Position = 0;
        Only(Spec().Read(stream)).Message.ShouldStartWith("文件已损坏或不是有效的 .xlsx 文件");
    }

    [Fact]
    public void Read_EmptyWorkbook_ReportsEmptySheet()
    {
        using var file = SparseWorkbook();

        Only(Spec().Read(file)).Message.ShouldBe("工作表是空的，请使用导入模板填写后上传");
    }

    [Fact]
    public void Read_HeaderOnly_ReportsNoDataRows()
    {
        using var file = Workbook(Header, [null, null, null, null, null]);

        Only(Spec().Read(file)).Message.ShouldBe("没有可导入的数据行");
    }

    [Fact]
    public void Read_NoKnownHeader_ReportsExpectedHeaders()
    {
        using var file = Workbook(["名称", "数量"], ["a", 1]);

        var problem = Only(Spec().Read(file));

        problem.Row.ShouldBe(1);
        problem.Message.ShouldBe("未找到表头，第一行应为：日期*、金额*、用途*、凭证号、资金来源（请使用导入模板）");
    }

    [Fact]
    public void Read_MissingRequiredColumn_ReportsItByHeader()
    {
        using var file = Workbook(["日期*", "用途*", "凭证号"], [new DateTime(2025, 1, 6), "办公", "记-1"]);

        var problem = Only(Spec().Read(file));

        problem.Row.ShouldBe(1);
        problem.Header.ShouldBe("金额");
        problem.ToString().ShouldBe("第1行（金额）：缺少必填列“金额”");
    }

    [Fact]
    public void Read_DuplicateColumn_ReportsBothLetters()
    {
        using var file = Workbook(["日期", "金额", "用途", "金额"], [new DateTime(2025, 1, 6), 1, "办公", 2]);

        var problem = Only(Spec().Read(file));

        problem.Field.ShouldBe("支出明细!D1");
        problem.Message.ShouldBe("列重复，已在B列出现");
    }

    [Fact]
    public void Read_ExtraUnknownColumnAndLooseHeaders_WarnsAndImports()
    {
        using var file = Workbook([" 金额 * ", "日期", "备注", "用途＊"], [5, new DateTime(2025, 1, 6), "随便写", "办公"]);

        var result = Spec().Read(file);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Problems));
        result.Rows.ShouldHaveSingleItem().Amount.ShouldBe(5m);
        result.Warnings.ShouldBe(["第1行 C列（备注）：不是模板中的列，已忽略"]);
    }

    [Fact]
    public void Read_OtherSheetName_ReadsFirstSheetWithWarning()
    {
        using var file = Workbook("Sheet1", [Header, [new DateTime(2025, 1, 6), 5, "办公", null, null]]);

        var result = Spec().Read(file);

        result.Rows.Count.ShouldBe(1);
        result.Warnings.ShouldBe(["未找到工作表“支出明细”，已读取第一个工作表“Sheet1”"]);
    }

    [Fact]
    public void Read_TooManyRows_RefusesWholeFile()
    {
        var rows = Enumerable.Range(0, 6).Select(i => new object?[] { new DateTime(2025, 1, 6), 5, "办公", null, null });
        using var file = Workbook(Sheet, rows.Prepend(Header));

        var problem = Only(Spec(maxRows: 5).Read(file));

        problem.Row.ShouldBe(7);
        problem.Message.ShouldBe("数据超过5行的上限，请分批导入");
    }

    [Fact]
    public void Read_DeclaredLengthTooLarge_RefusesBeforeReading()
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), 5, "办公", null, null]);

        var problem = Only(Spec(maxFileBytes: 1024 * 1024).Read(file, length: 3L * 1024 * 1024));

        problem.Message.ShouldBe("文件过大（3 MB），不能超过1 MB，请分批导入");
        file.Position.ShouldBe(0);
    }

    [Fact]
    public void Read_UnseekableStreamTooLarge_StopsCopying()
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), 5, "办公", null, null]);
        using var upload = new ForwardOnly(file);

        var problem = Only(Spec(maxFileBytes: 1000).Read(upload));

        problem.Message.ShouldStartWith("文件过大");
    }

    [Fact]
    public void Read_UnseekableStream_ReadsRows()
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), 5, "办公", null, null]);
        using var upload = new ForwardOnly(file);

        Spec().Read(upload).Rows.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("¥1,234,567.5", "1234567.5")]
    [InlineData(" 88元 ", "88")]
    [InlineData("１２３.４", "123.4")]
    public void Read_AmountAsText_AcceptsSeparatorsAndUnits(string text, string expected)
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), text, "办公", null, null]);

        var result = Spec().Read(file);

        result.Rows.ShouldHaveSingleItem().Amount.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,23.5")]
    [InlineData("12.3.4")]
    [InlineData("一百")]
    public void Read_AmountMalformedText_ReportsNotANumber(string text)
    {
        using var file = Workbook(Header, [new DateTime(2025, 1, 6), text, "办公", null, null]);

        Only(Spec().Read(file)).Message.ShouldBe($"应为数字，实际为“{text}”");
    }

    [Theory]
    [InlineData("2025-03-09")]
    [InlineData("2025/3/9")]
    [InlineData("2025年3月9日")]
    [InlineData("2025.3.9")]
    [InlineData("20250309")]
    public void Read_DateAsText_AcceptsCommonChineseForms(string text)
    {
        using var file = Workbook(Header, [text, 5, "办公", null, null]);

        Spec().Read(file).Rows.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2025, 3, 9));
    }

    [Fact]
    public void Read_DateCellsAndSerials_AreDates()
    {
        using var file = Workbook(
            Header,
            [new DateTime(2025, 3, 9), 5, "日期格式单元格", null, null],
            [45725d, 5, "未识别格式的日期序号", null, null],
            [20250309, 5, "数字20250309", null, null]);

        var result = Spec().Read(file);

        result.Rows.Select(r => r.Date).ShouldBe([new DateOnly(2025, 3, 9), new DateOnly(2025, 3, 9), new DateOnly(2025, 3, 9)]);
    }

    [Fact]
    public void Read_SparseRowsAsExcelSavesThem_NumbersRowsAsUserSees()
    {
        using var file = SparseWorkbook(
            (2, ["日期*", "金额*", "用途*"]),
            (3, ["2025-01-06", "5", "办公"]),
            (7, ["2025-01-07", "五元", "办公"]));

        var problem = Only(Spec().Read(file));

        problem.Field.ShouldBe("支出明细!B7");
    }

    [Fact]
    public void Read_ChoiceWithSpacesAndFullWidth_Matches()
    {
        var spec = new ImportSpec<Expenditure>(Sheet,
        [
            ImportColumn<Expenditure>.Choice("资金来源", (r, v) => r.Source = v, ["PPP项目资金", "其他资金"], required: true),
            ImportColumn<Expenditure>.YesNo("已报销", (r, v) => r.Voucher = v ? "Y" : "N"),
        ]);
        using var file = Workbook(["资金来源", "已报销"], ["ｐｐｐ 项目资金", "是"], [" 其他资金", false], ["其它资金", "对"]);

        var result = spec.Read(file);

        result.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "第4行 A列（资金来源）：应为PPP项目资金、其他资金之一，实际为“其它资金”",
            "第4行 B列（已报销）：应为“是”或“否”，实际为“对”",
        ]);
    }

    [Fact]
    public void Read_WholeNumberAndCustomColumns_ParseOrReport()
    {
        var spec = new ImportSpec<Expenditure>(Sheet,
        [
            ImportColumn<Expenditure>.WholeNumber("件数", (r, v) => r.Amount = v, required: true, min: 0),
            ImportColumn<Expenditure>.Custom("案号", (r, v) => r.Voucher = v,
                s => s.StartsWith("江司复", StringComparison.Ordinal) ? (s, null) : ("", "案号应以“江司复”开头"),
                rules: "如 江司复〔2025〕1号", example: "江司复〔2025〕1号"),
        ]);
        using var file = Workbook(["件数*", "案号"], ["1,200", "江司复〔2025〕7号"], [2.5, "粤复〔2025〕1号"], [-1, null]);

        var result = spec.Read(file);

        result.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "第3行 A列（件数）：应为整数，实际为“2.5”",
            "第3行 B列（案号）：案号应以“江司复”开头",
            "第4行 A列（件数）：应不小于0，实际为-1",
        ]);
        spec.Read(new MemoryStream(spec.Template())).Rows.ShouldHaveSingleItem().Voucher.ShouldBe("江司复〔2025〕1号");
    }

    [Fact]
    public void Read_SetterRefusesValue_ReportsDomainMessageAtCell()
    {
        var spec = new ImportSpec<Expenditure>(Sheet,
        [
            ImportColumn<Expenditure>.Text("凭证号", (r, v) => r.Voucher = v.StartsWith('记') ? v : throw new DomainException("凭证号应以“记”开头")),
        ]);
        using var file = Workbook(["凭证号"], ["记-1"], ["收-2"]);

        Only(spec.Read(file)).ToString().ShouldBe("第3行 A列（凭证号）：凭证号应以“记”开头");
    }

    [Fact]
    public void Read_ManyBadRows_StopsAtProblemLimit()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new object?[] { "坏日期", 5, "办公", null, null });
        using var file = Workbook(Sheet, rows.Prepend(Header));
        var spec = new ImportSpec<Expenditure>(Sheet, Spec().Columns) { MaxProblems = 10 };

        var result = spec.Read(file);

        result.Problems.Count.ShouldBe(11);
        result.Problems[^1].Message.ShouldBe("错误超过10处，已停止检查，请修正以上错误后重新导入");
    }

    [Fact]
    public void Read_HundredThousandRows_ReturnsEveryRow()
    {
        const int count = 100_000;
        var rows = Enumerable.Range(0, count).Select(i => new object?[]
        {
            new DateTime(2025, 1, 1).AddDays(i % 180), (i % 10_000) + 0.25, "第" + i + "笔支出", "记-" + i, Sources[i % 3],
        });
        using var file = Workbook(Sheet, rows.Prepend(Header));

        var watch = Stopwatch.StartNew();
        var result = Spec().Read(file);
        watch.Stop();

        // About 0.7 s for 100,000 rows of 5 columns (a 4.5 MB file) on the shared 2-core build machine.
        output.WriteLine($"{count} rows read in {watch.Elapsed.TotalSeconds:0.0} s, file {file.Length / 1024} KB");
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Problems.Take(3)));
        result.Rows.Count.ShouldBe(count);
        result.Rows[count - 1].Purpose.ShouldBe("第99999笔支出");
        result.Rows[count - 1].Amount.ShouldBe(9999.25m);
        result.Rows[count - 1].Date.ShouldBe(new DateOnly(2025, 1, 1).AddDays(99_999 % 180));
        result.Rows[count - 1].Source.ShouldBe(Sources[99_999 % 3]);
    }

    /// <summary>An upload stream that cannot seek, as an HTTP request body.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
