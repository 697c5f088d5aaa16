using Jixiao.Domain.Identity;

namespace Jixiao.Domain.Reconsideration;

/// <summary>The kind of identification an applicant gives (证件类型).</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证</summary>
    ResidentIdCard = 1,

    /// <summary>统一社会信用代码</summary>
    UnifiedSocialCreditCode = 2,
}

/// <summary>
/// What the register records about an application beyond its number, dates and parties' names:
/// the applicant's identification and contact, the agent, the contested act, the requests and
/// whether an enterprise is concerned.
/// </summary>
public sealed record ApplicationParticulars(
    IdDocumentType IdType,
    string IdNumber,
    string? Phone,
    string? Address,
    string? AgentName,
    bool EnterpriseRelated,
    string Requests,
    string ContestedAct,
    int? RespondentAgencyId)
{
    public const int MaxRequestsLength = 4000;

    /// <summary>Checks every field and returns all problems at once.</summary>
    /// <remarks>居民身份证号码按 GB 11643-1999 校验，统一社会信用代码按 GB 32100-2015 校验。</remarks>
    public List<ValidationProblem> Problems(ApplicantKind kind, DateOnly today)
    {
        var problems = new List<ValidationProblem>();
        if (!Enum.IsDefined(IdType))
        {
            problems.Add(new("证件类型", "请选择证件类型。"));
        }
        else
        {
            var check = IdType == IdDocumentType.ResidentIdCard ? ResidentIdNumber.Check(IdNumber, today) : UnifiedSocialCreditCode.Check(IdNumber);
            if (!check.IsValid)
            {
                problems.Add(new("证件号码", check.Error!));
            }

            if (kind == ApplicantKind.Citizen && IdType != IdDocumentType.ResidentIdCard)
            {
                problems.Add(new("证件类型", "申请人为公民的，证件类型应为居民身份证。"));
            }

            if (kind != ApplicantKind.Citizen && IdType != IdDocumentType.UnifiedSocialCreditCode)
            {
                problems.Add(new("证件类型", "申请人为法人或其他组织的，证件类型应为统一社会信用代码。"));
            }
        }

        if (Phone is { Length: > 0 } phone && (phone.Trim().Length is < 7 or > 20 || !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            problems.Add(new("联系电话", $"联系电话“{phone}”格式不正确。"));
        }

        if (Address is { Length: > 200 })
        {
            problems.Add(new("住所", "住所不能超过200字。"));
        }

        if (AgentName is { Length: > 64 })
        {
            problems.Add(new("代理人", "代理人不能超过64字。"));
        }

        if (string.IsNullOrWhiteSpace(Requests))
        {
            problems.Add(new("行政复议请求", "行政复议请求不能为空。"));
        }
        else if (Requests.Length > MaxRequestsLength)
        {
            problems.Add(new("行政复议请求", $"行政复议请求不能超过{MaxRequestsLength}字。"));
        }

        if (string.IsNullOrWhiteSpace(ContestedAct))
        {
            problems.Add(new("被申请复议的行政行为", "被申请复议的行政行为不能为空。"));
        }
        else if (ContestedAct.Length > 500)
        {
            problems.Add(new("被申请复议的行政行为", "被申请复议的行政行为不能超过500字。"));
        }

        return problems;
    }
}

/// <summary>
/// An agency that can be a respondent (被申请人), with its superior authority, to which decisions
/// and opinion letters on its cases are copied (抄告).
/// </summary>
/// <remarks>《行政复议法》第七十九条。</remarks>
public sealed class Agency
{
    private Agency()
    {
        Name = string.Empty;
    }

    public Agency(string name, string? superiorName)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("机关名称不能为空。") : name.Trim();
        SuperiorName = string.IsNullOrWhiteSpace(superiorName) ? null : superiorName.Trim();
        if (Name.Length > 100 || SuperiorName is { Length: > 100 })
        {
            throw new DomainException("机关名称不能超过100字。");
        }
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The superior authority (上级主管部门或本级人民政府) that receives the 抄告 copy.</summary>
    public string? SuperiorName { get; private set; }
}
