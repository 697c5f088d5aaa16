namespace Jixiao.Domain.Reconsideration;

/// <summary>The kind of letter a reconsideration body sends an agency beside its decision.</summary>
public enum LetterKind
{
    /// <summary>行政复议意见书：纠正违法或者不当的行政行为（《行政复议法》第七十六条）。</summary>
    Opinion = 1,

    /// <summary>行政复议建议书：完善制度、改进执法（《行政复议法实施条例》第五十八条）。</summary>
    Recommendation = 2,
}

/// <summary>What a copy to the respondent's superior (抄告) carried.</summary>
public enum CopiedDocument
{
    /// <summary>行政复议决定书</summary>
    Decision = 1,

    /// <summary>行政复议意见书</summary>
    OpinionLetter = 2,
}

/// <summary>Where the performance (履行) of a decision or mediation statement stands.</summary>
/// <remarks>《行政复议法》第七十七条（被申请人不履行的，责令限期履行）、第七十八条（申请人、第三人不履行的，强制执行或者申请人民法院强制执行）。</remarks>
public enum PerformanceStatus
{
    /// <summary>待履行</summary>
    Pending = 1,

    /// <summary>已履行</summary>
    Performed = 2,

    /// <summary>未按期履行，已责令限期履行（第七十七条）</summary>
    Urged = 3,

    /// <summary>未履行，已依法强制执行或申请人民法院强制执行（第七十八条）</summary>
    EnforcementApplied = 4,
}

/// <summary>Chinese names of the follow-up terms.</summary>
public static class FollowUpNames
{
    /// <summary>意见书 / 建议书.</summary>
    public static string Name(LetterKind kind) => kind switch
    {
        LetterKind.Opinion => "意见书",
        LetterKind.Recommendation => "建议书",
        _ => kind.ToString(),
    };

    /// <summary>The document's title: 行政复议意见书 / 行政复议建议书.</summary>
    public static string Title(LetterKind kind) => "行政复议" + Name(kind);

    public static string Name(CopiedDocument document) => document switch
    {
        CopiedDocument.Decision => "行政复议决定书",
        CopiedDocument.OpinionLetter => "行政复议意见书",
        _ => document.ToString(),
    };

    public static string Name(PerformanceStatus status) => status switch
    {
        PerformanceStatus.Pending => "待履行",
        PerformanceStatus.Performed => "已履行",
        PerformanceStatus.Urged => "未按期履行，已责令限期履行",
        PerformanceStatus.EnforcementApplied => "已申请强制执行",
        _ => status.ToString(),
    };
}

/// <summary>
/// What a handler enters to record an opinion or recommendation letter: kind, number (文号), the agency it is
/// addressed to (from the maintained list when it is there), the day it was served and what it asks for.
/// </summary>
public sealed record LetterDraft(LetterKind Kind, string Number, string AddresseeName, int? AddresseeAgencyId, DateOnly ServedOn, string Summary)
{
    public const int MaxSummaryLength = 1000;

    /// <summary>Every problem with the fields at once.</summary>
    public List<ValidationProblem> Problems()
    {
        var problems = new List<ValidationProblem>();
        if (!Enum.IsDefined(Kind))
        {
            problems.Add(new("文书种类", "请选择意见书或建议书。"));
        }

        if (string.IsNullOrWhiteSpace(Number))
        {
            problems.Add(new("文号", "文号不能为空。"));
        }
        else if (Number.Trim().Length > 100)
        {
            problems.Add(new("文号", "文号不能超过100字。"));
        }

        if (string.IsNullOrWhiteSpace(AddresseeName))
        {
            problems.Add(new("送达机关", "送达机关不能为空。"));
        }
        else if (AddresseeName.Trim().Length > 100)
        {
            problems.Add(new("送达机关", "送达机关不能超过100字。"));
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            problems.Add(new("主要内容", "主要内容不能为空：请写明指出的问题和整改要求。"));
        }
        else if (Summary.Trim().Length > MaxSummaryLength)
        {
            problems.Add(new("主要内容", $"主要内容不能超过{MaxSummaryLength}字。"));
        }

        return problems;
    }
}

/// <summary>
/// An opinion letter (行政复议意见书) or recommendation letter (行政复议建议书) of a case, served on an agency,
/// and the agency's rectification reply (整改反馈) once it arrives.
/// </summary>
/// <remarks>《行政复议法》第七十六条：有关机关应当自收到行政复议意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送行政复议机关。</remarks>
public sealed class CaseLetter
{
    private CaseLetter()
    {
        Number = AddresseeName = Summary = string.Empty;
    }

    internal CaseLetter(LetterDraft draft)
    {
        Kind = draft.Kind;
        Number = draft.Number.Trim();
        AddresseeName = draft.AddresseeName.Trim();
        AddresseeAgencyId = draft.AddresseeAgencyId;
        ServedOn = draft.ServedOn;
        Summary = draft.Summary.Trim();
    }

    public int Id { get; private set; }

    public LetterKind Kind { get; private set; }

    /// <summary>文号, unique within the case.</summary>
    public string Number { get; private set; }

    /// <summary>The agency in the maintained list, when the addressee is there.</summary>
    public int? AddresseeAgencyId { get; private set; }

    public string AddresseeName { get; private set; }

    /// <summary>The day the agency received the letter; the 60 days run from it.</summary>
    public DateOnly ServedOn { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The day the rectification reply (整改反馈) arrived, null while it is awaited.</summary>
    public DateOnly? ReplyReceivedOn { get; private set; }

    public string? ReplyNumber { get; private set; }

    public string? ReplyNote { get; private set; }

    public bool AwaitingReply => ReplyReceivedOn is null;

    internal void RecordReply(DateOnly receivedOn, string? number, string? note)
    {
        ReplyReceivedOn = receivedOn;
        ReplyNumber = number;
        ReplyNote = note;
    }
}

/// <summary>A copy of a decision or an opinion letter sent to the respondent's superior authority (抄告).</summary>
/// <remarks>《行政复议法》第七十九条：行政复议机关审理被申请人为本级人民政府工作部门的行政复议案件，应当将发生法律效力的行政复议决定书、意见书同时抄告被申请人的上一级主管部门。</remarks>
public sealed class SuperiorCopy
{
    private SuperiorCopy()
    {
        Recipient = string.Empty;
    }

    internal SuperiorCopy(CopiedDocument document, CaseLetter? letter, string recipient, DateOnly sentOn, string? number)
    {
        Document = document;
        Letter = letter;
        Recipient = recipient;
        SentOn = sentOn;
        Number = number;
    }

    public int Id { get; private set; }

    public CopiedDocument Document { get; private set; }

    /// <summary>The opinion letter copied, when <see cref="Document"/> is <see cref="CopiedDocument.OpinionLetter"/>.</summary>
    public CaseLetter? Letter { get; private set; }

    public int? LetterId { get; private set; }

    /// <summary>The superior authority the copy went to.</summary>
    public string Recipient { get; private set; }

    public DateOnly SentOn { get; private set; }

    /// <summary>The number of the covering letter (抄告函文号), if any.</summary>
    public string? Number { get; private set; }
}
