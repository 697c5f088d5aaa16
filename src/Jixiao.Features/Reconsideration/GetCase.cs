using Jixiao.Domain.Calendar;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>One case with its history and every time limit as of today, each explained.</summary>
public sealed class GetCase(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock, WorkdayCalendarProvider calendar)
{
    public sealed record StepView(DateTimeOffset At, CaseStepKind Kind, string KindName, string ActorName, string? DocumentNumber, string? DocumentTitle, string? Note);

    public sealed record DeadlineView(ReconsiderationStep Step, string StepName, Deadline Deadline);

    /// <summary>The case; the ID number in full only for users who may edit reconsideration cases.</summary>
    public sealed record CaseView(
        int Id, string CaseNumber, string UnitName, DateOnly ReceivedOn, string LawVersion,
        string Matter, string Channel, string ApplicantKind, string ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? ApplicantAddress,
        string? AgentName, bool EnterpriseRelated, string? Requests, string? ContestedAct, string RespondentName, string? RespondentSuperior,
        CaseState State, string StateName, string Procedure, string? EndedBeforeAcceptance, DateOnly? AcceptedOn,
        ReconsiderationOutcome? Outcome, string? OutcomeName, DateOnly? ClosedOn, int ExtensionDays, string? ExtensionApprovedBy,
        string? HandlerName = null);

    public sealed record Result(CaseView Case, IReadOnlyList<StepView> Steps, IReadOnlyList<DeadlineView> Deadlines, string? DeadlineProblem, DateOnly Today);

    public async Task<Result> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(id, cancellationToken, tracking: false);
        var unitName = await db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var superior = c.RespondentAgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.SuperiorName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var fullPersonalData = user.MayWrite(Area.Reconsideration);
        var today = clock.Today();
        var (deadlines, problem) = CaseSupport.DeadlinesOf(c, calendar.Calendar, today);
        var view = new CaseView(
            c.Id, c.CaseNumber, unitName, c.ReceivedOn, c.LawVersion.ToString(),
            CaseTermNames.Name(c.Matter), CaseTermNames.Name(c.Channel), CaseTermNames.Name(c.ApplicantKind), c.ApplicantName,
            fullPersonalData ? c.ApplicantIdNumber : Masking.MaskIdNumber(c.ApplicantIdNumber),
            fullPersonalData ? c.ApplicantPhone : Masking.MaskPhone(c.ApplicantPhone),
            fullPersonalData ? c.ApplicantAddress : Masking.MaskOther(c.ApplicantAddress),
            c.AgentName, c.EnterpriseRelated, c.Requests, c.ContestedAct, c.RespondentName, superior,
            c.State, ReconsiderationCase.StateName(c.State), c.Procedure == Procedure.Summary ? "简易程序" : "普通程序",
            c.EndedBeforeAcceptanceAs is { } e ? CaseTermNames.Name(e) : null, c.AcceptedOn,
            c.Outcome, c.Outcome is { } o ? Outcomes.Name(o) : null, c.ClosedOn, c.ExtensionDays, c.ExtensionApprovedBy, c.HandlerName);
        var steps = c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.At, s.Kind, CaseStep.KindName(s.Kind), s.ActorName, s.DocumentNumber, s.DocumentTitle, s.Note)).ToList();
        return new Result(view, steps, [.. deadlines.Select(d => new DeadlineView(d.Step, ReconsiderationDeadlines.StepName(d.Step), d.Deadline))], problem, today);
    }
}
