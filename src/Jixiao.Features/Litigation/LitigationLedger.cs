using Jixiao.Domain.Calendar;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Organization;
using Jixiao.Features.Home;
using Jixiao.Features.Ledgers;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Litigation;

/// <summary>The litigation register as an <see cref="ILedger"/>: cases in from Excel (all or none), the register (by year filed) out.</summary>
public sealed class LitigationLedger(RegisterLitigation register, ListLitigation list) : ILedger
{
    public const string SheetName = "行政应诉案件";

    public sealed class Row
    {
        public string UnitCode { get; set; } = string.Empty;
        public string Court { get; set; } = string.Empty;
        public string CaseNumber { get; set; } = string.Empty;
        public LitigationInstance Instance { get; set; } = LitigationInstance.First;
        public string Plaintiff { get; set; } = string.Empty;
        public string Defendant { get; set; } = string.Empty;
        public bool CoDefendant { get; set; }
        public DateOnly FiledOn { get; set; }
        public DateOnly? ComplaintReceivedOn { get; set; }
        public DateOnly? DefenceSubmittedOn { get; set; }
        public FirstInstanceOutcome? Outcome { get; set; }
        public DateOnly? ConcludedOn { get; set; }
        public DateOnly? HearingOn { get; set; }
        public bool? HeadAppeared { get; set; }
        public string? AppearedInstead { get; set; }
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.Text("单位代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<Row>.Text("受理法院", (r, v) => r.Court = v, required: true, maxLength: 100, example: "江门市蓬江区人民法院"),
        ImportColumn<Row>.Text("案号", (r, v) => r.CaseNumber = v, required: true, maxLength: 60, example: "（2023）粤0703行初1号"),
        ImportColumn<Row>.Choice("审级", (r, v) => r.Instance = v, [("一审", LitigationInstance.First), ("二审", LitigationInstance.Second)], example: "一审"),
        ImportColumn<Row>.Text("原告", (r, v) => r.Plaintiff = v, required: true, maxLength: 200, example: "张三"),
        ImportColumn<Row>.Text("被告", (r, v) => r.Defendant = v, required: true, maxLength: 100, example: "江门市市场监督管理局"),
        ImportColumn<Row>.YesNo("复议机关共同被告", (r, v) => r.CoDefendant = v, example: false),
        ImportColumn<Row>.Date("立案日期", (r, v) => r.FiledOn = v, required: true, example: new DateOnly(2023, 3, 1)),
        ImportColumn<Row>.Date("收到起诉状副本日期", (r, v) => r.ComplaintReceivedOn = v, example: new DateOnly(2023, 3, 6), help: "不填按立案日期"),
        ImportColumn<Row>.Date("提交答辩状日期", (r, v) => r.DefenceSubmittedOn = v, example: new DateOnly(2023, 3, 17)),
        ImportColumn<Row>.Choice("一审结案方式", (r, v) => r.Outcome = v, [.. Enum.GetValues<FirstInstanceOutcome>().Select(o => (LitigationOutcomes.Name(o), (FirstInstanceOutcome?)o))], example: LitigationOutcomes.Name(FirstInstanceOutcome.DismissClaim)),
        ImportColumn<Row>.Date("结案日期", (r, v) => r.ConcludedOn = v, example: new DateOnly(2023, 6, 20)),
        ImportColumn<Row>.Date("开庭日期", (r, v) => r.HearingOn = v, example: new DateOnly(2023, 5, 10)),
        ImportColumn<Row>.YesNo("负责人出庭", (r, v) => r.HeadAppeared = v, example: true),
        ImportColumn<Row>.Text("代为出庭人员", (r, v) => r.AppearedInstead = v, maxLength: 100, help: "负责人未出庭的填写姓名及职务"),
    ])
    {
        RowRule = r =>
        {
            var problems = new List<(string, string)>();
            if (r.Outcome is not null && r.ConcludedOn is null)
            {
                problems.Add(("结案日期", "填写一审结案方式的，应填写结案日期。"));
            }

            if (r.Outcome is null && r.ConcludedOn is not null)
            {
                problems.Add(("一审结案方式", "填写结案日期的，应填写一审结案方式。"));
            }

            if (r.Outcome is not null && r.Instance == LitigationInstance.Second)
            {
                problems.Add(("一审结案方式", "二审案件不填一审结案方式。"));
            }

            if (r.HearingOn is not null && r.HeadAppeared is null)
            {
                problems.Add(("负责人出庭", "填写开庭日期的，应填写负责人是否出庭。"));
            }

            if (r.HeadAppeared == false && string.IsNullOrWhiteSpace(r.AppearedInstead))
            {
                problems.Add(("代为出庭人员", "负责人未出庭的，应填写代为出庭人员。"));
            }

            return problems;
        },
    };

    public string Name => "litigation";

    public string Title => "行政应诉案件";

    public Area Area => Area.Litigation;

    public byte[] Template() => Spec.Template();

    public async Task<int> ImportAsync(Stream xlsx, long length, CancellationToken cancellationToken)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var ids = await register.HandleManyAsync(
            [.. result.Rows.Select(r => new RegisterLitigation.Command(r.UnitCode, r.Court, r.CaseNumber, r.Instance, r.Plaintiff, r.Defendant, r.CoDefendant,
                r.FiledOn, r.ComplaintReceivedOn, r.DefenceSubmittedOn, r.Outcome, r.ConcludedOn,
                r.HearingOn is { } h ? new RegisterLitigation.HearingInput(h, r.HeadAppeared ?? false, null, r.AppearedInstead) : null))],
            i => $"第{i + 1}条案件（{result.Rows[i].CaseNumber}）：",
            cancellationToken);
        return ids.Count;
    }

    public Task<byte[]> ExportAsync(string? unitCode, int? year, CancellationToken cancellationToken) =>
        list.ExportAsync(new ListLitigation.Query(
            UnitCode: unitCode,
            FiledFrom: year is { } from ? new DateOnly(from, 1, 1) : null,
            FiledTo: year is { } to ? new DateOnly(to, 12, 31) : null), cancellationToken);
}

/// <summary>
/// Defence deadlines on the to-do list: each case in scope whose defence (答辩状, 15 days from receiving the complaint)
/// is not yet submitted and is due within 3 working days (yellow) or overdue (red).
/// </summary>
public sealed class LitigationTodos(ListLitigation list) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CurrentUser user, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.CaseHandler) && !user.IsInRole(Roles.ReconsiderationHead))
        {
            return [];
        }

        var rows = await list.DefenceDueAsync(cancellationToken);
        return [.. rows.Select(r => new TodoItem(
            Roles.AreaName(Area.Litigation),
            $"{(r.Status == DeadlineStatus.Overdue ? "已超期" : "临期")}：{r.CaseNumber} 提交答辩状",
            $"{r.Plaintiff} 诉 {r.Defendant} · {r.Court}",
            r.Due,
            r.Status == DeadlineStatus.Overdue ? TodoUrgency.Overdue : TodoUrgency.DueSoon,
            $"litigation/cases/{r.Id}"))];
    }
}
