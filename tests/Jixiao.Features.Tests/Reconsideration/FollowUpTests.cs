using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class FollowUpTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly CaseActor Handler = new(0, "吴家豪", "jx.case");

    private async Task<TestApp> AppWithDemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync());

    private static DateTimeOffset At(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Figures_Demo2023City_ReproduceLettersRepliesAndCopies(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var db = app.Db();
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau);
        var counties = await db.Units.Where(u => u.ParentId == city.Id && u.Code != DemoData.CityBureau).Select(u => u.Id).ToListAsync();
        await using var scope = await app.As("jx.head");
        var figures = scope.ServiceProvider.GetRequiredService<ReconsiderationFollowUpFigures>();
        var f = await figures.HandleAsync([city.Id], new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));

        f[ReconsiderationFollowUpFigures.OpinionLetters].Count.ShouldBe(12);
        f[ReconsiderationFollowUpFigures.RecommendationLetters].Count.ShouldBe(5);
        f[ReconsiderationFollowUpFigures.RectificationReplies].Count.ShouldBe(12);
        f[ReconsiderationFollowUpFigures.SuperiorCopies].Count.ShouldBe(16);
        f[ReconsiderationFollowUpFigures.ToBePerformed].Count.ShouldBe(22);
        f[ReconsiderationFollowUpFigures.Performed].Count.ShouldBe(21);
        f.Figures.ShouldAllBe(x => x.RecordIds.Count == x.Count && x.CaseIds.Count > 0);

        // The ids behind the figures are the records themselves.
        var opinionIds = f[ReconsiderationFollowUpFigures.OpinionLetters].RecordIds;
        var letters = await db.ReconsiderationCases.Where(c => c.UnitId == city.Id).SelectMany(c => c.Letters).Where(l => opinionIds.Contains(l.Id)).ToListAsync();
        letters.Count.ShouldBe(12);
        letters.ShouldAllBe(l => l.Kind == LetterKind.Opinion && l.ServedOn.Year == 2023);
        var copyIds = f[ReconsiderationFollowUpFigures.SuperiorCopies].RecordIds;
        (await db.ReconsiderationCases.Where(c => c.UnitId == city.Id).SelectMany(c => c.Copies).CountAsync(x => copyIds.Contains(x.Id) && x.SentOn.Year == 2023)).ShouldBe(16);
        var replies = f[ReconsiderationFollowUpFigures.RectificationReplies].CaseIds;
        (await db.ReconsiderationCases.CountAsync(c => replies.Contains(c.Id) && c.State == CaseState.Closed && c.ReceivedOn.Year == 2023)).ShouldBe(replies.Count);

        // The letters served last were answered in January 2024, within their 60 days: none of 2023 is left waiting.
        var next = await figures.HandleAsync([city.Id], new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        next[ReconsiderationFollowUpFigures.RectificationReplies].Count.ShouldBe(5);
        (await db.ReconsiderationCases.Where(c => c.UnitId == city.Id && c.ReceivedOn.Year == 2023).SelectMany(c => c.Letters).CountAsync(l => l.ReplyReceivedOn == null)).ShouldBe(0);

        var cityWide = await figures.HandleAsync([city.Id, .. counties], new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        cityWide[ReconsiderationFollowUpFigures.ToBePerformed].Count.ShouldBe(22 + 30 + 2 + 1);
        cityWide[ReconsiderationFollowUpFigures.OpinionLetters].Count.ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_SeededAgain_ReplacesItsCasesWithLettersAndCopies(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using (var system = app.AsSystem())
        {
            await system.ServiceProvider.GetRequiredService<ReconsiderationDemo>().SeedAsync();
        }

        await using var db = app.Db();
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau);
        var cityCases = db.ReconsiderationCases.Where(c => c.UnitId == city.Id && c.ReceivedOn.Year == 2023);
        (await cityCases.CountAsync()).ShouldBe(190);
        (await cityCases.SelectMany(c => c.Letters).CountAsync()).ShouldBe(17);
        (await cityCases.SelectMany(c => c.Copies).CountAsync()).ShouldBe(16);

        // The two recent letters awaiting their reply (one near its deadline, one overdue), when the calendar holds the months before today.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var calendar = app.Services.GetRequiredService<WorkdayCalendarProvider>().Calendar;
        var awaiting = await db.ReconsiderationCases.Where(c => c.UnitId == city.Id && c.ReceivedOn.Year > 2023).SelectMany(c => c.Letters)
            .Where(l => l.ReplyReceivedOn == null).Select(l => l.Number).ToListAsync();
        awaiting.Count.ShouldBe(calendar.Covers(today) && calendar.Covers(today.AddDays(-160)) ? 2 : 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListCases_PerformanceFilter_Demo2023City(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.head");
        var list = scope.ServiceProvider.GetRequiredService<ListCases>();
        async Task<IReadOnlyList<ListCases.CaseRow>> Rows(PerformanceFilter filter) => (await list.HandleAsync(
            new ListCases.Query(UnitCode: DemoData.CityBureau, ReceivedFrom: new DateOnly(2023, 1, 1), ReceivedTo: new DateOnly(2023, 12, 31), Performance: filter),
            new PageRequest(1, 500))).Items;

        (await Rows(PerformanceFilter.Required)).Count.ShouldBe(22);
        (await Rows(PerformanceFilter.Performed)).Count.ShouldBe(21);
        (await Rows(PerformanceFilter.Performed)).ShouldAllBe(r => r.Performance == "已履行" && r.Outcome == "调解");
        var enforced = await Rows(PerformanceFilter.EnforcementApplied);
        enforced.Single().Performance.ShouldBe("已申请强制执行");
        (await Rows(PerformanceFilter.Pending)).ShouldBeEmpty();

        // 江海区's pending order to perform passed its period in 2023; it is 逾期未履行 for the city-wide view.
        var overdue = (await list.HandleAsync(new ListCases.Query(Performance: PerformanceFilter.Overdue), new PageRequest(1, 500))).Items;
        overdue.ShouldContain(r => r.Outcome == "责令履行" && r.PerformanceOverdue && r.DecisionNumber != null);
        overdue.ShouldAllBe(r => r.PerformanceOverdue);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordReply_LetterNearItsDeadline_WarningClears(string provider)
    {
        var app = await apps.Get(provider);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var calendar = app.Services.GetRequiredService<WorkdayCalendarProvider>().Calendar;
        if (!calendar.Covers(today.AddDays(-80)) || !calendar.Covers(today.AddDays(10)))
        {
            Assert.Skip($"工作日历未包含{today.Year}年前后的安排。");
        }

        var caseId = await ClosedCaseAsync(app, "区秀英", today.AddDays(-80), today.AddDays(-65));
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var letterId = await sp.GetRequiredService<FollowUpActions>().IssueLetterAsync(new FollowUpActions.IssueLetter(
            caseId, LetterKind.Opinion, "江府复意〔2099〕1号", null, "江门市市场监督管理局", today.AddDays(-59), "未依法告知陈述申辩权利，请纠正并报送整改情况。"));

        var row = await RowAsync(sp, caseId);
        row.NextStatus.ShouldBe(DeadlineStatus.Warning);
        row.NextDeadline.ShouldBe("意见书整改反馈");
        (await sp.GetRequiredService<TodoList>().HandleAsync()).ShouldContain(t => t.Link == $"reconsideration/cases/{caseId}" && t.Title.StartsWith("临期", StringComparison.Ordinal));
        (await sp.GetRequiredService<OpenCaseDeadlines>().HandleAsync(warningsOnly: true)).ShouldContain(r => r.Id == caseId);
        var view = await sp.GetRequiredService<GetCase>().HandleAsync(caseId);
        var letter = view.Letters.Single();
        letter.AddresseeName.ShouldBe("江门市市场监督管理局");
        letter.Feedback!.Status.ShouldBe(DeadlineStatus.Warning);
        letter.Feedback.Explanation.ShouldContain("送达行政复议意见书之日起60日");

        await sp.GetRequiredService<FollowUpActions>().RecordReplyAsync(caseId, letterId, today, "江市监函〔2099〕2号", "已撤销原处罚决定并重新作出");

        (await RowAsync(sp, caseId)).NextStatus.ShouldBeNull();
        (await sp.GetRequiredService<TodoList>().HandleAsync()).ShouldNotContain(t => t.Link == $"reconsideration/cases/{caseId}");
        (await sp.GetRequiredService<OpenCaseDeadlines>().HandleAsync()).ShouldNotContain(r => r.Id == caseId);
        (await sp.GetRequiredService<GetCase>().HandleAsync(caseId)).Letters.Single().Feedback!.Status.ShouldBe(DeadlineStatus.Done);

        await using var db = app.Db();
        var stored = await db.ReconsiderationCases.Include(c => c.Letters).Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        stored.Letters.Single().ReplyReceivedOn.ShouldBe(today);
        stored.Letters.Single().AddresseeAgencyId.ShouldNotBeNull();
        stored.Steps.OrderBy(s => s.Id).TakeLast(2).Select(s => (s.Kind, s.ActorUserName)).ShouldBe(
            [(CaseStepKind.OpinionLetterIssued, "jx.case"), (CaseStepKind.OpinionFeedbackReceived, "jx.case")]);
        (await db.AuditEntries.CountAsync(a => a.EntityName == "行政复议意见书/建议书" && a.UserName == "jx.case")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_CountyHandler_CannotTouchCityLetters(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var db = app.Db();
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau);
        var cityCase = await db.ReconsiderationCases.Include(c => c.Letters).Include(c => c.Copies)
            .Where(c => c.UnitId == city.Id && c.Letters.Any(l => l.Kind == LetterKind.Opinion)).OrderBy(c => c.Id).FirstAsync();
        var letter = cityCase.Letters.First(l => l.Kind == LetterKind.Opinion);
        var stepsBefore = await db.ReconsiderationCases.Where(c => c.Id == cityCase.Id).SelectMany(c => c.Steps).CountAsync();

        await using var county = await app.As("jh.case");
        var sp = county.ServiceProvider;
        var actions = sp.GetRequiredService<FollowUpActions>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        await Should.ThrowAsync<NotFoundException>(() => actions.RecordReplyAsync(cityCase.Id, letter.Id, today, null, "越权"));
        await Should.ThrowAsync<NotFoundException>(() => actions.RemoveLetterAsync(cityCase.Id, letter.Id, "越权"));
        await Should.ThrowAsync<NotFoundException>(() => actions.IssueLetterAsync(new FollowUpActions.IssueLetter(
            cityCase.Id, LetterKind.Opinion, "江海府复意〔2026〕1号", null, "江门市市场监督管理局", today, "越权")));
        await Should.ThrowAsync<NotFoundException>(() => actions.CopyToSuperiorAsync(cityCase.Id, CopiedDocument.OpinionLetter, letter.Id, "江门市人民政府", today, null));
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<CaseActions>().ScheduleHearingAsync(cityCase.Id, today.AddDays(10)));
        var seen = await sp.GetRequiredService<ReconsiderationFollowUpFigures>().HandleAsync([city.Id], new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        seen.Figures.ShouldAllBe(x => x.Count == 0);

        await using var after = app.Db();
        (await after.ReconsiderationCases.Where(c => c.Id == cityCase.Id).SelectMany(c => c.Steps).CountAsync()).ShouldBe(stepsBefore);
        (await after.ReconsiderationCases.Where(c => c.Id == cityCase.Id).SelectMany(c => c.Letters).CountAsync()).ShouldBe(cityCase.Letters.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CopyAndPerformance_ThroughTheHandlers_StoredAndRefusedWithReasons(string provider)
    {
        var app = await apps.Get(provider);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var caseId = await ClosedCaseAsync(app, "伍嘉欣", today.AddDays(-40), today.AddDays(-20), ReconsiderationOutcome.OrderPerformance);
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var actions = sp.GetRequiredService<FollowUpActions>();

        var view = await sp.GetRequiredService<GetCase>().HandleAsync(caseId);
        view.Case.DecisionTitle.ShouldBe("行政复议决定书");
        view.Case.DecisionNumber.ShouldBe("江府复〔2099〕7号");
        view.Case.RespondentSuperior.ShouldBe("江门市人民政府");
        view.Performance!.StatusName.ShouldBe("待履行");

        await actions.CopyToSuperiorAsync(caseId, CopiedDocument.Decision, null, view.Case.RespondentSuperior!, today, "江府复抄〔2099〕1号");
        var twice = await Should.ThrowAsync<DomainException>(() => actions.CopyToSuperiorAsync(caseId, CopiedDocument.Decision, null, "江门市人民政府", today, null));
        twice.Message.ShouldContain("已于");
        await Should.ThrowAsync<DomainException>(() => actions.ApplyForEnforcementAsync(caseId, "申请强制执行"));
        await actions.SetPerformanceDueAsync(caseId, today.AddDays(30), "限三十日内履行");
        (await Should.ThrowAsync<DomainException>(() => actions.UrgePerformanceAsync(caseId, today.AddDays(40), "书面责令"))).Message.ShouldContain("尚未逾期");
        await actions.RecordPerformedAsync(caseId, today, "已履行法定职责并书面报告", "江市监函〔2099〕5号");

        var after = await sp.GetRequiredService<GetCase>().HandleAsync(caseId);
        after.Copies.Single().What.ShouldBe("行政复议决定书江府复〔2099〕7号");
        after.Performance!.Status.ShouldBe(PerformanceStatus.Performed);
        after.Performance.PerformedOn.ShouldBe(today);
        after.Steps.TakeLast(3).Select(s => s.KindName).ShouldBe(["抄告", "确定履行期限", "履行完毕"]);

        await using var db = app.Db();
        var stored = await db.ReconsiderationCases.Include(c => c.Copies).SingleAsync(c => c.Id == caseId);
        stored.Copies.Single().Number.ShouldBe("江府复抄〔2099〕1号");
        stored.Performance.ShouldBe(PerformanceStatus.Performed);

        await actions.RemoveCopyAsync(caseId, stored.Copies.Single().Id, "重复登记");
        await using var db2 = app.Db();
        (await db2.ReconsiderationCases.Where(c => c.Id == caseId).SelectMany(c => c.Copies).CountAsync()).ShouldBe(0);
    }

    /// <summary>
    /// The migration turns the single opinion letter of the earlier schema into one letter with its reply, takes the
    /// closing document's number from the closing step and marks outcomes to perform as pending.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migration_ExistingOpinionLetter_BecomesOneLetter(string provider)
    {
        var app = await apps.Get(provider);
        var parsed = TestDatabase.Require(provider);
        var folder = Path.Combine(Path.GetTempPath(), "jixiao-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settingsValues = TestDatabase.Settings(parsed, folder, out var pgDatabase);
        var connection = pgDatabase is null ? $"Data Source={Path.Combine(folder, "migrate.db")};Foreign Keys=True" : settingsValues["ConnectionStrings:Jixiao"]!;
        if (pgDatabase is not null)
        {
            await TestDatabase.CreatePostgresDatabaseAsync(pgDatabase);
        }

        try
        {
            var settings = new DatabaseSettings(parsed, connection, app.Services.GetRequiredService<AuditInterceptor>());
            await using (var db = settings.Create(CurrentUser.System("迁移测试")))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var index = migrations.FindIndex(m => m.EndsWith("_ReconsiderationFollowUp", StringComparison.Ordinal));
                index.ShouldBeGreaterThan(0);
                await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Units" ("Code", "Name", "ShortName", "Level", "Kind", "SortOrder", "IsActive") VALUES ('999901', '迁移测试司法局', '迁移', 1, 1, 0, TRUE);
                    INSERT INTO "ReconsiderationCases" ("UnitId", "CaseNumber", "ReceivedOn", "LawVersion", "Matter", "Channel", "ApplicantKind", "ApplicantName", "RespondentName",
                        "State", "Procedure", "ExtensionDays", "EnterpriseRelated", "AcceptedOn", "ClosedOn", "Outcome", "OpinionLetterServedOn", "OpinionFeedbackOn")
                    SELECT "Id", '迁府复〔2023〕1号', '2023-03-01', 2017, 1, 1, 1, '张某', '迁移市市场监督管理局', 5, 1, 0, FALSE, '2023-03-03', '2023-04-20', 12, '2023-05-04', '2023-06-20'
                    FROM "Units" WHERE "Code" = '999901';
                    INSERT INTO "ReconsiderationCases" ("UnitId", "CaseNumber", "ReceivedOn", "LawVersion", "Matter", "Channel", "ApplicantKind", "ApplicantName", "RespondentName",
                        "State", "Procedure", "ExtensionDays", "EnterpriseRelated", "AcceptedOn")
                    SELECT "Id", '迁府复〔2023〕2号', '2023-03-02', 2017, 1, 1, 1, '李某', '迁移市公安局', 3, 1, 0, FALSE, '2023-03-06'
                    FROM "Units" WHERE "Code" = '999901';
                    INSERT INTO "ReconsiderationSteps" ("CaseId", "Kind", "At", "ActorUserId", "ActorName", "DocumentNumber", "DocumentTitle", "Note")
                    SELECT "Id", 21, '2023-04-20 08:00:00+00:00', 0, '吴家豪', '迁府复调〔2023〕1号', '行政复议调解书', '调解' FROM "ReconsiderationCases" WHERE "CaseNumber" = '迁府复〔2023〕1号';
                    INSERT INTO "ReconsiderationSteps" ("CaseId", "Kind", "At", "ActorUserId", "ActorName", "DocumentNumber", "DocumentTitle", "Note")
                    SELECT "Id", 22, '2023-05-04 08:00:00+00:00', 0, '吴家豪', '迁府复意〔2023〕1号', '行政复议意见书', NULL FROM "ReconsiderationCases" WHERE "CaseNumber" = '迁府复〔2023〕1号';
                    INSERT INTO "ReconsiderationSteps" ("CaseId", "Kind", "At", "ActorUserId", "ActorName", "DocumentNumber", "DocumentTitle", "Note")
                    SELECT "Id", 23, '2023-06-20 08:00:00+00:00', 0, '吴家豪', '迁市监函〔2023〕3号', '整改情况报告', '已整改' FROM "ReconsiderationCases" WHERE "CaseNumber" = '迁府复〔2023〕1号';
                    """);
                await db.Database.MigrateAsync();
            }

            await using var migrated = settings.Create(CurrentUser.System("迁移测试"));
            var cases = await migrated.ReconsiderationCases.Include(c => c.Letters).Where(c => c.CaseNumber.StartsWith("迁府复")).OrderBy(c => c.CaseNumber).ToListAsync();
            var letter = cases[0].Letters.Single();
            (letter.Kind, letter.Number, letter.AddresseeName, letter.ServedOn, letter.ReplyReceivedOn, letter.ReplyNumber, letter.ReplyNote).ShouldBe(
                (LetterKind.Opinion, "迁府复意〔2023〕1号", "迁移市市场监督管理局", new DateOnly(2023, 5, 4), (DateOnly?)new DateOnly(2023, 6, 20), "迁市监函〔2023〕3号", "已整改"));
            cases[0].DecisionNumber.ShouldBe("迁府复调〔2023〕1号");
            cases[0].Performance.ShouldBe(PerformanceStatus.Pending);
            cases[1].Letters.ShouldBeEmpty();
            cases[1].DecisionNumber.ShouldBeNull();
            cases[1].Performance.ShouldBeNull();
        }
        finally
        {
            if (pgDatabase is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await TestDatabase.DropPostgresDatabaseAsync(pgDatabase);
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A city case received and closed on the given days, written as the demo writes its past cases.</summary>
    private static async Task<int> ClosedCaseAsync(TestApp app, string applicant, DateOnly received, DateOnly closed, ReconsiderationOutcome outcome = ReconsiderationOutcome.Uphold)
    {
        await using var db = app.Db();
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == "江门市市场监督管理局");
        if (agency is null)
        {
            agency = new Agency("江门市市场监督管理局", "江门市人民政府");
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }

        var number = await CaseNumbers.NextAsync(db, city, 2099, CancellationToken.None);
        var c = new ReconsiderationCase(city.Id, number, received, MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
            applicant, agency.Name, Handler, At(received));
        c.Accept(Procedure.Ordinary, Handler, At(received.AddDays(1)));
        c.Close(outcome, Handler, At(closed), new CaseDocument("江府复〔2099〕7号", Outcomes.DocumentTitle(outcome)));
        db.ReconsiderationCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static async Task<ListCases.CaseRow> RowAsync(IServiceProvider sp, int caseId) =>
        (await sp.GetRequiredService<ListCases>().HandleAsync(new ListCases.Query(Ids: [caseId]), new PageRequest())).Items.Single();
}
