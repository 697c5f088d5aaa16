using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>Registers an application for reconsideration (登记复议申请) and gives it the next case number of the body.</summary>
public sealed class RegisterApplication(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public sealed record Command(
        string UnitCode,
        DateOnly ReceivedOn,
        MatterCategory Matter,
        ApplicationChannel Channel,
        ApplicantKind ApplicantKind,
        string ApplicantName,
        IdDocumentType IdType,
        string IdNumber,
        string? Phone,
        string? Address,
        string? AgentName,
        bool EnterpriseRelated,
        string Requests,
        string ContestedAct,
        string? RespondentName,
        int? RespondentAgencyId = null,
        CaseDocument? Document = null);

    public sealed record Result(int Id, string CaseNumber);

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
        (await HandleManyAsync([command], _ => string.Empty, cancellationToken))[0];

    /// <summary>
    /// Registers several applications in one transaction: all of them or, when any is refused, none;
    /// each problem's field is prefixed with its row label (an import names sheet and row).
    /// </summary>
    public async Task<IReadOnlyList<Result>> HandleManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rowLabel);
        user.Require(Area.Reconsideration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problems = new List<ValidationProblem>();
        var cases = new List<ReconsiderationCase>();
        for (var i = 0; i < commands.Count; i++)
        {
            var (c, rowProblems) = await BuildAsync(db, commands[i], user.Actor(), clock.GetLocalNow(), cancellationToken);
            problems.AddRange(rowProblems.Select(p => new ValidationProblem(rowLabel(i) + p.Field, rowLabel(i) + p.Message)));
            if (c is not null)
            {
                db.ReconsiderationCases.Add(c);
                cases.Add(c);
            }
        }

        ValidationException.ThrowIfAny(problems);
        await db.SaveChangesAsync(cancellationToken);
        return [.. cases.Select(c => new Result(c.Id, c.CaseNumber))];
    }

    /// <summary>
    /// Checks an application and builds its case with the next number of the body, registered by
    /// <paramref name="actor"/> at <paramref name="now"/> (the office's local time); not yet added to
    /// the context. Every problem is returned, none thrown.
    /// </summary>
    internal static async Task<(ReconsiderationCase? Case, List<ValidationProblem> Problems)> BuildAsync(
        JixiaoDbContext db, Command command, CaseActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var today = DateOnly.FromDateTime(now.DateTime);
        var problems = new List<ValidationProblem>();
        if (!Enum.IsDefined(command.Matter))
        {
            problems.Add(new("案件类别", "请选择案件类别。"));
        }

        if (!Enum.IsDefined(command.Channel))
        {
            problems.Add(new("申请方式", "申请方式应为当面、邮寄或网上。"));
        }

        if (!Enum.IsDefined(command.ApplicantKind))
        {
            problems.Add(new("申请人类型", "请选择申请人类型。"));
        }

        if (command.ReceivedOn > today)
        {
            problems.Add(new("收到申请日期", $"收到申请日期{command.ReceivedOn:yyyy-MM-dd}晚于今天。"));
        }

        if (string.IsNullOrWhiteSpace(command.ApplicantName) || command.ApplicantName.Trim().Length > 100)
        {
            problems.Add(new("申请人", "申请人不能为空，且不超过100字。"));
        }

        Agency? agency = null;
        if (command.RespondentAgencyId is { } agencyId)
        {
            agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
            if (agency is null)
            {
                problems.Add(new("被申请人", $"机关名录中没有编号为{agencyId}的机关。"));
            }
        }

        var respondent = string.IsNullOrWhiteSpace(command.RespondentName) ? agency?.Name : command.RespondentName.Trim();
        if (string.IsNullOrWhiteSpace(respondent) || respondent.Length > 100)
        {
            problems.Add(new("被申请人", "被申请人不能为空，且不超过100字。"));
        }

        var particulars = new ApplicationParticulars(command.IdType, command.IdNumber ?? string.Empty, command.Phone, command.Address, command.AgentName,
            command.EnterpriseRelated, command.Requests ?? string.Empty, command.ContestedAct ?? string.Empty, agency?.Id);
        if (Enum.IsDefined(command.ApplicantKind))
        {
            problems.AddRange(particulars.Problems(command.ApplicantKind, today));
        }

        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == command.UnitCode, cancellationToken);
        if (unit is null)
        {
            problems.Add(new("复议机关", $"单位“{command.UnitCode}”不存在或不在您的数据范围内。"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var number = await CaseNumbers.NextAsync(db, unit!, command.ReceivedOn.Year, cancellationToken);
        var c = new ReconsiderationCase(unit!.Id, number, command.ReceivedOn, command.Matter, command.Channel, command.ApplicantKind,
            command.ApplicantName, respondent!, actor, now, command.Document);
        c.RecordParticulars(particulars, today);
        return (c, problems);
    }
}
