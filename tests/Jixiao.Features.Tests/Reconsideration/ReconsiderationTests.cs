using Jixiao.Domain.Organization;
using Jixiao.Domain.Metrics;
using Jixiao.Features.Metrics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Reconsideration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed partial class ReconsiderationTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppWithDemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<ReconsiderationDemo>(d => d.SeedAsync());

    private static string IdNumber(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    private static RegisterApplication.Command Application(string unitCode, string applicant, string idNumber) => new(
        unitCode, DateOnly.FromDateTime(DateTime.Now), MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
        applicant, IdDocumentType.ResidentIdCard, idNumber, "13800138000", "江门市蓬江区建设路1号", null, false,
        "撤销被申请人作出的行政处罚决定书。", "江门市市场监督管理局作出的江市监罚〔2026〕12号行政处罚决定书", "江门市市场监督管理局");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_Demo2023City_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.head");
        var s = await scope.ServiceProvider.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));
        decimal? V(string key) => s["reconsideration." + key].Value;

        V("received").ShouldBe(190);
        V("ended.refused").ShouldBe(25);
        V("ended.informed").ShouldBe(16);
        V("ended.handled_otherwise").ShouldBe(8);
        V("ended.transferred").ShouldBe(1);
        V("ended.supplement_overdue").ShouldBe(5);
        V("ended_before_acceptance").ShouldBe(55);
        V("accepted").ShouldBe(135);
        V("closed_except_withdrawn").ShouldBe(128);
        V("outcome.upheld").ShouldBe(84);
        V("outcome.corrected").ShouldBe(5);
        V("outcome.dismissed").ShouldBe(2);
        V("outcome.terminated").ShouldBe(3);
        V("outcome.mediated_or_settled").ShouldBe(34);
        V("settled_mediated_withdrawn").ShouldBe(47);
        V("settlement_withdrawal_rate").ShouldBe(34.81m);
        s["reconsideration.settlement_withdrawal_rate"].Numerator.ShouldBe(47);
        s["reconsideration.settlement_withdrawal_rate"].Denominator.ShouldBe(135);
        V("settled_or_mediated").ShouldBe(34);
        V("direct_mediation_rate").ShouldBe(25.19m);
        V("channel.online").ShouldBe(29);
        s.Values.Where(v => v.Definition.Unit == MetricUnit.Count).ShouldAllBe(v => v.RecordIds.Count == v.Value);

        await using var db = app.Db();
        var online = s["reconsideration.channel.online"].RecordIds;
        (await db.ReconsiderationCases.CountAsync(c => online.Contains(c.Id) && c.Channel == ApplicationChannel.Online && c.ReceivedOn.Year == 2023)).ShouldBe(29);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_Demo2023CityWide_ReproduceCorrectedAndEnterpriseRelated(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.head");
        var stats = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var cityWide = await stats.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        var own = await stats.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        cityWide["reconsideration.corrected"].Value.ShouldBe(64);
        cityWide["reconsideration.enterprise_related"].Value.ShouldBe(220);
        cityWide["reconsideration.received"].Value!.Value.ShouldBeGreaterThan(own["reconsideration.received"].Value!.Value);
        own["reconsideration.received"].Value.ShouldBe(190);

        await using var db = app.Db();
        var corrected = cityWide["reconsideration.corrected"].RecordIds;
        var outcomes = await db.ReconsiderationCases.Where(c => corrected.Contains(c.Id)).GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        outcomes.ToDictionary(o => o.Key!.Value, o => o.Count).ShouldBe(new Dictionary<ReconsiderationOutcome, int>
        {
            [ReconsiderationOutcome.Revoke] = 25,
            [ReconsiderationOutcome.Vary] = 1,
            [ReconsiderationOutcome.ConfirmIllegal] = 36,
            [ReconsiderationOutcome.OrderPerformance] = 2,
        }, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CaseActions_RegisterAcceptClose_StepsRecordedAndAudited(string provider)
    {
        var app = await apps.Get(provider);
        int id;
        await using (var scope = await app.As("jx.case"))
        {
            var sp = scope.ServiceProvider;
            var registered = await sp.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "梁嘉欣", IdNumber("44070319880512202")));
            registered.CaseNumber.ShouldMatch(@"^江府复〔\d{4}〕\d+号$");
            id = registered.Id;
            var actions = sp.GetRequiredService<CaseActions>();
            await actions.AcceptAsync(id, Procedure.Ordinary, new CaseDocument(null, "行政复议受理通知书"));
            await actions.SendCopyToRespondentAsync(id);
            await actions.RecordAnswerAsync(id);
            await actions.CloseAsync(id, ReconsiderationOutcome.Uphold, new CaseDocument(registered.CaseNumber, "行政复议决定书"));

            var view = await sp.GetRequiredService<GetCase>().HandleAsync(id);
            view.Case.StateName.ShouldBe("已审结");
            view.Steps.Select(s => s.KindName).ShouldBe(["收到申请", "受理", "发送申请书副本", "收到答复", "结案"]);
            if (view.DeadlineProblem is null)
            {
                view.Deadlines.Single(d => d.Step == ReconsiderationStep.Decision).Deadline.Status.ShouldBe(Domain.Calendar.DeadlineStatus.Done);
            }
            else
            {
                // The decision period runs 60 days into a year the shipped calendar does not hold yet: it says so rather than
                // guess, and the steps it can count are still shown.
                view.Deadlines.ShouldNotContain(d => d.Step == ReconsiderationStep.Decision);
                view.Deadlines.Single(d => d.Step == ReconsiderationStep.CopyToRespondent).Deadline.Status.ShouldBe(Domain.Calendar.DeadlineStatus.Done);
                view.DeadlineProblem.ShouldContain(view.Today.AddDays(60).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await using var db = app.Db();
        var stored = await db.ReconsiderationCases.Include(c => c.Steps).SingleAsync(c => c.Id == id);
        stored.State.ShouldBe(CaseState.Closed);
        stored.Outcome.ShouldBe(ReconsiderationOutcome.Uphold);
        stored.Steps.OrderBy(s => s.Id).Select(s => s.Kind).ShouldBe(
            [CaseStepKind.Received, CaseStepKind.Accepted, CaseStepKind.CopySent, CaseStepKind.AnswerRecorded, CaseStepKind.Closed]);
        stored.Steps.ShouldAllBe(s => s.ActorName == "吴家豪" && s.ActorUserName == "jx.case");
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(ReconsiderationCase) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
        audit.Count.ShouldBe(5);
        audit.ShouldAllBe(a => a.UserName == "jx.case" && a.EntityName == "行政复议案件");
        audit.ShouldAllBe(a => !a.Changes.Contains("19880512"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CaseActions_IllegalMove_RefusedAndNothingSaved(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var id = (await sp.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "陈志强", IdNumber("44078119760301351")))).Id;
        await using var before = app.Db();
        var auditBefore = await before.AuditEntries.CountAsync();

        var refused = await Should.ThrowAsync<DomainException>(() => sp.GetRequiredService<CaseActions>().CloseAsync(id, ReconsiderationOutcome.Uphold));
        refused.Message.ShouldContain("只有已受理、尚未审结的案件可以");

        await using var db = app.Db();
        var stored = await db.ReconsiderationCases.Include(c => c.Steps).SingleAsync(c => c.Id == id);
        stored.State.ShouldBe(CaseState.UnderReview);
        stored.Outcome.ShouldBeNull();
        stored.Steps.Count.ShouldBe(1);
        (await db.AuditEntries.CountAsync()).ShouldBe(auditBefore);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterApplication_WrongCheckDigit_RefusedWithTheField(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jx.case");
        var valid = IdNumber("44070319880512202");
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var error = await Should.ThrowAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "黄伟", wrong)));
        error.Problems.ShouldContain(p => p.Field == "证件号码" && p.Message.Contains("校验位"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_CountyHandler_NeverSeesCityCases(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        int cityCase;
        await using (var city = await app.As("jx.case"))
        {
            cityCase = (await city.ServiceProvider.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "谭文杰", IdNumber("44070419900101001")))).Id;
        }

        await using var county = await app.As("jh.case");
        var sp = county.ServiceProvider;
        var own = await sp.GetRequiredService<RegisterApplication>().HandleAsync(Application("440704", "冯秀英", IdNumber("44070419650708002")));
        own.CaseNumber.ShouldStartWith("江海府复〔");

        var list = await sp.GetRequiredService<ListCases>().HandleAsync(new ListCases.Query(), new PageRequest(1, 500));
        list.Items.ShouldContain(r => r.Id == own.Id);
        list.Items.ShouldAllBe(r => r.UnitName == "江海区司法局");
        (await sp.GetRequiredService<ListCases>().HandleAsync(new ListCases.Query(UnitCode: DemoData.CityBureau), new PageRequest())).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<GetCase>().HandleAsync(cityCase));
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<CaseActions>().AcceptAsync(cityCase, Procedure.Ordinary));
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListCases_OverdueOnly_GivesTheCaseNotReviewedInTime(string provider)
    {
        var app = await apps.Get(provider);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var calendar = app.Services.GetRequiredService<Jixiao.Infrastructure.Calendar.WorkdayCalendarProvider>().Calendar;
        if (!calendar.Covers(today) || !calendar.Covers(today.AddDays(-30)))
        {
            Assert.Skip($"工作日历未包含{today.Year}年。");
        }

        await using var scope = await app.As("jx.case");
        var sp = scope.ServiceProvider;
        var late = await sp.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "余国华", IdNumber("44078419700215101")) with { ReceivedOn = today.AddDays(-30) });
        var fresh = await sp.GetRequiredService<RegisterApplication>().HandleAsync(Application(DemoData.CityBureau, "甄丽萍", IdNumber("44078519821130202")));

        var overdue = await sp.GetRequiredService<ListCases>().HandleAsync(new ListCases.Query(OverdueOnly: true, State: CaseState.UnderReview), new PageRequest(1, 500));
        overdue.Items.ShouldContain(r => r.Id == late.Id && r.NextStatus == Domain.Calendar.DeadlineStatus.Overdue && r.NextDeadline == "审查受理");
        overdue.Items.ShouldNotContain(r => r.Id == fresh.Id);
        overdue.Items.ShouldAllBe(r => r.ApplicantIdNumber == null || r.ApplicantIdNumber.Contains("**********"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_Demo2023_MasksIdNumbers(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.case");
        var query = new ListCases.Query(UnitCode: DemoData.CityBureau, ReceivedFrom: new DateOnly(2023, 1, 1), ReceivedTo: new DateOnly(2023, 12, 31));
        var bytes = await scope.ServiceProvider.GetRequiredService<ListCases>().ExportAsync(query);

        await using var db = app.Db();
        var cityId = await db.Units.Where(u => u.Code == DemoData.CityBureau).Select(u => u.Id).SingleAsync();
        var ids = await db.ReconsiderationCases.Where(c => c.UnitId == cityId && c.ReceivedOn.Year == 2023 && c.ApplicantIdNumber != null).Select(c => c.ApplicantIdNumber!).ToListAsync();
        ids.Count.ShouldBe(190);
        var text = SheetText(bytes);
        ids.ShouldAllBe(id => !text.Contains(id));
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(190);
        rows.ShouldAllBe(r => MaskedId().IsMatch((string)r["证件号码"]!));
    }

    private static string SheetText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    [GeneratedRegex(@"^[0-9A-Z]{4}\*{10}[0-9A-Z]{4}$")]
    private static partial Regex MaskedId();
}
