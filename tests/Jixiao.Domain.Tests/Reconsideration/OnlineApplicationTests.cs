using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

public sealed class OnlineApplicationTests
{
    private static readonly CaseActor Handler = new(7, "李承办");
    private static readonly CaseActor Public = new(0, "网上申请（申请人提交）", "public");
    private static readonly TimeSpan China8 = TimeSpan.FromHours(8);

    private static DateTimeOffset At(string day) => new(D(day).ToDateTime(new TimeOnly(9, 0)), China8);

    private static ReconsiderationCase Received(ApplicationChannel channel = ApplicationChannel.Online) =>
        new(1, "江府复〔2024〕7号", D("2024-03-04"), MatterCategory.AdministrativePenalty, channel, ApplicantKind.Citizen, "张某", "某局", Public, At("2024-03-04"));

    private static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] JpegHead = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46];
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipHead = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0];

    public static TheoryData<string, AttachmentKind?> Signatures => new()
    {
        { "PDF", AttachmentKind.Pdf },
        { "JPEG", AttachmentKind.Jpeg },
        { "PNG", AttachmentKind.Png },
        { "ZIP", AttachmentKind.Docx },
        { "MZ", null },
        { "GIF", null },
        { "text", null },
        { "empty", null },
        { "truncated PNG", null },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Recognise_ByFirstBytes(string what, AttachmentKind? expected)
    {
        byte[] head = what switch
        {
            "PDF" => PdfHead,
            "JPEG" => JpegHead,
            "PNG" => PngHead,
            "ZIP" => ZipHead,
            "MZ" => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0],
            "GIF" => "GIF89a"u8.ToArray(),
            "text" => "申请书"u8.ToArray(),
            "truncated PNG" => PngHead[..4],
            _ => [],
        };
        OnlineAttachment.Recognise(head).ShouldBe(expected);
    }

    public static TheoryData<string, long, AttachmentKind?, string?> Files => new()
    {
        { "决定书.pdf", 1000, AttachmentKind.Pdf, null },
        { "照片.JPEG", 1000, AttachmentKind.Jpeg, null },
        { "照片.jpg", 1000, AttachmentKind.Jpeg, null },
        { "截图.png", OnlineAttachment.MaxBytes, AttachmentKind.Png, null },
        { "申请书.docx", 1000, AttachmentKind.Docx, null },
        { @"C:\Users\张三\申请书.docx", 1000, AttachmentKind.Docx, null },
        { "申请书.doc", 1000, null, "类型不能接受" },
        { "程序.exe", 1000, null, "类型不能接受" },
        { "无扩展名", 1000, AttachmentKind.Pdf, "类型不能接受" },
        { "扫描件.pdf", OnlineAttachment.MaxBytes + 1, AttachmentKind.Pdf, "过大" },
        { "空.pdf", 0, null, "空文件" },
        { "伪装.pdf", 1000, null, "内容不是PDF 文档" },
        { "伪装.png", 1000, AttachmentKind.Jpeg, "内容是JPG 图片，与扩展名不符" },
        { "压缩包.docx", 1000, null, "内容不是Word 文档" },
        { "", 1000, AttachmentKind.Pdf, "文件名无效" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Problems_NameTheFileAndWhatIsWrong(string name, long size, AttachmentKind? content, string? expected)
    {
        var problems = OnlineAttachment.Problems(2, name, size, content);
        if (expected is null)
        {
            problems.ShouldBeEmpty();
            return;
        }

        var problem = problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("附件");
        problem.Message.ShouldContain(expected);
        problem.Message.ShouldContain("第2个附件");
    }

    [Fact]
    public void SetProblems_CountAndTotalSize()
    {
        OnlineAttachment.SetProblems([.. Enumerable.Repeat(("a.pdf", 1L), OnlineAttachment.MaxCount)]).ShouldBeEmpty();
        OnlineAttachment.SetProblems([.. Enumerable.Repeat(("a.pdf", 1L), OnlineAttachment.MaxCount + 1)]).ShouldHaveSingleItem().Message.ShouldContain("最多5个");
        OnlineAttachment.SetProblems([("a.pdf", OnlineAttachment.MaxBytes), ("b.pdf", OnlineAttachment.MaxBytes), ("c.pdf", OnlineAttachment.MaxBytes)])
            .ShouldHaveSingleItem().Message.ShouldContain("超过 25 MB");
    }

    [Fact]
    public void OnlineApplication_OnlyForOnlineCases_WithFactsAndAtMostFiveFiles()
    {
        var sha = new string('a', 64);
        var application = new OnlineApplication(Received(), "pbkdf2-sha256$1$x$y", " 事实 ", new DateTime(2024, 3, 4, 1, 0, 0, DateTimeKind.Utc), "203.0.113.1",
            [new OnlineAttachment("决定书.pdf", AttachmentKind.Pdf, 100, sha)]);
        application.FactsAndReasons.ShouldBe("事实");
        application.UnitId.ShouldBe(1);
        application.Attachments.ShouldHaveSingleItem().UnitId.ShouldBe(1);

        Should.Throw<DomainException>(() => new OnlineApplication(Received(ApplicationChannel.InPerson), "h", "事实", DateTime.UtcNow, null, []))
            .Message.ShouldContain("网上");
        Should.Throw<ValidationException>(() => new OnlineApplication(Received(), "h", " ", DateTime.UtcNow, null, []))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("事实和理由");
        Should.Throw<ValidationException>(() => new OnlineApplication(Received(), "h", "事实", DateTime.UtcNow, null,
            [.. Enumerable.Range(0, 6).Select(i => new OnlineAttachment($"{i}.pdf", AttachmentKind.Pdf, 100, sha))]));
        Should.Throw<DomainException>(() => new OnlineAttachment("大.pdf", AttachmentKind.Pdf, OnlineAttachment.MaxBytes + 1, sha));
    }

    /// <summary>The stages the status page shows, by the path the case took (one action a day from receipt).</summary>
    public static TheoryData<string, string> Paths => new()
    {
        { "", "已收到 2024-03-04 | 审查中 2024-03-04 *" },
        { "supplement", "已收到 2024-03-04 | 待补正 2024-03-05 *" },
        { "supplement,receive", "已收到 2024-03-04 | 待补正 2024-03-05 | 已补正 2024-03-06 | 审查中 2024-03-06 *" },
        { "accept", "已收到 2024-03-04 | 已受理 2024-03-05 | 审理中 *" },
        { "accept,suspend", "已收到 2024-03-04 | 已受理 2024-03-05 | 中止审理 2024-03-06 *" },
        { "accept,suspend,resume", "已收到 2024-03-04 | 已受理 2024-03-05 | 审理中 *" },
        { "accept,copy,answer,close", "已收到 2024-03-04 | 已受理 2024-03-05 | 已结案 2024-03-08 *" },
        { "refuse", "已收到 2024-03-04 | 已办结（未受理） 2024-03-05 *" },
        { "supplement,transfer", "已收到 2024-03-04 | 待补正 2024-03-05 | 已办结（未受理） 2024-03-06 *" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void ApplicantProgress_ShowsStagesAndDatesOnly(string path, string expected)
    {
        var c = Received();
        var day = D("2024-03-04");
        foreach (var action in path.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            day = day.AddDays(1);
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), China8);
            switch (action)
            {
                case "supplement": c.RequestSupplement("身份证明", Handler, at); break;
                case "receive": c.ReceiveSupplement(Handler, at); break;
                case "accept": c.Accept(Procedure.Ordinary, Handler, at); break;
                case "suspend": c.Suspend(SuspensionGround.MediationOrSettlement, Handler, at); break;
                case "resume": c.Resume(Handler, at); break;
                case "copy": c.SendCopyToRespondent(Handler, at); break;
                case "answer": c.RecordAnswer(Handler, at); break;
                case "close": c.Close(ReconsiderationOutcome.Uphold, Handler, at, new CaseDocument("江府行复〔2024〕9号", "行政复议决定书")); break;
                case "refuse": c.Refuse("超过申请期限", Handler, at); break;
                case "transfer": c.Transfer("某县人民政府", Handler, at); break;
                default: throw new ArgumentException(action);
            }
        }

        var shown = string.Join(" | ", ApplicantProgress.Of(c).Select(s => $"{s.Name}{(s.On is { } on ? $" {on:yyyy-MM-dd}" : string.Empty)}{(s.Current ? " *" : string.Empty)}"));
        shown.ShouldBe(expected);
        ApplicantProgress.Of(c).Count(s => s.Current).ShouldBe(1);
    }

    public static TheoryData<UnitLevel, UnitKind, bool, bool> Bodies => new()
    {
        { UnitLevel.City, UnitKind.Bureau, true, true },
        { UnitLevel.County, UnitKind.Bureau, true, true },
        { UnitLevel.Province, UnitKind.Bureau, true, true },
        { UnitLevel.County, UnitKind.Bureau, false, false },
        { UnitLevel.City, UnitKind.Office, true, false },
        { UnitLevel.City, UnitKind.FinanceBureau, true, false },
        { UnitLevel.Township, UnitKind.Bureau, true, false },
        { UnitLevel.County, UnitKind.Other, true, false },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ReconsiderationBodies_AreActiveBureausOfCountyLevelAndAbove(UnitLevel level, UnitKind kind, bool active, bool receives) =>
        ReconsiderationBodies.Receives(level, kind, active).ShouldBe(receives);
}
