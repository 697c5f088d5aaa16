namespace Jixiao.Domain.NormativeDocuments;

/// <summary>
/// The counting rules of the normative-document figures (seed-figures.md): which records each figure counts.
/// </summary>
public static class NormativeRules
{
    /// <summary>Days a lower government has to file a document after publishing it.</summary>
    /// <remarks>《广东省行政规范性文件管理规定》：自公布之日起15日内报送备案 (calendar days).</remarks>
    public const int FilingDays = 15;

    /// <summary>Days a review took: from the day the draft was received to the day the opinion was given (用时，自然日).</summary>
    public static int DaysTaken(DateOnly receivedOn, DateOnly reviewedOn) =>
        reviewedOn < receivedOn
            ? throw new DomainException($"审核日期{reviewedOn:yyyy-MM-dd}早于收文日期{receivedOn:yyyy-MM-dd}。")
            : reviewedOn.DayNumber - receivedOn.DayNumber;

    /// <summary>The last day to file a document published on <paramref name="publishedOn"/>.</summary>
    public static DateOnly FilingDue(DateOnly publishedOn) => publishedOn.AddDays(FilingDays);

    /// <summary>Filed on time (按时报备): on or before <see cref="FilingDue"/>.</summary>
    public static bool FiledOnTime(DateOnly publishedOn, DateOnly filedOn) => filedOn <= FilingDue(publishedOn);

    /// <summary>
    /// Whether a cleanup opinion counts among the documents given an opinion (提出清理意见): every opinion except 保留,
    /// i.e. 修改、废止、明确有效期 (the report: “对223件文件提出废止、明确有效期等清理意见”).
    /// </summary>
    public static bool IsChangeOpinion(CleanupOpinion opinion) => opinion != CleanupOpinion.Keep;

    /// <summary>A filing review that found a problem (发现问题): corrected or revoked.</summary>
    public static bool FoundProblem(FilingResult? result) => result is FilingResult.Corrected or FilingResult.Revoked;
}
