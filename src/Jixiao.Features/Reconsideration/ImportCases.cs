using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// Applications registered from Excel (e.g. from the old paper ledger): a template to download, then
/// every row registered or none, with each problem named by sheet, row and column.
/// </summary>
public sealed class ImportCases(RegisterApplication register)
{
    public const string SheetName = "行政复议申请";

    public sealed class Row
    {
        public string UnitCode { get; set; } = string.Empty;
        public DateOnly ReceivedOn { get; set; }
        public MatterCategory Matter { get; set; }
        public ApplicationChannel Channel { get; set; } = ApplicationChannel.InPerson;
        public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;
        public string ApplicantName { get; set; } = string.Empty;
        public string IdNumber { get; set; } = string.Empty;
        public string? Phone { get; set; }
        public string? Address { get; set; }
        public string? Agent { get; set; }
        public bool EnterpriseRelated { get; set; }
        public string Respondent { get; set; } = string.Empty;
        public string ContestedAct { get; set; } = string.Empty;
        public string Requests { get; set; } = string.Empty;
    }

    public static ImportSpec<Row> Spec { get; } = new(SheetName,
    [
        ImportColumn<Row>.Text("复议机关代码", (r, v) => r.UnitCode = v, required: true, maxLength: 32, example: "440700"),
        ImportColumn<Row>.Date("收件日期", (r, v) => r.ReceivedOn = v, required: true, example: new DateOnly(2023, 3, 15)),
        ImportColumn<Row>.Choice("事项类别", (r, v) => r.Matter = v, [.. Enum.GetValues<MatterCategory>().Select(m => (CaseTermNames.Name(m), m))], required: true, example: CaseTermNames.Name(MatterCategory.AdministrativePenalty)),
        ImportColumn<Row>.Choice("申请方式", (r, v) => r.Channel = v, [.. Enum.GetValues<ApplicationChannel>().Select(c => (CaseTermNames.Name(c), c))], example: CaseTermNames.Name(ApplicationChannel.InPerson)),
        ImportColumn<Row>.Choice("申请人类型", (r, v) => r.Kind = v, [.. Enum.GetValues<ApplicantKind>().Select(k => (CaseTermNames.Name(k), k))], example: CaseTermNames.Name(ApplicantKind.Citizen)),
        ImportColumn<Row>.Text("申请人", (r, v) => r.ApplicantName = v, required: true, maxLength: 100, example: "张三"),
        ImportColumn<Row>.Text("证件号码", (r, v) => r.IdNumber = v, required: true, maxLength: 18, example: "440703198506121535", help: "公民填身份证号码，法人和其他组织填统一社会信用代码"),
        ImportColumn<Row>.Text("联系电话", (r, v) => r.Phone = v, maxLength: 20, example: "0750-3000000"),
        ImportColumn<Row>.Text("地址", (r, v) => r.Address = v, maxLength: 200, example: "江门市蓬江区建设路1号"),
        ImportColumn<Row>.Text("代理人", (r, v) => r.Agent = v, maxLength: 100, example: "李明（律师）"),
        ImportColumn<Row>.YesNo("涉企", (r, v) => r.EnterpriseRelated = v, example: false),
        ImportColumn<Row>.Text("被申请人", (r, v) => r.Respondent = v, required: true, maxLength: 100, example: "江门市市场监督管理局"),
        ImportColumn<Row>.Text("被复议行为", (r, v) => r.ContestedAct = v, required: true, maxLength: 500, example: "江市监罚〔2023〕1号行政处罚决定"),
        ImportColumn<Row>.Text("复议请求", (r, v) => r.Requests = v, required: true, maxLength: 2000, example: "请求撤销该行政处罚决定"),
    ])
    {
        RowRule = r =>
        {
            var check = r.Kind == ApplicantKind.Citizen ? ResidentIdNumber.Check(r.IdNumber, null) : UnifiedSocialCreditCode.Check(r.IdNumber);
            return check.IsValid ? [] : [("证件号码", check.Error!)];
        },
    };

    /// <returns>The case numbers given to the imported applications.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(Stream xlsx, long? length, CancellationToken cancellationToken = default)
    {
        var result = Spec.Read(xlsx, length);
        result.ThrowIfFailed();
        var registered = await register.ImportAsync(
            [.. result.Rows.Select(r => new RegisterApplication.Command(r.UnitCode, r.ReceivedOn, r.Matter, r.Channel, r.Kind, r.ApplicantName,
                r.Kind == ApplicantKind.Citizen ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode,
                r.IdNumber, r.Phone, r.Address, r.Agent, r.EnterpriseRelated, r.Requests, r.ContestedAct, r.Respondent))],
            i => $"第{i + 1}条申请（{result.Rows[i].ApplicantName}）：",
            $"Excel工作表“{SheetName}”",
            cancellationToken);
        return [.. registered.Select(r => r.CaseNumber)];
    }
}
