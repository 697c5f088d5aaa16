using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Demo;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Jixiao.Features.Tests.Reconsideration.NoticeCases;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class NoticeTests(Apps apps) : IClassFixture<Apps>
{
    private static Domain.Calendar.WorkdayCalendar Calendar => WorkdayCalendarProvider.ShippedCalendar;

    private async Task<TestApp> AppWithDemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_DemoUpheldCase_NoticesCarryApplicantDatesAndDueDates(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        ReconsiderationCase c;
        await using (var db = app.Db())
        {
            c = await db.ReconsiderationCases.Include(x => x.Steps).AsNoTracking()
                .Where(x => x.CaseNumber.StartsWith("江府复〔2023〕") && x.Outcome == ReconsiderationOutcome.Uphold && x.AgentName != null)
                .OrderBy(x => x.Id).FirstAsync();
        }

        await using var scope = await app.As("jx.case");
        var notices = scope.ServiceProvider.GetRequiredService<GenerateNotice>();
        (await notices.AvailableAsync(c.Id)).Select(n => n.Key).ShouldBe(["accept", "answer", "decision"]);

        var acceptance = await TextAsync(notices, c.Id, NoticeKind.Acceptance);
        acceptance.ShouldContain("江门市人民政府");
        acceptance.ShouldContain("行政复议受理通知书");
        acceptance.ShouldContain(c.ApplicantName + "：");
        acceptance.ShouldContain(c.Steps.Single(s => s.Kind == CaseStepKind.Accepted).DocumentNumber!);
        acceptance.ShouldContain($"于{Chinese(c.ReceivedOn)}向本机关提出");
        acceptance.ShouldContain($"决定自{Chinese(c.AcceptedOn!.Value)}起受理");

        // The case was received in 2023: the old law's 60 days, rolled past a day off.
        acceptance.ShouldContain($"即不迟于{Chinese(Calendar.OnOrNextWorkingDay(c.AcceptedOn.Value.AddDays(60)))}作出");
        acceptance.ShouldContain("《中华人民共和国行政复议法》（2017年修正）第十七条");

        var answer = await TextAsync(notices, c.Id, NoticeKind.AnswerRequest);
        answer.ShouldStartWith("江门市人民政府\n提出答复通知书");
        answer.ShouldContain(c.RespondentName + "：");
        answer.ShouldContain($"答复期限至{Chinese(Calendar.OnOrNextWorkingDay(c.CopySentOn!.Value.AddDays(10)))}届满");

        var decision = await TextAsync(notices, c.Id, NoticeKind.Decision);
        decision.ShouldContain($"申请人：{c.ApplicantName}，公民身份号码{c.ApplicantIdNumber}，");
        decision.ShouldContain($"委托代理人：{c.AgentName}。");
        decision.ShouldContain($"维持{c.ContestedAct}。");
        decision.ShouldContain("经审理查明：【请填写经审理查明的事实和证据】");
        decision.ShouldEndWith("江门市人民政府\n" + Chinese(c.ClosedOn!.Value));
        decision.ShouldContain(c.CaseNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_DemoRefusedCase_RefusalWithItsReasonAndNoAgentLine(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        ReconsiderationCase c;
        await using (var db = app.Db())
        {
            c = await db.ReconsiderationCases.Include(x => x.Steps).AsNoTracking()
                .Where(x => x.CaseNumber.StartsWith("江府复〔2023〕") && x.EndedBeforeAcceptanceAs == PreAcceptanceEnding.Refused && x.AgentName == null)
                .OrderBy(x => x.Id).FirstAsync();
        }

        await using var scope = await app.As("jx.head");
        var notices = scope.ServiceProvider.GetRequiredService<GenerateNotice>();
        (await notices.AvailableAsync(c.Id)).Select(n => n.Kind).ShouldBe([NoticeKind.Refusal]);
        var text = await TextAsync(notices, c.Id, NoticeKind.Refusal);
        var step = c.Steps.Single(s => s.Kind == CaseStepKind.Refused);
        text.ShouldContain($"经审查，本机关认为：{step.Note}。");
        text.ShouldContain(step.DocumentNumber!);
        text.ShouldContain(c.ApplicantIdNumber!);
        text.ShouldNotContain("委托代理人");
        text.ShouldEndWith(Chinese(c.EndedBeforeAcceptanceOn!.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_SupplementAndExtension_DueDatesCountedByTheEngine(string provider)
    {
        var app = await apps.Get(provider);
        var supplement = await SeedCaseAsync(app, DemoData.CityBureau, "2024-02-02", c =>
            c.RequestSupplement("申请人身份证明；行政处罚决定书复印件", Handler, At("2024-02-05"), new CaseDocument("江府复补〔2024〕2号", "补正通知书")));
        var extended = await SeedCaseAsync(app, DemoData.CityBureau, "2024-03-04", c =>
        {
            c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
            c.Extend(30, new CaseActor(0, "谭伟文"), Calendar, Handler, At("2024-04-22"), new CaseDocument("江府复延〔2024〕3号", "延期审理通知书"));
        });

        await using var scope = await app.As("jx.case");
        var notices = scope.ServiceProvider.GetRequiredService<GenerateNotice>();
        var s = await TextAsync(notices, supplement, NoticeKind.Supplement);
        s.ShouldContain("江府复补〔2024〕2号");
        s.ShouldContain("自收到本通知之日起10个工作日内补正下列事项");
        s.ShouldContain("1．申请人身份证明；\n2．行政处罚决定书复印件。");
        s.ShouldContain("补正期限至2024年2月23日届满");
        s.ShouldContain("《中华人民共和国行政复议法》第三十一条");

        var e = await TextAsync(notices, extended, NoticeKind.Extension);
        e.ShouldContain("延长期限30日，行政复议决定期限由2024年5月6日延长至2024年6月3日。");
        e.ShouldContain("《中华人民共和国行政复议法》第六十二条");
        e.ShouldEndWith("江门市人民政府\n2024年4月22日");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_NoticeInvalidForTheState_RefusedWithAClearMessage(string provider)
    {
        var app = await apps.Get(provider);
        var received = await SeedCaseAsync(app, DemoData.CityBureau, "2024-05-06", _ => { });
        var accepted = await SeedCaseAsync(app, DemoData.CityBureau, "2024-05-06", c => c.Accept(Procedure.Ordinary, Handler, At("2024-05-07")));

        await using var scope = await app.As("jx.case");
        var notices = scope.ServiceProvider.GetRequiredService<GenerateNotice>();
        (await notices.AvailableAsync(received)).ShouldBeEmpty();
        (await Should.ThrowAsync<DomainException>(() => notices.HandleAsync(received, NoticeKind.Decision)))
            .Message.ShouldBe("案件尚未受理（当前：审查中），不能生成行政复议决定书。");
        (await Should.ThrowAsync<DomainException>(() => notices.HandleAsync(accepted, NoticeKind.Refusal)))
            .Message.ShouldBe("案件审理中，不是以不予受理办结的，不能生成不予受理决定书。");
        (await notices.AvailableAsync(accepted)).Select(n => n.Kind).ShouldBe([NoticeKind.Acceptance, NoticeKind.Decision]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_OutsideScopeOrWithoutTheArea_NotFoundOrForbidden_AndAudited(string provider)
    {
        var app = await apps.Get(provider);
        var city = await SeedCaseAsync(app, DemoData.CityBureau, "2024-05-06", c => c.Accept(Procedure.Ordinary, Handler, At("2024-05-07")));
        var county = await SeedCaseAsync(app, "440704", "2024-05-06", c => c.Accept(Procedure.Ordinary, new CaseActor(0, "冯文杰", "jh.case"), At("2024-05-08")));

        await using (var scope = await app.As("jh.case"))
        {
            var notices = scope.ServiceProvider.GetRequiredService<GenerateNotice>();
            await Should.ThrowAsync<NotFoundException>(() => notices.HandleAsync(city, NoticeKind.Acceptance));
            await Should.ThrowAsync<NotFoundException>(() => notices.AvailableAsync(city));
            var own = await TextAsync(notices, county, NoticeKind.Acceptance);
            own.ShouldStartWith("江门市江海区人民政府\n行政复议受理通知书");
        }

        foreach (var user in new[] { "jx.leader", "pj.perf", "admin" })
        {
            await using var scope = await app.As(user);
            await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<GenerateNotice>().HandleAsync(city, NoticeKind.Acceptance));
        }

        await using (var scope = await app.As("jx.case"))
        {
            await scope.ServiceProvider.GetRequiredService<GenerateNotice>().HandleAsync(city, NoticeKind.Acceptance);
        }

        await using var db = app.Db();
        var cityId = city.ToString(CultureInfo.InvariantCulture);
        var generated = await db.AuditEntries.Where(a => a.Action == AuditAction.DocumentGenerated && a.EntityType == nameof(ReconsiderationCase)
            && (a.EntityId == cityId || a.EntityId == county.ToString(CultureInfo.InvariantCulture))).OrderBy(a => a.Id).ToListAsync();
        generated.Select(a => a.UserName).ShouldBe(["jh.case", "jx.case"]);
        generated[1].EntityId.ShouldBe(cityId);
        generated[1].EntityName.ShouldBe("行政复议案件");
        generated[1].Note!.ShouldStartWith("生成行政复议受理通知书：江府复〔2024〕");
        generated[1].IpAddress.ShouldBe("10.0.0.1");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Templates_Upload_UsedForGenerationUntilTheDefaultIsRestored(string provider)
    {
        var app = await apps.Get(provider);
        var id = await SeedCaseAsync(app, DemoData.CityBureau, "2024-03-04", c =>
        {
            c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
            c.Extend(20, new CaseActor(0, "谭伟文"), Calendar, Handler, At("2024-04-22"));
        });

        await using (var admin = await app.As("admin"))
        {
            var templates = admin.ServiceProvider.GetRequiredService<ManageNoticeTemplates>();
            var original = await templates.DownloadAsync(NoticeKind.Extension, defaultTemplate: true);
            original.FileName.ShouldBe("延期审理通知书模板（默认）.docx");
            var result = await templates.UploadAsync(NoticeKind.Extension, "延期通知（本局）.docx", new MemoryStream(WithParagraph(original.Content, "本通知一式三份，{{案号}}。")));
            result.UnusedPlaceholders.ShouldContain("申请人情况");
            var row = (await templates.ListAsync()).Single(r => r.Kind == NoticeKind.Extension);
            (row.Custom, row.FileName, row.UploadedBy).ShouldBe((true, "延期通知（本局）.docx", "陈志明"));
        }

        await using (var scope = await app.As("jx.case"))
        {
            var text = await TextAsync(scope.ServiceProvider.GetRequiredService<GenerateNotice>(), id, NoticeKind.Extension);
            text.ShouldContain("本通知一式三份，江府复〔2024〕");
            text.ShouldContain("延长期限20日");
        }

        await using (var db = app.Db())
        {
            var stored = await db.NoticeTemplates.SingleAsync(t => t.Kind == NoticeKind.Extension);
            stored.Sha256.Length.ShouldBe(64);
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(NoticeTemplate)).OrderBy(a => a.Id).ToListAsync();
            audit.ShouldHaveSingleItem().Changes.ShouldContain(stored.Sha256);
            audit[0].Changes.ShouldContain("（不记录）");
            audit[0].Changes.Length.ShouldBeLessThan(1000);
        }

        await using (var admin = await app.As("admin"))
        {
            var templates = admin.ServiceProvider.GetRequiredService<ManageNoticeTemplates>();
            await templates.RestoreDefaultAsync(NoticeKind.Extension);
            (await Should.ThrowAsync<NotFoundException>(() => templates.RestoreDefaultAsync(NoticeKind.Extension))).Message.ShouldBe("延期审理通知书已在使用默认模板。");
            (await templates.ListAsync()).ShouldAllBe(r => !r.Custom);
        }

        await using (var scope = await app.As("jx.case"))
        {
            (await TextAsync(scope.ServiceProvider.GetRequiredService<GenerateNotice>(), id, NoticeKind.Extension)).ShouldNotContain("一式三份");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Templates_UnknownPlaceholdersOrNotAWordDocument_RefusedListingEachAndNothingStored(string provider)
    {
        var app = await apps.Get(provider);
        await using (var admin = await app.As("admin"))
        {
            var templates = admin.ServiceProvider.GetRequiredService<ManageNoticeTemplates>();
            var original = (await templates.DownloadAsync(NoticeKind.Refusal, defaultTemplate: true)).Content;

            var unknown = await Should.ThrowAsync<ValidationException>(() =>
                templates.UploadAsync(NoticeKind.Refusal, "不予受理.docx", new MemoryStream(WithParagraph(original, "签发人：{{签发人}}，联系电话{{承办人电话}}，{{审理期限届满日}}"))));
            unknown.Problems.Select(p => p.Message).ShouldBe(
            [
                "未知的占位符“{{签发人}}”：不予受理决定书模板不能使用它，可用的占位符见页面上的列表。",
                "未知的占位符“{{承办人电话}}”：不予受理决定书模板不能使用它，可用的占位符见页面上的列表。",
                "未知的占位符“{{审理期限届满日}}”：不予受理决定书模板不能使用它，可用的占位符见页面上的列表。",
            ]);

            var unclosed = await Should.ThrowAsync<ValidationException>(() =>
                templates.UploadAsync(NoticeKind.Refusal, "不予受理.docx", new MemoryStream(WithParagraph(original, "申请人{{申请人}"))));
            unclosed.Problems.ShouldHaveSingleItem().Message.ShouldContain("不成对");

            var workbook = await Should.ThrowAsync<ValidationException>(() =>
                templates.UploadAsync(NoticeKind.Refusal, "不予受理.docx", new MemoryStream(Xlsx.Write(new[] { 1 }, [("列", r => r)], "表"))));
            workbook.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("“不予受理.docx”：文件不是有效的 Word（.docx）文档");

            var doc = await Should.ThrowAsync<ValidationException>(() =>
                templates.UploadAsync(NoticeKind.Refusal, "不予受理.doc", new MemoryStream(original)));
            doc.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("“不予受理.doc”不是 .docx 文件");
        }

        await using (var handler = await app.As("jx.case"))
        {
            await Should.ThrowAsync<ForbiddenException>(() => handler.ServiceProvider.GetRequiredService<ManageNoticeTemplates>()
                .UploadAsync(NoticeKind.Refusal, "不予受理.docx", new MemoryStream(DefaultNoticeTemplates.Get(NoticeKind.Refusal))));
        }

        await using var db = app.Db();
        (await db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Refusal)).ShouldBeFalse();
    }

    private static async Task<string> TextAsync(GenerateNotice notices, int caseId, NoticeKind kind)
    {
        var file = await notices.HandleAsync(caseId, kind);
        file.FileName.ShouldEndWith(".docx");
        file.FileName.ShouldStartWith(Notices.Title(kind) + "_");
        return DocxText.Extract(new MemoryStream(file.Content));
    }

    private static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static async Task<int> SeedCaseAsync(TestApp app, string unitCode, string receivedOn, Action<ReconsiderationCase> steps)
    {
        await using var db = app.Db();
        return await NoticeCases.SeedAsync(db, unitCode, receivedOn, steps);
    }
}
