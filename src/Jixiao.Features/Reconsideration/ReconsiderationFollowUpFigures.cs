using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>What the ids behind a follow-up figure are.</summary>
public enum FollowUpRecord
{
    /// <summary>意见书或建议书 (ReconsiderationLetters)</summary>
    Letter = 1,

    /// <summary>抄告记录 (ReconsiderationSuperiorCopies)</summary>
    SuperiorCopy = 2,

    /// <summary>案件 (ReconsiderationCases)</summary>
    Case = 3,
}

/// <summary>
/// The follow-up figures of the reconsideration statistics for a set of units and a period, each with the
/// records behind it and their cases (for the drill-down to the register): opinion and recommendation
/// letters issued, rectification replies received, 抄告 copies sent, decisions and mediation statements to
/// be performed and performed.
/// </summary>
/// <remarks>
/// Definitions (both ends of the period included):
/// 意见书 / 建议书 = letters served in the period; 整改反馈 = replies received in the period, whenever their letter
/// was served; 抄告 = copies sent in the period; 应履行 = cases closed in the period whose outcome obliges someone
/// to act (<see cref="Outcomes.RequiresPerformance"/>); 已履行 = those of them recorded as performed, so that
/// 已履行 ÷ 应履行 is a performance rate of the period's decisions. Records are read through their cases, so the
/// user's unit scope applies; the indexes on ServedOn, ReplyReceivedOn, SentOn and (UnitId, ClosedOn) serve them.
/// </remarks>
public sealed class ReconsiderationFollowUpFigures(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public const string OpinionLetters = "opinionLetters";
    public const string RecommendationLetters = "recommendationLetters";
    public const string RectificationReplies = "rectificationReplies";
    public const string SuperiorCopies = "superiorCopies";
    public const string ToBePerformed = "toBePerformed";
    public const string Performed = "performed";

    /// <summary>One figure: key, Chinese name, count, the ids of the records counted and of their cases.</summary>
    public sealed record Figure(string Key, string Name, int Count, FollowUpRecord RecordType, IReadOnlyList<int> RecordIds, IReadOnlyList<int> CaseIds);

    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<Figure> Figures)
    {
        public Figure this[string key] => Figures.Single(f => f.Key == key);
    }

    public async Task<Result> HandleAsync(IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        user.Require(Area.Reconsideration);
        if (to < from)
        {
            throw new DomainException($"统计期间结束日{to:yyyy-MM-dd}早于开始日{from:yyyy-MM-dd}。");
        }

        var units = unitIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.ReconsiderationCases.AsNoTracking().Where(c => units.Contains(c.UnitId));
        var letters = await cases
            .SelectMany(c => c.Letters, (c, l) => new { CaseId = c.Id, l.Id, l.Kind, l.ServedOn, l.ReplyReceivedOn })
            .Where(l => (l.ServedOn >= from && l.ServedOn <= to) || (l.ReplyReceivedOn >= from && l.ReplyReceivedOn <= to))
            .ToListAsync(cancellationToken);
        var copies = await cases
            .SelectMany(c => c.Copies, (c, x) => new { CaseId = c.Id, x.Id, x.SentOn })
            .Where(x => x.SentOn >= from && x.SentOn <= to)
            .ToListAsync(cancellationToken);
        var performance = await cases
            .Where(c => c.Performance != null && c.ClosedOn >= from && c.ClosedOn <= to)
            .Select(c => new { c.Id, c.Performance })
            .ToListAsync(cancellationToken);

        var served = letters.Where(l => l.ServedOn >= from && l.ServedOn <= to).ToList();
        var replied = letters.Where(l => l.ReplyReceivedOn is { } r && r >= from && r <= to).ToList();
        var performed = performance.Where(p => p.Performance == PerformanceStatus.Performed).ToList();
        return new Result(from, to,
        [
            Make(OpinionLetters, "制发行政复议意见书", FollowUpRecord.Letter, served.Where(l => l.Kind == LetterKind.Opinion).Select(l => (l.Id, l.CaseId))),
            Make(RecommendationLetters, "制发行政复议建议书", FollowUpRecord.Letter, served.Where(l => l.Kind == LetterKind.Recommendation).Select(l => (l.Id, l.CaseId))),
            Make(RectificationReplies, "收到整改反馈", FollowUpRecord.Letter, replied.Select(l => (l.Id, l.CaseId))),
            Make(SuperiorCopies, "抄告", FollowUpRecord.SuperiorCopy, copies.Select(x => (x.Id, x.CaseId))),
            Make(ToBePerformed, "应履行的决定书、调解书", FollowUpRecord.Case, performance.Select(p => (p.Id, p.Id))),
            Make(Performed, "已履行的决定书、调解书", FollowUpRecord.Case, performed.Select(p => (p.Id, p.Id))),
        ]);
    }

    private static Figure Make(string key, string name, FollowUpRecord type, IEnumerable<(int Id, int CaseId)> records)
    {
        var list = records.ToList();
        return new Figure(key, name, list.Count, type, [.. list.Select(r => r.Id).Order()], [.. list.Select(r => r.CaseId).Distinct().Order()]);
    }
}
