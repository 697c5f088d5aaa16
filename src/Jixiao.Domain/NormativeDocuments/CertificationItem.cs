using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.NormativeDocuments;

/// <summary>
/// A certification item (证明事项) under the notification-and-commitment scheme (证明事项告知承诺制): its field, the
/// agency that applies it, when it was brought under the scheme, and the cases handled under it so far.
/// </summary>
public sealed class CertificationItem : IUnitScoped
{
    private CertificationItem()
    {
        Name = Agency = string.Empty;
    }

    public CertificationItem(int unitId, string name, CertificationField field, string agency, DateOnly includedOn, int casesHandled, DateOnly? casesAsOf, string? note)
        : this()
    {
        UnitId = unitId;
        Update(name, field, agency, includedOn, casesHandled, casesAsOf, note);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>证明事项名称.</summary>
    public string Name { get; private set; }

    public CertificationField Field { get; private set; }

    /// <summary>实施机关.</summary>
    public string Agency { get; private set; }

    /// <summary>纳入告知承诺制日期: the figures of a year count the items brought in during it.</summary>
    public DateOnly IncludedOn { get; private set; }

    /// <summary>以告知承诺方式办理的件数（累计）.</summary>
    public int CasesHandled { get; private set; }

    /// <summary>办件数统计截止日期.</summary>
    public DateOnly? CasesAsOf { get; private set; }

    public string? Note { get; private set; }

    public void Update(string name, CertificationField field, string agency, DateOnly includedOn, int casesHandled, DateOnly? casesAsOf, string? note)
    {
        if (!Enum.IsDefined(field))
        {
            throw new DomainException("所属领域不正确。");
        }

        if (casesHandled < 0)
        {
            throw new DomainException("办件数不能为负数。");
        }

        if (casesAsOf < includedOn)
        {
            throw new DomainException($"办件数截止日期{casesAsOf:yyyy-MM-dd}早于纳入日期{includedOn:yyyy-MM-dd}。");
        }

        Name = Text.Required(name, "证明事项名称", 200);
        Field = field;
        Agency = Text.Required(agency, "实施机关", 100);
        IncludedOn = includedOn;
        CasesHandled = casesHandled;
        CasesAsOf = casesAsOf;
        Note = Text.Optional(note, 500);
    }
}
