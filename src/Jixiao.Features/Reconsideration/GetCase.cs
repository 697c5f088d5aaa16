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

    /// <summary>An opinion or recommendation letter with its feedback deadline (null when it cannot be counted) and whether it was copied to the superior.</summary>
    public sealed record LetterView(
        int Id, LetterKind Kind, string KindName, string Number, string AddresseeName, DateOnly ServedOn, string Summary,
        DateOnly? ReplyReceivedOn, string? ReplyNumber, string? ReplyNote, Deadline? Feedback, bool Copied);

    public sealed record CopyView(int Id, CopiedDocument Document, string What, string Recipient, DateOnly SentOn, string? Number);

    /// <summary>履行情况 of a closed case whose outcome obliges someone to act.</summary>
    public sealed record PerformanceView(PerformanceStatus Status, string StatusName, DateOnly? DueOn, DateOnly? PerformedOn, string? Note, bool Overdue, bool MayBeEnforced);

    /// <summary>The case; the ID number in full only for users who may edit reconsideration cases.</summary>
    public sealed record CaseView(
        int Id, string CaseNumber, string UnitName, DateOnly ReceivedOn, string LawVersion,
        string Matter, string Channel, string ApplicantKind, string ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone, string? ApplicantAddress,
        string? AgentName, bool EnterpriseRelated, string? Requests, string? ContestedAct, string RespondentName, string? RespondentSuperior,
        CaseState State, string StateName, string Procedure, string? EndedBeforeAcceptance, DateOnly? AcceptedOn,
        ReconsiderationOutcome? Outcome, string? OutcomeName, DateOnly? ClosedOn, int ExtensionDays, string? ExtensionApprovedBy,
        string? DecisionTitle, string? DecisionNumber, bool DecisionMayBeCopied, DateOnly? HearingOn, int? RespondentAgencyId,
        string? HandlerName = null);

    public sealed record Result(
        CaseView Case, IReadOnlyList<StepView> Steps, IReadOnlyList<DeadlineView> Deadlines, string? DeadlineProblem, DateOnly Today,
        IReadOnlyList<LetterView> Letters, IReadOnlyList<CopyView> Copies, PerformanceView? Performance);

    public async Task<Result> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Reconsideration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.LoadCaseAsync(id, cancellationToken, tracking: false);
        var unitName = await db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        // The respondent's superior receives the 抄告 copies: from the agency list, by the linked agency or else by name.
        var respondentName = c.RespondentName;
        var superior = c.RespondentAgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.SuperiorName).FirstOrDefaultAsync(cancellationToken)
            : await db.Agencies.Where(a => a.Name == respondentName).Select(a => a.SuperiorName).FirstOrDefaultAsync(cancellationToken);
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
            c.Outcome, c.Outcome is { } o ? Outcomes.Name(o) : null, c.ClosedOn, c.ExtensionDays, c.ExtensionApprovedBy,
            c.Outcome is { } closedAs ? Outcomes.DocumentTitle(closedAs) : null, c.DecisionNumber,
            c.State == CaseState.Closed && c.Outcome is { } decided && Outcomes.IsMeritsDecision(decided), c.HearingOn, c.RespondentAgencyId, c.HandlerName);
        var steps = c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.At, s.Kind, CaseStep.KindName(s.Kind), s.ActorName, s.DocumentNumber, s.DocumentTitle, s.Note)).ToList();
        var letters = c.Letters.OrderBy(l => l.ServedOn).ThenBy(l => l.Id).Select(l => new LetterView(
            l.Id, l.Kind, FollowUpNames.Title(l.Kind), l.Number, l.AddresseeName, l.ServedOn, l.Summary, l.ReplyReceivedOn, l.ReplyNumber, l.ReplyNote,
            deadlines.FirstOrDefault(d => d.Step == ReconsiderationStep.OpinionFeedback && d.Reference == l.Number)?.Deadline,
            c.Copies.Any(x => x.Letter == l))).ToList();
        var copies = c.Copies.OrderBy(x => x.SentOn).ThenBy(x => x.Id).Select(x => new CopyView(
            x.Id, x.Document, x.Letter is { } copied ? $"{FollowUpNames.Name(x.Document)}{copied.Number}" : $"{FollowUpNames.Name(x.Document)}{c.DecisionNumber}",
            x.Recipient, x.SentOn, x.Number)).ToList();
        var performance = c.Performance is { } p
            ? new PerformanceView(p, FollowUpNames.Name(p), c.PerformanceDueOn, c.PerformedOn, c.PerformanceNote, c.PerformanceOverdue(today), Outcomes.MayBeEnforced(c.Outcome!.Value))
            : null;
        return new Result(view, steps, [.. deadlines.Select(d => new DeadlineView(d.Step, d.Name, d.Deadline))], problem, today, letters, copies, performance);
    }
}
