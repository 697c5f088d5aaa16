using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The moves of a reconsideration case, one method each: load the case in the user's scope, call the
/// entity's method with the user as actor at the current time, save once. The entity refuses an
/// illegal move with a <see cref="Domain.DomainException"/> and nothing is saved.
/// </summary>
public sealed class CaseActions(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    public Task AcceptAsync(int caseId, Procedure procedure, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Accept(procedure, actor, at, document), cancellationToken);

    public Task RefuseAsync(int caseId, string reason, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Refuse(reason, actor, at, document), cancellationToken);

    public Task InformAsync(int caseId, string channel, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Inform(channel, actor, at, document), cancellationToken);

    public Task TransferAsync(int caseId, string toBody, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Transfer(toBody, actor, at, document), cancellationToken);

    public Task HandleOtherwiseAsync(int caseId, string how, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.HandleOtherwise(how, actor, at, document), cancellationToken);

    public Task RequestSupplementAsync(int caseId, string items, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RequestSupplement(items, actor, at, document), cancellationToken);

    public Task ReceiveSupplementAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.ReceiveSupplement(actor, at, document, note), cancellationToken);

    public Task LapseSupplementAsync(int caseId, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.LapseSupplement(calendar.Calendar, actor, at, document), cancellationToken);

    public Task SwitchToOrdinaryAsync(int caseId, string reason, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.SwitchToOrdinary(reason, actor, at, document), cancellationToken);

    public Task SendCopyToRespondentAsync(int caseId, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.SendCopyToRespondent(actor, at, document), cancellationToken);

    public Task RecordAnswerAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RecordAnswer(actor, at, document, note), cancellationToken);

    /// <summary>Notifies the parties of a hearing on <paramref name="hearingOn"/> (通知听证).</summary>
    public Task ScheduleHearingAsync(int caseId, DateOnly hearingOn, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.ScheduleHearing(hearingOn, actor, at, document), cancellationToken);

    public Task HoldHearingAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.HoldHearing(actor, at, document, note), cancellationToken);

    /// <summary>Refers the case to the reconsideration committee for consultation (提请咨询委员会咨询).</summary>
    public Task ConsultCommitteeAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.ConsultCommittee(actor, at, document, note), cancellationToken);

    public Task MediateAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Mediate(actor, at, document, note), cancellationToken);

    public Task RecordSettlementAsync(int caseId, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.RecordSettlement(actor, at, document, note), cancellationToken);

    public Task SuspendAsync(int caseId, SuspensionGround ground, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Suspend(ground, actor, at, document), cancellationToken);

    public Task ResumeAsync(int caseId, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Resume(actor, at, document), cancellationToken);

    /// <summary>Extends the decision period, approved by the head of the reconsideration body named in <paramref name="approvedBy"/>.</summary>
    public Task ExtendAsync(int caseId, int days, string approvedBy, CaseDocument? document = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Extend(days, new CaseActor(0, approvedBy ?? string.Empty), calendar.Calendar, actor, at, document), cancellationToken);

    public Task CloseAsync(int caseId, ReconsiderationOutcome outcome, CaseDocument? document = null, string? note = null, CancellationToken cancellationToken = default) =>
        MoveAsync(caseId, (c, actor, at) => c.Close(outcome, actor, at, document, note), cancellationToken);

    /// <summary>Assigns the case to another handler (分配承办人): only the head of the reconsideration body may.</summary>
    public async Task AssignHandlerAsync(int caseId, string handlerUserName, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.ReconsiderationHead, Area.Reconsideration, "分配承办人");
        var handlers = await HandlersAsync(caseId, cancellationToken);
        if (!handlers.Any(h => h.UserName == handlerUserName))
        {
            throw new Domain.DomainException($"“{handlerUserName}”不是本案复议机关的在职承办人。");
        }

        var handler = handlers.First(h => h.UserName == handlerUserName);
        await MoveAsync(caseId, (c, actor, at) => c.AssignHandler(new CaseActor(0, handler.Name, handler.UserName), actor, at), cancellationToken);
    }

    /// <summary>The active case handlers and heads of the case's reconsideration body, who may be assigned the case.</summary>
    public async Task<IReadOnlyList<(string UserName, string Name)>> HandlersAsync(int caseId, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unitId = await db.ReconsiderationCases.Where(c => c.Id == caseId).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new Domain.NotFoundException("案件不存在或不在您的数据范围内。");
        var roleIds = db.Roles.Where(r => r.Name == Roles.CaseHandler || r.Name == Roles.ReconsiderationHead).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UnitId == unitId && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.UserName).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return [.. users.Select(u => (u.UserName!, u.DisplayName))];
    }

    private async Task MoveAsync(int caseId, Action<ReconsiderationCase, CaseActor, DateTimeOffset> move, CancellationToken cancellationToken)
    {
        user.Require(Area.Reconsideration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(caseId, cancellationToken);
        move(c, user.Actor(), clock.GetLocalNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
