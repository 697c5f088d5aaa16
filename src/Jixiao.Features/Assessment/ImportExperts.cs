using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Assessment;

/// <summary>Experts appointed from Excel (专家库名册): all rows or none.</summary>
public sealed class ImportExperts(ExpertPools pools, CurrentUser user)
{
    public const string SheetName = "专家库";

    public sealed class Row
    {
        public string UnitCode { get; set; } = string.Empty;
        public string Pool { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string Organization { get; set; } = string.Empty;
        public string? Title { get; set; }
        public string? Field { get; set; }
        public string? Phone { get; set; }
        public DateOnly AppointedOn { get; set; }
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.Text("所属单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<Row>.Text("专家库", (r, v) => r.Pool = v, required: true, maxLength: 100, example: "江门市依法治市咨询专家库"),
        ImportColumn<Row>.Text("姓名", (r, v) => r.Name = v, required: true, maxLength: 64, example: "张三"),
        ImportColumn<Row>.Text("工作单位", (r, v) => r.Organization = v, required: true, maxLength: 100, example: "五邑大学政法学院"),
        ImportColumn<Row>.Text("职称职务", (r, v) => r.Title = v, maxLength: 100, example: "教授"),
        ImportColumn<Row>.Text("专业领域", (r, v) => r.Field = v, maxLength: 100, example: "行政法"),
        ImportColumn<Row>.Text("联系电话", (r, v) => r.Phone = v, maxLength: 20, example: "13800000000"),
        ImportColumn<Row>.Date("聘任日期", (r, v) => r.AppointedOn = v, required: true, example: new DateOnly(2023, 3, 1)),
    ]);

    public async Task<int> HandleAsync(Stream xlsx, long? length, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Assessment, write: true);
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        return await pools.AppointAsync(
            [.. result.Rows.Select(r => new ExpertPools.Appointment(r.UnitCode, r.Pool, r.Name, r.Organization, r.Title, r.Field, r.Phone, r.AppointedOn))],
            i => $"第{i + 1}条记录（{result.Rows[i].Name}）：", cancellationToken);
    }
}
