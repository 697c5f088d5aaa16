using Jixiao.Domain.Organization;
using Jixiao.Domain.Rectification;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Rectification;

/// <summary>
/// The rectification register as an <see cref="ILedger"/>: items from Excel, with the progress already made (all rows
/// or none), and the register of a unit and year (by date found) out in the same columns.
/// </summary>
public sealed class RectificationLedger(SaveRectification save, ListRectifications list) : ILedger
{
    public const string SheetName = "问题整改";

    public sealed class Row
    {
        public string UnitCode { get; set; } = string.Empty;
        public RectificationSource Source { get; set; }
        public string? SourceReference { get; set; }
        public DateOnly FoundOn { get; set; }
        public string Problem { get; set; } = string.Empty;
        public string OwnerName { get; set; } = string.Empty;
        public string? OwnerUserName { get; set; }
        public string? Measure { get; set; }
        public DateOnly? Deadline { get; set; }
        public RectificationStatus Status { get; set; } = RectificationStatus.Open;
        public DateOnly? RectifiedOn { get; set; }
        public string? Result { get; set; }
        public DateOnly? VerifiedOn { get; set; }
        public string? VerifiedBy { get; set; }
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.Text("责任单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<Row>.Choice("问题来源", (r, v) => r.Source = v, [.. Enum.GetValues<RectificationSource>().Select(s => (RectificationRules.Name(s), s))], required: true,
            example: RectificationRules.Name(RectificationSource.QualityReview)),
        ImportColumn<Row>.Text("来源说明", (r, v) => r.SourceReference = v, maxLength: 200, example: "2023年行政复议案件质量评查"),
        ImportColumn<Row>.Date("发现日期", (r, v) => r.FoundOn = v, required: true, example: new DateOnly(2023, 6, 20)),
        ImportColumn<Row>.Text("问题描述", (r, v) => r.Problem = v, required: true, maxLength: 2000, example: "个别案件听取意见笔录未由当事人签名确认"),
        ImportColumn<Row>.Text("整改责任人", (r, v) => r.OwnerName = v, required: true, maxLength: 64, example: "吴家豪"),
        ImportColumn<Row>.Text("责任人账号", (r, v) => r.OwnerUserName = v, maxLength: 256, example: "jx.case", help: "填写后逾期提醒显示在该用户的待办中"),
        ImportColumn<Row>.Text("整改措施", (r, v) => r.Measure = v, maxLength: 2000, example: "制定听取意见笔录范本，逐案复核签名"),
        ImportColumn<Row>.Date("整改期限", (r, v) => r.Deadline = v, example: new DateOnly(2023, 8, 31)),
        ImportColumn<Row>.Choice("状态", (r, v) => r.Status = v, [.. Enum.GetValues<RectificationStatus>().Select(s => (RectificationRules.Name(s), s))],
            example: RectificationRules.Name(RectificationStatus.Open), help: "已整改、已验收的须填写整改措施、整改完成日期和整改情况"),
        ImportColumn<Row>.Date("整改完成日期", (r, v) => r.RectifiedOn = v),
        ImportColumn<Row>.Text("整改情况", (r, v) => r.Result = v, maxLength: 2000),
        ImportColumn<Row>.Date("验收日期", (r, v) => r.VerifiedOn = v),
        ImportColumn<Row>.Text("验收人", (r, v) => r.VerifiedBy = v, maxLength: 64),
    ]);

    public string Name => "rectification";

    public string Title => "整改事项";

    public Area Area => Area.Rectification;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var ids = await save.CreateManyAsync(
            [.. result.Rows.Select(r => new SaveRectification.Command(r.UnitCode, r.Source, r.FoundOn,
                new RectificationDetails(r.Problem, r.OwnerName, r.OwnerUserName, r.Measure, r.Deadline, r.SourceReference),
                r.Status, r.RectifiedOn, r.Result, r.VerifiedOn, r.VerifiedBy))],
            i => $"第{i + 1}条整改事项：", cancellationToken);
        return ids.Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListRectifications.Query(unitCode,
            FoundFrom: year is { } from ? new DateOnly(from, 1, 1) : null,
            FoundTo: year is { } to ? new DateOnly(to, 12, 31) : null), cancellationToken);
}
