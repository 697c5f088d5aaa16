using Jixiao.Domain;
using Jixiao.Domain.Activities;
using Jixiao.Domain.Organization;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Activities;

/// <summary>
/// The activity register as an <see cref="ILedger"/>: activities from Excel (all rows or none; the kind by its
/// name, including kinds an administrator added) and the register of a unit and year out. A selection's
/// candidates are kept on the page, not in the sheet.
/// </summary>
public sealed class ActivityLedger(SaveActivity save, ListActivities list, IDbContextFactory<JixiaoDbContext> dbFactory) : ILedger
{
    public const string SheetName = "工作台账";

    public sealed class Row
    {
        public string UnitCode { get; set; } = string.Empty;
        public string Kind { get; set; } = string.Empty;
        public DateOnly HeldOn { get; set; }
        public string Title { get; set; } = string.Empty;
        public int? Participants { get; set; }
        public string? TakingPartUnits { get; set; }
        public string? Description { get; set; }
        public string? ReviewPanel { get; set; }
        public int? Quota { get; set; }
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.Text("组织单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<Row>.Text("活动类型", (r, v) => r.Kind = v, required: true, maxLength: 32, example: "培训讲座",
            help: "专题会议、领导批示、培训讲座、开放日、督察检查、专项整治、评选活动、宣传活动、咨询论证，或管理员增设的类型"),
        ImportColumn<Row>.Date("活动日期", (r, v) => r.HeldOn = v, required: true, example: new DateOnly(2023, 5, 18)),
        ImportColumn<Row>.Text("活动名称", (r, v) => r.Title = v, required: true, maxLength: 200, example: "全市行政执法人员法治培训讲座"),
        ImportColumn<Row>.WholeNumber("参加人数", (r, v) => r.Participants = v, min: 0, max: 10_000_000, example: 120),
        ImportColumn<Row>.Text("参与单位", (r, v) => r.TakingPartUnits = v, maxLength: 500, example: "市直各执法部门"),
        ImportColumn<Row>.Text("活动内容", (r, v) => r.Description = v, maxLength: 4000, example: "邀请省司法厅专家讲授行政执法程序规范"),
        ImportColumn<Row>.Text("评审组", (r, v) => r.ReviewPanel = v, maxLength: 500, help: "仅评选活动填写，评审人姓名以顿号分隔"),
        ImportColumn<Row>.WholeNumber("名额", (r, v) => r.Quota = v, min: 1, max: 10_000, help: "仅评选活动填写"),
    ]);

    public string Name => "activities";

    public string Title => "工作台账活动";

    public Area Area => Area.Activities;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        Dictionary<string, int> kinds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            kinds = await db.ActivityKinds.AsNoTracking().ToDictionaryAsync(k => k.Name, k => k.Id, cancellationToken);
        }

        var problems = new List<ValidationProblem>();
        for (var i = 0; i < result.Rows.Count; i++)
        {
            if (!kinds.ContainsKey(result.Rows[i].Kind))
            {
                problems.Add(new ValidationProblem($"{SheetName}第{i + 1}条活动（活动类型）",
                    $"第{i + 1}条活动（{result.Rows[i].Title}）：活动类型“{result.Rows[i].Kind}”不存在，可选：{string.Join("、", kinds.Keys)}。"));
            }
        }

        ValidationException.ThrowIfAny(problems);
        var ids = await save.CreateManyAsync(
            [.. result.Rows.Select(r => new SaveActivity.Command(r.UnitCode, kinds[r.Kind],
                new ActivityDetails(r.HeldOn, r.Title, r.Participants, r.TakingPartUnits, r.Description, r.ReviewPanel, r.Quota)))],
            i => $"第{i + 1}条活动（{result.Rows[i].Title}）：", cancellationToken);
        return ids.Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListActivities.Query(unitCode, null,
            year is { } from ? new DateOnly(from, 1, 1) : null,
            year is { } to ? new DateOnly(to, 12, 31) : null), cancellationToken);
}
