using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.NormativeDocuments;

/// <summary>
/// A filing review (备案审查) of a normative document a county-level government filed with the city: when it was
/// published and filed (on time or not), and the result of the review.
/// </summary>
public sealed class FilingReview : IUnitScoped
{
    private FilingReview()
    {
        FilingGovernment = Title = string.Empty;
    }

    public FilingReview(int unitId, string filingGovernment, string title, string? documentNumber, DateOnly publishedOn, DateOnly filedOn,
        DateOnly? reviewedOn, FilingResult? result, string? note)
        : this()
    {
        UnitId = unitId;
        Update(filingGovernment, title, documentNumber, publishedOn, filedOn, reviewedOn, result, note);
    }

    public int Id { get; private set; }

    /// <summary>The reviewing unit (备案审查机关).</summary>
    public int UnitId { get; private set; }

    /// <summary>报备机关, e.g. 台山市人民政府.</summary>
    public string FilingGovernment { get; private set; }

    public string Title { get; private set; }

    /// <summary>文号.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>公布日期.</summary>
    public DateOnly PublishedOn { get; private set; }

    /// <summary>报备日期.</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>审查完成日期.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    public FilingResult? Result { get; private set; }

    public string? Note { get; private set; }

    /// <summary>按时报备: filed within <see cref="NormativeRules.FilingDays"/> days of publication.</summary>
    public bool FiledOnTime => NormativeRules.FiledOnTime(PublishedOn, FiledOn);

    public void Update(string filingGovernment, string title, string? documentNumber, DateOnly publishedOn, DateOnly filedOn,
        DateOnly? reviewedOn, FilingResult? result, string? note)
    {
        var g = Text.Required(filingGovernment, "报备机关", 100);
        var t = Text.Required(title, "文件名称", 200);
        if (filedOn < publishedOn)
        {
            throw new DomainException($"报备日期{filedOn:yyyy-MM-dd}早于公布日期{publishedOn:yyyy-MM-dd}。");
        }

        if (reviewedOn < filedOn)
        {
            throw new DomainException($"审查日期{reviewedOn:yyyy-MM-dd}早于报备日期{filedOn:yyyy-MM-dd}。");
        }

        if ((reviewedOn is null) != (result is null))
        {
            throw new DomainException(result is null ? "已填写审查日期，请选择审查结果。" : "已选择审查结果，请填写审查日期。");
        }

        FilingGovernment = g;
        Title = t;
        DocumentNumber = Text.Optional(documentNumber, 60);
        PublishedOn = publishedOn;
        FiledOn = filedOn;
        ReviewedOn = reviewedOn;
        Result = result;
        Note = Text.Optional(note, 500);
    }
}
