using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.NormativeDocuments;

/// <summary>
/// A legality review (合法性审核/审查) of a draft normative document: which level, who drafted it, when it came in,
/// when the opinion went out and with what result.
/// </summary>
public sealed class LegalityReview : IUnitScoped
{
    private LegalityReview()
    {
        Title = DraftingUnit = string.Empty;
    }

    public LegalityReview(int unitId, DocumentLevel level, string title, string draftingUnit, DateOnly receivedOn,
        DateOnly? reviewedOn, ReviewResult? result, string? note)
        : this()
    {
        UnitId = unitId;
        Update(level, title, draftingUnit, receivedOn, reviewedOn, result, note);
    }

    public int Id { get; private set; }

    /// <summary>The reviewing unit (审核机关).</summary>
    public int UnitId { get; private set; }

    public DocumentLevel Level { get; private set; }

    /// <summary>文件名称（送审稿）.</summary>
    public string Title { get; private set; }

    /// <summary>起草单位.</summary>
    public string DraftingUnit { get; private set; }

    /// <summary>收文日期.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>出具审核意见日期; null while the review is open.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    public ReviewResult? Result { get; private set; }

    public string? Note { get; private set; }

    /// <summary>用时（自然日）, once reviewed.</summary>
    public int? DaysTaken => ReviewedOn is { } r ? NormativeRules.DaysTaken(ReceivedOn, r) : null;

    /// <summary>Changes every field; a result needs a review date and a review date a result, not before the day received.</summary>
    public void Update(DocumentLevel level, string title, string draftingUnit, DateOnly receivedOn, DateOnly? reviewedOn, ReviewResult? result, string? note)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("文件类别不正确。");
        }

        var t = Text.Required(title, "文件名称", 200);
        var d = Text.Required(draftingUnit, "起草单位", 100);
        if (reviewedOn is { } r)
        {
            NormativeRules.DaysTaken(receivedOn, r);
        }

        if ((reviewedOn is null) != (result is null))
        {
            throw new DomainException(result is null ? "已填写审核日期，请选择审核结果。" : "已选择审核结果，请填写审核日期。");
        }

        Level = level;
        Title = t;
        DraftingUnit = d;
        ReceivedOn = receivedOn;
        ReviewedOn = reviewedOn;
        Result = result;
        Note = Text.Optional(note, 500);
    }
}
