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

    /// <summary>Applications saved per SaveChanges in a batch; the change tracker is cleared after each.</summary>
    public const int ChunkSize = 1000;

    /// <summary>
    /// Registers several applications in one transaction: all of them or, when any is refused, none;
    /// each problem's field is prefixed with its row label (an import names sheet and row).
    /// </summary>
    /// <remarks>
    /// Built for imports of 100,000 rows (issue 8): every row is checked first, in one pass, with the units looked up
    /// once; only then are the cases numbered (each unit's series read once per year), built and saved in chunks of
    /// <see cref="ChunkSize"/> inside ONE transaction, so that an error anywhere still writes nothing. Each chunk's
    /// audit lines are written with it by the <c>AuditInterceptor</c>, in the same transaction.
    /// </remarks>
    public async Task<IReadOnlyList<Result>> HandleManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rowLabel);
        user.Require(Area.Reconsideration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = user.Actor();
        var now = clock.GetLocalNow();
        var units = await Units.LoadAsync(db, commands.Select(c => c.UnitCode), cancellationToken);
        var problems = new List<ValidationProblem>();
        var applications = new Checked[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            var (application, rowProblems) = await CheckAsync(db, units, commands[i], now, cancellationToken);
            problems.AddRange(rowProblems.Select(p => new ValidationProblem(rowLabel(i) + p.Field, rowLabel(i) + p.Message)));
            applications[i] = application!;
        }

        ValidationException.ThrowIfAny(problems);

        var results = new List<Result>(commands.Count);
        var numbers = new CaseNumberSeries(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < commands.Count; start += ChunkSize)
        {
            var chunk = new List<ReconsiderationCase>(Math.Min(ChunkSize, commands.Count - start));
            for (var i = start; i < Math.Min(start + ChunkSize, commands.Count); i++)
            {
                var number = await numbers.NextAsync(applications[i].Unit, commands[i].ReceivedOn.Year, cancellationToken);
                chunk.Add(Create(commands[i], applications[i], number, actor, now));
            }

            db.ReconsiderationCases.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            results.AddRange(chunk.Select(c => new Result(c.Id, c.CaseNumber)));
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
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
        var units = await Units.LoadAsync(db, [command.UnitCode], cancellationToken);
        var (application, problems) = await CheckAsync(db, units, command, now, cancellationToken);
        if (application is null)
        {
            return (null, problems);
        }

        var number = await CaseNumbers.NextAsync(db, application.Unit, command.ReceivedOn.Year, cancellationToken);
        return (Create(command, application, number, actor, now), problems);
    }

    /// <summary>The units named by the applications, as the user's scope shows them, by code.</summary>
    private static class Units
    {
        public static async Task<Dictionary<string, Unit>> LoadAsync(JixiaoDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
        {
            var wanted = codes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
            var found = new Dictionary<string, Unit>(StringComparer.Ordinal);
            foreach (var batch in wanted.Chunk(500))
            {
                foreach (var unit in await db.Units.AsNoTracking().Where(u => batch.Contains(u.Code)).ToListAsync(cancellationToken))
                {
                    found[unit.Code] = unit;
                }
            }

            return found;
        }
    }

    /// <summary>A checked application: its unit, the respondent's name and its agency in the directory.</summary>
    private sealed record Checked(Unit Unit, string Respondent, int? AgencyId);

    /// <summary>Every problem of an application, or, when it has none, what its case is built from.</summary>
    private static async Task<(Checked? Checked, List<ValidationProblem> Problems)> CheckAsync(
        JixiaoDbContext db, Dictionary<string, Unit> units, Command command, DateTimeOffset now, CancellationToken cancellationToken)
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

        var particulars = Particulars(command, agency?.Id);
        if (Enum.IsDefined(command.ApplicantKind))
        {
            problems.AddRange(particulars.Problems(command.ApplicantKind, today));
        }

        if (command.UnitCode is null || !units.TryGetValue(command.UnitCode, out var unit))
        {
            problems.Add(new("复议机关", $"单位“{command.UnitCode}”不存在或不在您的数据范围内。"));
            return (null, problems);
        }

        return (problems.Count > 0 ? null : new Checked(unit, respondent!, agency?.Id), problems);
    }

    private static ApplicationParticulars Particulars(Command command, int? agencyId) =>
        new(command.IdType, command.IdNumber ?? string.Empty, command.Phone, command.Address, command.AgentName,
            command.EnterpriseRelated, command.Requests ?? string.Empty, command.ContestedAct ?? string.Empty, agencyId);

    /// <summary>The case of a checked application, with its number.</summary>
    private static ReconsiderationCase Create(Command command, Checked application, string number, CaseActor actor, DateTimeOffset now)
    {
        var c = new ReconsiderationCase(application.Unit.Id, number, command.ReceivedOn, command.Matter, command.Channel, command.ApplicantKind,
            command.ApplicantName, application.Respondent, actor, now, command.Document);
        c.RecordParticulars(Particulars(command, application.AgencyId), DateOnly.FromDateTime(now.DateTime));
        return c;
    }
}
