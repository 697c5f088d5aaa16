using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;

namespace Jixiao.Domain.NormativeDocuments;

/// <summary>
/// A cleanup campaign (规范性文件清理): every document examined with its opinion, and the decision that published
/// the result (e.g. 《江门市人民政府关于部分市政府规范性文件予以废止和明确实施期限的决定》).
/// </summary>
public sealed class CleanupCampaign : IUnitScoped
{
    private CleanupCampaign()
    {
        Name = string.Empty;
    }

    public CleanupCampaign(int unitId, string name, DateOnly startedOn, string? decisionTitle, DateOnly? decisionPublishedOn)
        : this()
    {
        UnitId = unitId;
        Update(name, startedOn, decisionTitle, decisionPublishedOn);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>清理名称, unique per unit.</summary>
    public string Name { get; private set; }

    /// <summary>启动日期: the figures of a year count the campaigns started in it.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>发布清理结果的决定.</summary>
    public string? DecisionTitle { get; private set; }

    public DateOnly? DecisionPublishedOn { get; private set; }

    public void Update(string name, DateOnly startedOn, string? decisionTitle, DateOnly? decisionPublishedOn)
    {
        var n = Text.Required(name, "清理名称", 100);
        var d = Text.Optional(decisionTitle, 200);
        if ((d is null) != (decisionPublishedOn is null))
        {
            throw new DomainException("清理结果决定的名称和发布日期须同时填写。");
        }

        if (decisionPublishedOn < startedOn)
        {
            throw new DomainException($"决定发布日期{decisionPublishedOn:yyyy-MM-dd}早于清理启动日期{startedOn:yyyy-MM-dd}。");
        }

        Name = n;
        StartedOn = startedOn;
        DecisionTitle = d;
        DecisionPublishedOn = decisionPublishedOn;
    }
}

/// <summary>One document examined in a cleanup and the opinion on it. Carries the campaign's unit for the scope.</summary>
public sealed class CleanupItem : IUnitScoped
{
    private CleanupItem()
    {
        Title = IssuingBody = string.Empty;
    }

    public CleanupItem(CleanupCampaign campaign, DocumentLevel level, string title, string issuingBody, string? documentNumber, CleanupOpinion opinion, string? note)
        : this()
    {
        ArgumentNullException.ThrowIfNull(campaign);
        UnitId = campaign.UnitId;
        CampaignId = campaign.Id;
        Update(level, title, issuingBody, documentNumber, opinion, note);
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int CampaignId { get; private set; }

    public DocumentLevel Level { get; private set; }

    public string Title { get; private set; }

    /// <summary>制定机关.</summary>
    public string IssuingBody { get; private set; }

    public string? DocumentNumber { get; private set; }

    public CleanupOpinion Opinion { get; private set; }

    public string? Note { get; private set; }

    public void Update(DocumentLevel level, string title, string issuingBody, string? documentNumber, CleanupOpinion opinion, string? note)
    {
        if (!Enum.IsDefined(level) || !Enum.IsDefined(opinion))
        {
            throw new DomainException("文件类别或清理意见不正确。");
        }

        Level = level;
        Title = Text.Required(title, "文件名称", 200);
        IssuingBody = Text.Required(issuingBody, "制定机关", 100);
        DocumentNumber = Text.Optional(documentNumber, 60);
        Opinion = opinion;
        Note = Text.Optional(note, 500);
    }
}
