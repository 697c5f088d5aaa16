using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Reconsideration;
using Jixiao.Domain.Reports;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Demo;
using Jixiao.Features.Metrics;
using Jixiao.Features.Performance;
using Jixiao.Features.Reconsideration;
using Jixiao.Features.Reports;
using Jixiao.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Performance;

/// <summary>Indicators fed by metrics, evaluations frozen at submission, and report sentences generated from metrics.</summary>
public sealed class MetricIndicatorTests(Apps apps) : IClassFixture<Apps>
{
    private const string Fed = "行政复议新收件数";

    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<PerformanceDemo>(d => d.SeedAsync());

    private static int ThisYear => DateTime.Now.Year;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FedIndicator_ShowsTheLiveValue_AndAManualValueNeedsItsSource(string provider)
    {
        var app = await AppAsync(provider);
        var id = await ProjectWithFedIndicatorAsync(app, "T-FED-" + provider);
        await using var officer = await app.As("jx.perf");
        var sp = officer.ServiceProvider;
        var live = await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("reconsideration.received", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(ThisYear));

        var view = await sp.GetRequiredService<GetProject>().HandleAsync(id);
        var indicator = view.Project.Indicators.Single(i => i.Name == Fed);
        var feed = view.Data.FeedOf(indicator.Id).ShouldNotBeNull();
        view.Data.Frozen.ShouldBeFalse();
        feed.Value.ShouldBe(live.Value);
        feed.RecordIds.ShouldBe(live.RecordIds);
        feed.DrillDown.ShouldBe($"reconsideration/cases?metric=reconsideration.received&unit={DemoData.CityBureau}&from={ThisYear}-01-01&to={ThisYear}-12-31&scope=self");
        view.Score.ShouldNotBeNull().Indicators.Single(i => i.Name == Fed).Evaluation.Actual.ShouldBe(live.Value);

        var edit = sp.GetRequiredService<EditEvaluation>();
        var error = await Should.ThrowAsync<ValidationException>(() => edit.RecordActualsAsync(id, [new(indicator.Id, 500, null, null, null, null)]));
        error.Problems.Single().Message.ShouldBe($"指标“{Fed}”取自统计指标，手工填写实际完成值时须注明数据来源。");
        await edit.RecordActualsAsync(id, [new(indicator.Id, 500, null, null, null, null, "市复议办手工台账")]);
        await using (var db = app.Db())
        {
            var stored = await db.Set<ProjectIndicator>().SingleAsync(i => i.Id == indicator.Id, TestContext.Current.CancellationToken);
            (stored.Actual, stored.ActualSource, stored.MetricKey).ShouldBe((500m, "市复议办手工台账", "reconsideration.received"));
        }

        (await sp.GetRequiredService<GetProject>().HandleAsync(id)).Score!.Indicators.Single(i => i.Name == Fed).Evaluation.Actual.ShouldBe(500m);
        var refused = await Should.ThrowAsync<ValidationException>(() => edit.FeedFromMetricAsync(id, view.Project.Indicators.Single(i => i.Name == "群众满意度").Id,
            new IndicatorMetric("reconsideration.received", MetricScope.Self, MetricPeriod.Year(ThisYear))));
        refused.Problems.Single().Message.ShouldContain("计量单位是 %");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submission_FreezesFigures_LedgerChangeIsFlagged_ReturnUnfreezes(string provider)
    {
        var app = await AppAsync(provider);
        var id = await ProjectWithFedIndicatorAsync(app, "T-FRZ-" + provider);
        decimal? before;
        decimal total;
        int indicatorId;
        await using (var officer = await app.As("jx.perf"))
        {
            var sp = officer.ServiceProvider;
            var view = await sp.GetRequiredService<GetProject>().HandleAsync(id);
            indicatorId = view.Project.Indicators.Single(i => i.Name == Fed).Id;
            before = view.Data.ValueOf(indicatorId);
            total = view.Score!.Total;
            await sp.GetRequiredService<ReviewWorkflow>().SubmitEvaluationAsync(id);
        }

        await using (var handler = await app.As("jx.case"))
        {
            await handler.ServiceProvider.GetRequiredService<RegisterApplication>().HandleAsync(new RegisterApplication.Command(
                DemoData.CityBureau, DateOnly.FromDateTime(DateTime.Now), MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
                "甄立新", IdDocumentType.ResidentIdCard, IdNumber(provider == "Sqlite" ? "44070319900101101" : "44070319900101102"), "13800138000", "江门市蓬江区建设路2号", null, false,
                "撤销被申请人作出的行政处罚决定书。", "江门市市场监督管理局作出的行政处罚决定书", "江门市市场监督管理局"));
        }

        await using (var officer = await app.As("jx.perf"))
        {
            var sp = officer.ServiceProvider;
            var view = await sp.GetRequiredService<GetProject>().HandleAsync(id);
            view.Data.Frozen.ShouldBeTrue();
            view.Data.ValueOf(indicatorId).ShouldBe(before);
            view.Score!.Total.ShouldBe(total);
            var change = view.Data.Changes.ShouldHaveSingleItem();
            change.What.ShouldContain(Fed);
            (change.Frozen, change.Live).ShouldBe((before!.Value.ToString("0"), (before.Value + 1).ToString("0")));
            var scored = await sp.GetRequiredService<ScoreEvaluation>().HandleAsync("T-FRZ-" + provider, ThisYear);
            scored.Indicators.Single(i => i.Name == Fed).Actual.ShouldBe($"{before:0}件");
            var table = await sp.GetRequiredService<EvaluationOutputs>().HandleAsync(id, OutputKind.Report, OutputFormat.Docx);
            ReportDocxText(table.Content).ShouldContain($"全年共新收行政复议案件{before:0}件");
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            await reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>().ReturnEvaluationAsync(id, "请按最新台账核对。");
        }

        await using (var officer = await app.As("jx.perf"))
        {
            var view = await officer.ServiceProvider.GetRequiredService<GetProject>().HandleAsync(id);
            view.Data.Frozen.ShouldBeFalse();
            view.Data.Changes.ShouldBeEmpty();
            view.Data.ValueOf(indicatorId).ShouldBe(before + 1);
        }

        await using var db = app.Db();
        (await db.SelfEvaluations.SingleAsync(e => e.ProjectId == id, TestContext.Current.CancellationToken)).FrozenFigures.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoReport_GeneratedSentence_AgreesWithTheStatistics(string provider)
    {
        var app = await AppAsync(provider);
        await using var leader = await app.As("jx.perf");
        var sp = leader.ServiceProvider;
        await using var db = app.Db();
        var id = await db.Projects.Where(p => p.Code == "2023-SFJ-01" && p.Year == 2023).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        var stats = await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));

        var view = await sp.GetRequiredService<GetProject>().HandleAsync(id);
        view.Data.Frozen.ShouldBeTrue();
        view.Data.Changes.ShouldBeEmpty();
        view.Score!.Total.ShouldBe(98m);
        view.Data.Feeds.Select(f => (f.Key, f.Display)).ShouldBe([("reconsideration.received", "190"), ("reconsideration.settlement_withdrawal_rate", "34.81%")]);

        var report = ReportDocxText((await sp.GetRequiredService<EvaluationOutputs>().HandleAsync(id, OutputKind.Report, OutputFormat.Docx)).Content);
        string V(string key) => stats[key].Display;
        report.ShouldContain($"全年共新收行政复议案件{V("reconsideration.received")}件，其中不予受理{V("reconsideration.ended.refused")}件，告知{V("reconsideration.ended.informed")}件，"
            + $"另行处理{V("reconsideration.ended.handled_otherwise")}件，转送{V("reconsideration.ended.transferred")}件，逾期未补正{V("reconsideration.ended.supplement_overdue")}件，"
            + $"立案受理{V("reconsideration.accepted")}件；审结{V("reconsideration.closed")}件，调撤率{V("reconsideration.settlement_withdrawal_rate")}，直接调解率{V("reconsideration.direct_mediation_rate")}。");
        report.ShouldContain("全年共新收行政复议案件190件，其中不予受理25件，告知16件，另行处理8件，转送1件，逾期未补正5件，立案受理135件");
        (await sp.GetRequiredService<EvaluationOutputs>().CheckReportAsync(id)).Where(f => f.Rule == ReportRules.Metric).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedNumberInAGeneratedSentence_IsFoundBeforeExport(string provider)
    {
        var app = await AppAsync(provider);
        var id = await ProjectWithFedIndicatorAsync(app, "T-SEN-" + provider);
        await using var officer = await app.As("jx.perf");
        var sp = officer.ServiceProvider;
        var sentences = sp.GetRequiredService<ReportSentences>();
        var generated = (await sentences.RegenerateAsync(id)).ShouldHaveSingleItem();
        var received = await sp.GetRequiredService<MetricCatalogue>().EvaluateAsync("reconsideration.received", DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(ThisYear));
        generated.Text.ShouldStartWith($"全年共新收行政复议案件{received.Display}件");
        (await sp.GetRequiredService<EvaluationOutputs>().CheckReportAsync(id)).Where(f => f.Rule == ReportRules.Metric).ShouldBeEmpty();

        var edited = generated.Text.Replace($"新收行政复议案件{received.Display}件", $"新收行政复议案件{received.Value + 7}件，较上年有所增加", StringComparison.Ordinal);
        await sentences.SaveEditedAsync(id, [edited]);
        var finding = (await sp.GetRequiredService<EvaluationOutputs>().CheckReportAsync(id)).Where(f => f.Rule == ReportRules.Metric).ShouldHaveSingleItem();
        finding.Stated.ShouldBe($"{received.Value + 7}");
        finding.Expected.ShouldBe(received.Display);
        finding.Sentence.ShouldBe(edited);
        finding.Explanation.ShouldContain("新收");
    }

    private static string IdNumber(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    private static string ReportDocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join('\n', doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>A city project of this year, targets approved, evaluation started, its first indicator fed by 新收 of this year, the rest filled in.</summary>
    private static async Task<int> ProjectWithFedIndicatorAsync(TestApp app, string code)
    {
        int id;
        await using (var officer = await app.As("jx.perf"))
        {
            var sp = officer.ServiceProvider;
            id = await sp.GetRequiredService<SaveProject>().HandleAsync(new SaveProject.Command(null, DemoData.CityBureau, code, ThisYear,
                new ProjectDetails("行政复议工作经费" + code, "江门市司法局", "专项业务费", null, null, "依据。", "目标。")));
            await sp.GetRequiredService<EditBudget>().SetInitialAsync(id, FundSource.CurrentYearAppropriation, 100_000m);
            var targets = sp.GetRequiredService<EditTargets>();
            await targets.AddAsync(id, Indicator.AtLeast(Fed, IndicatorLevel2.Quantity, 50, 1, "件"));
            await targets.AddAsync(id, Indicator.Qualitative("行政争议化解水平", IndicatorLevel2.SocialBenefit, 30, "有提高"));
            await targets.AddAsync(id, Indicator.AtLeast("群众满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"));
            await sp.GetRequiredService<ReviewWorkflow>().SubmitTargetsAsync(id);
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            await reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>().ApproveTargetsAsync(id);
        }

        await using (var officer = await app.As("jx.perf"))
        {
            var sp = officer.ServiceProvider;
            await sp.GetRequiredService<EditBudget>().AddExpenditureAsync(id, new DateOnly(ThisYear, 1, 2), 100_000m, "复议经费", "记-1", FundSource.CurrentYearAppropriation);
            var edit = sp.GetRequiredService<EditEvaluation>();
            await edit.StartAsync(id);
            var indicators = (await sp.GetRequiredService<GetProject>().HandleAsync(id)).Project.Indicators.ToDictionary(i => i.Name, i => i.Id);
            await edit.FeedFromMetricAsync(id, indicators[Fed], new IndicatorMetric("reconsideration.received", MetricScope.Self, MetricPeriod.Year(ThisYear)));
            await edit.RecordActualsAsync(id,
            [
                new(indicators[Fed], null, null, null, null, "年度指标值按最低要求设定，实际申请量以台账为准。"),
                new(indicators["行政争议化解水平"], null, null, QualitativeBand.Achieved, 30, null),
                new(indicators["群众满意度"], 95, null, null, null, null),
            ]);
        }

        return id;
    }
}
