using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The follow-up of a case (意见书、建议书 and their rectification replies, 抄告, 履行), one method each: load
/// the case in the user's scope, call the entity's method with the user as actor at the current time,
/// save once. A letter or copy is found within its case, so a record of a case outside the scope is
/// never reached.
/// </summary>
public sealed class FollowUpActions(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// A letter to record. The addressee is an agency of the maintained list (<paramref name="AddresseeAgencyId"/>) or,
    /// when it is not there, a name; a name that matches the list is linked to it.
    /// </summary>
    public sealed record IssueLetter(int CaseId, LetterKind Kind, string Number, int? AddresseeAgencyId, string? AddresseeName, DateOnly ServedOn, string Summary);

    /// <returns>The new letter's id.</returns>
    public async Task<int> IssueLetterAsync(IssueLetter command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CaseLetter? letter = null;
        await MoveAsync(command.CaseId, async (db, c, actor, at) =>
        {
            var (agencyId, name) = await AddresseeAsync(db, command.AddresseeAgencyId, command.AddresseeName, cancellationToken);
            letter = c.IssueLetter(new LetterDraft(command.Kind, command.Number ?? string.Empty, name, agencyId, command.ServedOn, command.Summary ?? string.Empty), actor, at);
        }, cancellationToken);
        return letter!.Id;
    }

    /// <summary>Records the rectification reply (整改反馈) to a letter.</summary>
    public Task RecordReplyAsync(int caseId, int letterId, DateOnly receivedOn, string? number, string? note, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RecordLetterReply(LetterOf(c, letterId), receivedOn, number, note, actor, at), cancellationToken);

    /// <summary>Removes a letter recorded in error.</summary>
    public Task RemoveLetterAsync(int caseId, int letterId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RemoveLetter(LetterOf(c, letterId), reason, actor, at), cancellationToken);

    /// <summary>Records a copy (抄告) of the decision, or of the opinion letter <paramref name="letterId"/>, sent to the respondent's superior.</summary>
    /// <returns>The new record's id.</returns>
    public async Task<int> CopyToSuperiorAsync(int caseId, CopiedDocument document, int? letterId, string recipient, DateOnly sentOn, string? number, CancellationToken cancellationToken = default)
    {
        SuperiorCopy? copy = null;
        await MoveAsync(caseId, (c, actor, at) =>
            copy = c.CopyToSuperior(document, letterId is { } id ? LetterOf(c, id) : null, recipient ?? string.Empty, sentOn, number, actor, at), cancellationToken);
        return copy!.Id;
    }

    public Task RemoveCopyAsync(int caseId, int copyId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RemoveCopy(
            c.Copies.FirstOrDefault(x => x.Id == copyId) ?? throw new NotFoundException($"抄告记录 {copyId} 不存在或不属于本案。"), reason, actor, at), cancellationToken);

    public Task SetPerformanceDueAsync(int caseId, DateOnly dueOn, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.SetPerformanceDue(dueOn, actor, at, note), cancellationToken);

    public Task RecordPerformedAsync(int caseId, DateOnly performedOn, string? note, string? documentNumber = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RecordPerformed(performedOn, note, actor, at, Document(documentNumber, "履行情况报告")), cancellationToken);

    /// <summary>Orders the respondent to perform by <paramref name="newDueOn"/> (责令限期履行, Art. 77).</summary>
    public Task UrgePerformanceAsync(int caseId, DateOnly newDueOn, string note, string? documentNumber = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.UrgePerformance(newDueOn, note, actor, at, Document(documentNumber, "责令限期履行通知书")), cancellationToken);

    /// <summary>Records enforcement of a varied decision or mediation statement (强制执行, Art. 78).</summary>
    public Task ApplyForEnforcementAsync(int caseId, string note, string? documentNumber = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.ApplyForEnforcement(note, actor, at, Document(documentNumber, "强制执行申请书")), cancellationToken);

    /// <summary>An agency of the list by id, or a name linked to the list when it matches.</summary>
    private static async Task<(int? Id, string Name)> AddresseeAsync(JixiaoDbContext db, int? agencyId, string? name, CancellationToken cancellationToken)
    {
        if (agencyId is { } id)
        {
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw new ValidationException([new("送达机关", $"机关名录中没有编号为{id}的机关。")]);
            return (agency.Id, agency.Name);
        }

        var trimmed = name?.Trim() ?? string.Empty;
        var match = trimmed.Length == 0 ? null : await db.Agencies.AsNoTracking().Where(a => a.Name == trimmed).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return (match, trimmed);
    }

    private static CaseLetter LetterOf(ReconsiderationCase c, int letterId) =>
        c.Letters.FirstOrDefault(l => l.Id == letterId) ?? throw new NotFoundException($"意见书或建议书 {letterId} 不存在或不属于本案。");

    private static CaseDocument? Document(string? number, string title) => string.IsNullOrWhiteSpace(number) ? null : new CaseDocument(number.Trim(), title);

    private Task MoveAsync(int caseId, Action<ReconsiderationCase, CaseActor, DateTimeOffset> move, CancellationToken cancellationToken) =>
        MoveAsync(caseId, (_, c, actor, at) =>
        {
            move(c, actor, at);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task MoveAsync(int caseId, Func<JixiaoDbContext, ReconsiderationCase, CaseActor, DateTimeOffset, Task> move, CancellationToken cancellationToken)
    {
        user.Require(Area.Reconsideration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(caseId, cancellationToken);
        await move(db, c, user.Actor(), clock.GetLocalNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
