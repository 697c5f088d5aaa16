using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Audit;
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
    /// audit lines are written with it by the <c>AuditInterceptor</c>, in the same transaction. An import
    /// (<see cref="ImportAsync"/>) writes with prepared commands instead and one audit line for the whole file (ADR-018).
    /// </remarks>
    public Task<IReadOnlyList<Result>> HandleManyAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, CancellationToken cancellationToken = default) =>
        RegisterAsync(commands, rowLabel, importedFrom: null, cancellationToken);

    /// <summary>
    /// The same for an import from a file: the audit log gets ONE line for the whole import (how many, which ids and
    /// case numbers, from which file, by whom) instead of one line per case and per step (ADR-018).
    /// </summary>
    public Task<IReadOnlyList<Result>> ImportAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, string importedFrom, CancellationToken cancellationToken = default) =>
        RegisterAsync(commands, rowLabel, importedFrom, cancellationToken);

    private async Task<IReadOnlyList<Result>> RegisterAsync(IReadOnlyList<Command> commands, Func<int, string> rowLabel, string? importedFrom, CancellationToken cancellationToken)
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
        if (importedFrom is null)
        {
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
        }
        else
        {
            // An import writes past the change tracker (ADR-018), so the scope check of the audit interceptor is made here.
            if (applications.Select(a => a.Unit.Id).Distinct().Any(id => !user.Sees(id)))
            {
                throw new ForbiddenException("无权操作本单位数据范围以外的记录。");
            }

            await using var caseInsert = BulkInsert<ReconsiderationCase>.Create(db);
            await using var stepInsert = BulkInsert<CaseStep>.Create(db);
            for (var start = 0; start < commands.Count; start += ChunkSize)
            {
                var chunk = new List<ReconsiderationCase>(Math.Min(ChunkSize, commands.Count - start));
                for (var i = start; i < Math.Min(start + ChunkSize, commands.Count); i++)
                {
                    var number = await numbers.NextAsync(applications[i].Unit, commands[i].ReceivedOn.Year, cancellationToken);
                    var c = Create(commands[i], applications[i], number, actor, now);
                    if (c.Suspensions.Count > 0 || c.Letters.Count > 0 || c.Copies.Count > 0)
                    {
                        throw new InvalidOperationException("新登记的案件不应有中止、意见书或抄告记录。");
                    }

                    chunk.Add(c);
                }

                await caseInsert.InsertAllAsync(chunk, _ => null, cancellationToken);
                var steps = chunk.SelectMany(c => c.Steps.Select(s => (Case: c, Step: s))).ToList();
                var caseOf = steps.ToDictionary(s => s.Step, s => s.Case);
                await stepInsert.InsertAllAsync([.. steps.Select(s => s.Step)], s => new Dictionary<string, object?>(1) { ["CaseId"] = caseOf[s].Id }, cancellationToken);
                results.AddRange(chunk.Select(c => new Result(c.Id, c.CaseNumber)));
            }
        }

        if (importedFrom is not null && results.Count > 0)
        {
            db.AuditEntries.Add(ImportAudit.Entry(user, clock.GetUtcNow().UtcDateTime, importedFrom, results));
            await db.SaveChangesAsync(cancellationToken);
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

/// <summary>The one audit line of an import of reconsideration applications (ADR-018).</summary>
internal static class ImportAudit
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Insert of 行政复议案件 with the id range as its id, a note "批量导入…" and, as its changes, the count, the ids as
    /// ranges (1201-101200) and each case-number series with its first and last number.
    /// </summary>
    public static AuditEntry Entry(CurrentUser user, DateTime at, string importedFrom, IReadOnlyList<RegisterApplication.Result> results)
    {
        var ids = results.Select(r => r.Id).Order().ToList();
        var ranges = new List<string>();
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j + 1 < ids.Count && ids[j + 1] == ids[j] + 1)
            {
                j++;
            }

            ranges.Add(i == j ? $"{ids[i]}" : $"{ids[i]}-{ids[j]}");
            i = j + 1;
        }

        var series = results
            .GroupBy(r => r.CaseNumber[..(r.CaseNumber.IndexOf('〕', StringComparison.Ordinal) + 1)], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.First().CaseNumber}至{g.Last().CaseNumber}（{g.Count()}件）")
            .ToList();
        var changes = new Dictionary<string, object?>
        {
            ["导入条数"] = new { old = (object?)null, @new = results.Count },
            ["记录编号"] = new { old = (object?)null, @new = string.Join(",", ranges) },
            ["案号"] = new { old = (object?)null, @new = string.Join("；", series) },
        };
        var note = $"从{importedFrom}批量导入行政复议申请{results.Count}件（逐条新增不另记审计日志，见ADR-018）";
        return AuditEntry.Event(user, at, AuditAction.Insert, nameof(ReconsiderationCase), "行政复议案件",
            $"{ids[0]}-{ids[^1]}", note, System.Text.Json.JsonSerializer.Serialize(changes, Json));
    }
}
