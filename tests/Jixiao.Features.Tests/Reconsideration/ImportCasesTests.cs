using Jixiao.Domain;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class ImportCasesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_RegistersNothing_ThenAGoodFileRegistersAll(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var import = scope.ServiceProvider.GetRequiredService<ImportCases>();
        await using var before = app.Db();
        var count = await before.ReconsiderationCases.CountAsync();

        var bad = Workbook(
            Row("440704", "2025-03-01", "行政处罚", "440703198506121535"),
            Row("440704", "2025-03-02", "没有的类别", "440703198506121535"),
            Row("440704", "2025-03-03", "行政许可", "440703198506121536"),
            Row("440700", "2025-03-04", "行政许可", "440703198506121535"));
        var spreadsheet = await Should.ThrowAsync<ValidationException>(() => import.HandleAsync(new MemoryStream(bad), bad.Length));
        spreadsheet.Problems.Select(p => p.Field).ShouldBe([$"{ImportCases.SheetName}!C3", $"{ImportCases.SheetName}!G4"], ignoreOrder: true);

        // Rows that pass the sheet's checks but not the register's: another county's unit is outside the scope.
        var outside = Workbook(Row("440704", "2025-03-01", "行政处罚", "440703198506121535"), Row("440700", "2025-03-04", "行政许可", "440703198506121535"));
        var scopeError = await Should.ThrowAsync<ValidationException>(() => import.HandleAsync(new MemoryStream(outside), outside.Length));
        scopeError.Message.ShouldContain("第2条申请");
        scopeError.Message.ShouldContain("440700");

        await using (var unchanged = app.Db())
        {
            (await unchanged.ReconsiderationCases.CountAsync()).ShouldBe(count);
        }

        var good = Workbook(Row("440704", "2025-03-01", "行政处罚", "440703198506121535"), Row("440704", "2025-03-02", "政府信息公开", "440703198506121535"));
        var numbers = await import.HandleAsync(new MemoryStream(good), good.Length);
        numbers.Count.ShouldBe(2);
        numbers.Distinct().Count().ShouldBe(2);
        numbers.ShouldAllBe(n => n.StartsWith("江海府复〔2025〕", StringComparison.Ordinal));
        await using var after = app.Db();
        (await after.ReconsiderationCases.CountAsync()).ShouldBe(count + 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WritesEachCaseWithItsReceivedStep_AndOneAuditLineForTheWholeFile(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var import = scope.ServiceProvider.GetRequiredService<ImportCases>();
        await using var before = app.Db();
        var audit = await before.AuditEntries.CountAsync();

        var file = Workbook(
            Row("440704", "2024-05-06", "行政处罚", "440703198506121535"),
            Row("440704", "2024-05-07", "政府信息公开", "440703198506121535"),
            Row("440704", "2024-05-08", "行政许可", "440703198506121535"));
        var numbers = await import.HandleAsync(new MemoryStream(file), file.Length);

        numbers.Count.ShouldBe(3);
        await using var db = app.Db();
        var cases = await db.ReconsiderationCases.AsNoTracking().Include(c => c.Steps)
            .Where(c => numbers.Contains(c.CaseNumber)).OrderBy(c => c.ReceivedOn).ToListAsync();
        var jianghai = await db.Units.Where(u => u.Code == "440704").Select(u => u.Id).SingleAsync();
        cases.Select(c => c.ReceivedOn).ShouldBe([new DateOnly(2024, 5, 6), new DateOnly(2024, 5, 7), new DateOnly(2024, 5, 8)]);
        cases.Select(c => c.Matter).ShouldBe([MatterCategory.AdministrativePenalty, MatterCategory.InformationDisclosure, MatterCategory.Licensing]);
        cases.ShouldAllBe(c => c.UnitId == jianghai && c.ApplicantIdNumber == "440703198506121535" && c.Channel == ApplicationChannel.Post
            && c.State == CaseState.UnderReview && c.RespondentName == "江海区城市管理和综合执法局");
        cases.ShouldAllBe(c => c.Steps.Count == 1 && c.Steps[0].Kind == CaseStepKind.Received && c.Steps[0].ActorName == "冯文杰");

        // ADR-018: one line for the file, naming the records and case numbers, instead of one per case and step.
        (await db.AuditEntries.CountAsync()).ShouldBe(audit + 1);
        var line = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        line.Action.ShouldBe(AuditAction.Insert);
        line.EntityName.ShouldBe("行政复议案件");
        line.UserName.ShouldBe("jh.case");
        line.Note.ShouldNotBeNull().ShouldContain("批量导入行政复议申请3件");
        var ids = cases.Select(c => c.Id).Order().ToList();
        line.EntityId.ShouldBe($"{ids[0]}-{ids[^1]}");
        line.Changes.ShouldContain($"{numbers[0]}至{numbers[^1]}（3件）");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkInsert_WritesWhatEfReads_AndNothingWhenTheTransactionRollsBack(string provider)
    {
        var app = await apps.Get(provider);
        await using var db = app.Db();
        var count = await db.ReconsiderationCases.CountAsync();
        var unit = await db.Units.Where(u => u.Code == "440704").Select(u => u.Id).SingleAsync();
        var at = new DateTimeOffset(2024, 6, 3, 9, 30, 0, TimeSpan.FromHours(8));
        var c = new ReconsiderationCase(unit, "江海府复〔2099〕9001号", new DateOnly(2024, 6, 1), MatterCategory.Expropriation, ApplicationChannel.Online,
            ApplicantKind.Enterprise, "江门市某某贸易有限公司", "江海区人民政府", new CaseActor(7, "冯文杰", "jh.case"), at);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await using (var cases = BulkInsert<ReconsiderationCase>.Create(db))
            await using (var steps = BulkInsert<CaseStep>.Create(db))
            {
                await cases.InsertAsync(c, null, CancellationToken.None);
                foreach (var step in c.Steps)
                {
                    await steps.InsertAsync(step, new Dictionary<string, object?> { ["CaseId"] = c.Id }, CancellationToken.None);
                }
            }

            c.Id.ShouldBeGreaterThan(0);
            var read = await db.ReconsiderationCases.AsNoTracking().Include(x => x.Steps).SingleAsync(x => x.Id == c.Id);
            read.CaseNumber.ShouldBe("江海府复〔2099〕9001号");
            read.ReceivedOn.ShouldBe(new DateOnly(2024, 6, 1));
            (read.Matter, read.Channel, read.ApplicantKind, read.State).ShouldBe((MatterCategory.Expropriation, ApplicationChannel.Online, ApplicantKind.Enterprise, c.State));
            read.LawVersion.ShouldBe(c.LawVersion);
            read.Steps.Single().At.ShouldBe(at);
            read.Steps.Single().ActorName.ShouldBe("冯文杰");
            await transaction.RollbackAsync();
        }

        await using var after = app.Db();
        (await after.ReconsiderationCases.CountAsync()).ShouldBe(count);
        (await after.ReconsiderationCases.AnyAsync(x => x.CaseNumber == "江海府复〔2099〕9001号")).ShouldBeFalse();
    }

    private static Dictionary<string, object> Row(string unit, string date, string matter, string id) => new()
    {
        ["复议机关代码"] = unit,
        ["收件日期"] = date,
        ["事项类别"] = matter,
        ["申请方式"] = "邮寄",
        ["申请人类型"] = "公民",
        ["申请人"] = "梁志成",
        ["证件号码"] = id,
        ["被申请人"] = "江海区城市管理和综合执法局",
        ["被复议行为"] = "江海城执罚〔2025〕7号",
        ["复议请求"] = "请求撤销处罚决定",
    };

    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: ImportCases.SheetName);
        return stream.ToArray();
    }
}
