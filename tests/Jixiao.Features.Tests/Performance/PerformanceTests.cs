using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Performance;

public sealed class PerformanceTests(Apps apps) : IClassFixture<Apps>
{
    private async Task<TestApp> AppWithDemoAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<PerformanceDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_SeedProjects_ScoreAsTheir2023Reports(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        await using var scope = await app.As("jx.leader");
        var score = scope.ServiceProvider.GetRequiredService<ScoreEvaluation>();

        var first = await score.HandleAsync("2023-SFJ-01", 2023);
        first.Budget.InitialBudget.ShouldBe(1_640_000m);
        first.Budget.FullYearBudget.ShouldBe(937_900m);
        first.Budget.Executed.ShouldBe(937_900m);
        first.Budget.ExecutionRateAgainstInitial.ShouldBe(57.19m);
        first.Budget.ExecutionRate.ShouldBe(100.00m);
        first.ExecutionScore.ShouldBe(10m);
        first.Total.ShouldBe(98m);
        first.Grade.ShouldBe("优");

        var second = await score.HandleAsync("2023-SFJ-02", 2023);
        second.Budget.ExecutionRate.ShouldBe(50.12m);
        second.ExecutionScore.ShouldBe(5.01m);
        second.Total.ShouldBe(95.01m);
        second.Indicators.Count.ShouldBe(5);

        var sichuan = await score.HandleAsync("2023-SFJ-02", 2023, ScoringProfiles.Sichuan2023.Name);
        sichuan.Profile.ShouldBe(ScoringProfiles.Sichuan2023.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workflow_FromDeclarationToFinanceConfirmation_ByFourRoles(string provider)
    {
        var app = await apps.Get(provider);
        var code = "T-WF-" + provider;
        int id;
        await using (var officer = await app.As("pj.perf"))
        {
            var sp = officer.ServiceProvider;
            id = await sp.GetRequiredService<SaveProject>().HandleAsync(new SaveProject.Command(null, "440703", code, 2025, Details("蓬江区普法经费")));
            await sp.GetRequiredService<EditBudget>().SetInitialAsync(id, FundSource.CurrentYearAppropriation, 200_000m);
            var targets = sp.GetRequiredService<EditTargets>();
            await targets.AddAsync(id, Indicator.AtLeast("普法活动场次", IndicatorLevel2.Quantity, 50, 40, "场"));
            await targets.AddAsync(id, Indicator.Qualitative("公民法治素养", IndicatorLevel2.SocialBenefit, 30, "有提高"));
            await targets.AddAsync(id, Indicator.AtLeast("群众满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"));
            await sp.GetRequiredService<ReviewWorkflow>().SubmitTargetsAsync(id);
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            await reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>().ApproveTargetsAsync(id);
        }

        await using (var officer = await app.As("pj.perf"))
        {
            var sp = officer.ServiceProvider;
            await sp.GetRequiredService<EditBudget>().AddExpenditureAsync(id, new DateOnly(2025, 6, 1), 150_000m, "普法宣传品印制", "记-1", FundSource.CurrentYearAppropriation);
            var edit = sp.GetRequiredService<EditEvaluation>();
            await edit.StartAsync(id);
            var indicators = (await sp.GetRequiredService<GetProject>().HandleAsync(id)).Project.Indicators.ToDictionary(i => i.Name, i => i.Id);
            await edit.RecordActualsAsync(id,
            [
                new(indicators["普法活动场次"], 45, null, null, null, null),
                new(indicators["公民法治素养"], null, null, QualitativeBand.Achieved, 30, null),
                new(indicators["群众满意度"], 93, null, null, null, null),
            ]);
            await sp.GetRequiredService<ReviewWorkflow>().SubmitEvaluationAsync(id);
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            await reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>().ApproveEvaluationAsync(id);
        }

        await using (var finance = await app.As("cz.review"))
        {
            await finance.ServiceProvider.GetRequiredService<ReviewWorkflow>().ConfirmEvaluationAsync(id);
        }

        await using var db = app.Db();
        (await db.Projects.SingleAsync(p => p.Id == id)).TargetStatus.ShouldBe(TargetDeclarationStatus.Approved);
        var evaluation = await db.SelfEvaluations.SingleAsync(e => e.ProjectId == id);
        evaluation.Status.ShouldBe(SelfEvaluationStatus.Confirmed);
        evaluation.SubmittedScore.ShouldNotBeNull().ShouldContain("\"Total\": 97.5");
        var history = await db.WorkflowEvents.Where(e => e.ProjectId == id).OrderBy(e => e.Id).Select(e => e.Stage + e.Action + "→" + e.ToStatus).ToListAsync();
        history.ShouldBe(["绩效目标提交→已提交", "绩效目标审核通过→已审核通过", "绩效自评提交→已提交", "绩效自评审核通过→单位已审核", "绩效自评财政确认→财政已确认"]);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SelfEvaluation) && a.Action == Jixiao.Infrastructure.Audit.AuditAction.Update)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workflow_IllegalMoves_AreRefusedWithTheirReason(string provider)
    {
        var app = await apps.Get(provider);
        int id;
        await using (var officer = await app.As("pj.perf"))
        {
            var sp = officer.ServiceProvider;
            id = await sp.GetRequiredService<SaveProject>().HandleAsync(new SaveProject.Command(null, "440703", "T-ILLEGAL-" + provider, 2025, Details("蓬江区调解经费")));
            await sp.GetRequiredService<EditBudget>().SetInitialAsync(id, FundSource.CurrentYearAppropriation, 50_000m);
            await sp.GetRequiredService<EditTargets>().AddAsync(id, Indicator.AtLeast("调解案件数", IndicatorLevel2.Quantity, 30, 100, "件"));
            var workflow = sp.GetRequiredService<ReviewWorkflow>();

            var weights = await Should.ThrowAsync<ValidationException>(() => workflow.SubmitTargetsAsync(id));
            weights.Message.ShouldContain("产出指标分值合计 30，应为 50");
            await Should.ThrowAsync<ForbiddenException>(() => workflow.ApproveTargetsAsync(id));
            await Should.ThrowAsync<DomainException>(() => sp.GetRequiredService<EditEvaluation>().StartAsync(id));
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            var workflow = reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>();
            (await Should.ThrowAsync<DomainException>(() => workflow.ApproveTargetsAsync(id))).Message.ShouldContain("草稿");
        }

        await using var db = app.Db();
        (await db.Projects.SingleAsync(p => p.Id == id)).TargetStatus.ShouldBe(TargetDeclarationStatus.Draft);
        (await db.WorkflowEvents.CountAsync(e => e.ProjectId == id)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workflow_ReturnNeedsAComment_AndApprovedTargetsAreLocked(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        int submitted;
        await using (var system = app.AsSystem())
        {
            await using var db0 = app.Db();
            submitted = await db0.Projects.Where(p => p.Code.EndsWith("-JH-01")).Select(p => p.Id).SingleAsync();
        }

        await using (var reviewer = await app.As("jx.review"))
        {
            var workflow = reviewer.ServiceProvider.GetRequiredService<ReviewWorkflow>();
            (await Should.ThrowAsync<DomainException>(() => workflow.ReturnTargetsAsync(submitted, " "))).Message.ShouldContain("意见");
        }

        await using var officer = await app.As("jx.perf");
        var locked = await officer.ServiceProvider.GetRequiredService<GetProject>().HandleAsync(
            await IdOfAsync(app, "2023-SFJ-01"));
        var indicatorId = locked.Project.Indicators[0].Id;
        await Should.ThrowAsync<DomainException>(() => officer.ServiceProvider.GetRequiredService<EditTargets>()
            .UpdateAsync(locked.Project.Id, indicatorId, Indicator.AtLeast("改名", IndicatorLevel2.Quantity, 8, 1, "件")));
        await Should.ThrowAsync<DomainException>(() => officer.ServiceProvider.GetRequiredService<EditBudget>()
            .AddExpenditureAsync(locked.Project.Id, new DateOnly(2023, 12, 30), 1m, "已确认后追加支出", null, FundSource.CurrentYearAppropriation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Roles_ReviewerAndFinance_ReadButDoNotEditProjects(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        var id = await IdOfAsync(app, DateTime.Now.Year + "-PJ-01");
        foreach (var name in new[] { "jx.review", "cz.review", "jx.leader" })
        {
            await using var scope = await app.As(name);
            var sp = scope.ServiceProvider;
            (await sp.GetRequiredService<GetProject>().HandleAsync(id)).Project.Code.ShouldEndWith("-PJ-01");
            await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<EditBudget>().SetInitialAsync(id, FundSource.CurrentYearAppropriation, 1m));
            await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<EditTargets>().AddAsync(id, Indicator.AtLeast("越权指标", IndicatorLevel2.Quantity, 1, 1, "件")));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_CountyOfficer_CannotSeeOrChangeAnotherCountysProject(string provider)
    {
        var app = await AppWithDemoAsync(provider);
        var jianghai = await IdOfAsync(app, DateTime.Now.Year + "-JH-01");
        await using var scope = await app.As("pj.perf");
        var sp = scope.ServiceProvider;
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<GetProject>().HandleAsync(jianghai));
        await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<EditBudget>().AddExpenditureAsync(jianghai, new DateOnly(DateTime.Now.Year, 1, 2), 1m, "越权", null, FundSource.CurrentYearAppropriation));
        var list = await sp.GetRequiredService<ListProjects>().HandleAsync(new ListProjects.Query(), new PageRequest(1, 100));
        list.Items.ShouldNotBeEmpty();
        list.Items.ShouldAllBe(p => p.UnitName == "蓬江区司法局");

        await using var city = await app.As("jx.perf");
        var cityList = await city.ServiceProvider.GetRequiredService<ListProjects>().HandleAsync(new ListProjects.Query(Year: 2023), new PageRequest(1, 100));
        cityList.Items.Select(p => p.Code).ShouldContain("2023-SFJ-01");
        cityList.Items.Single(p => p.Code == "2023-SFJ-01").ExecutionPercent.ShouldBe(100.00m);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportExpenditures_WithErrors_ChangesNothing_ThenGoodFileAddsAll(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("pj.perf");
        var sp = scope.ServiceProvider;
        var id = await sp.GetRequiredService<SaveProject>().HandleAsync(new SaveProject.Command(null, "440703", "T-IMPORT-" + provider, 2025, Details("蓬江区法律援助经费")));
        var import = sp.GetRequiredService<ImportExpenditures>();

        var bad = Workbook(
            ("2025-03-01", "1000", "办案补贴", "记-1", "本年财政拨款"),
            ("2024-12-31", "2000", "跨年支出", "记-2", "本年财政拨款"),
            ("2025-04-01", "abc", "金额错误", "记-3", ""),
            ("2025-05-01", "3000", "", "记-4", "未知来源"));
        var ex = await Should.ThrowAsync<ValidationException>(() => import.HandleAsync(id, new MemoryStream(bad), bad.Length));
        ex.Problems.Select(p => p.Field).ShouldBe(["支出明细!A3", "支出明细!B4", "支出明细!C5", "支出明细!E5"], ignoreOrder: true);
        ex.Message.ShouldContain("不在项目年度 2025 年内");
        await using (var db = app.Db())
        {
            (await db.Set<ProjectExpenditure>().CountAsync(e => e.ProjectId == id)).ShouldBe(0);
        }

        var good = Workbook(("2025-03-01", "1,000.50", "办案补贴", "记-1", "本年财政拨款"), ("2025/4/2", "2000", "律师值班补贴", "", "上年结转"));
        (await import.HandleAsync(id, new MemoryStream(good), good.Length)).ShouldBe(2);
        await using var check = app.Db();
        (await check.Set<ProjectExpenditure>().Where(e => e.ProjectId == id).SumAsync(e => (double)e.Amount)).ShouldBe(3000.50, 0.001);

        var template = await import.TemplateAsync(id);
        template.Length.ShouldBeGreaterThan(1000);
    }

    private static ProjectDetails Details(string name) => new(name, "蓬江区司法局", "专项业务费", "区嘉欣", "13800000000", "依据", "目标");

    private static async Task<int> IdOfAsync(TestApp app, string code)
    {
        await using var db = app.Db();
        return await db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    private static byte[] Workbook(params (string Date, string Amount, string Purpose, string Voucher, string Source)[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows.Select(r => new Dictionary<string, object>
        {
            ["日期"] = r.Date,
            ["金额（元）"] = r.Amount,
            ["用途"] = r.Purpose,
            ["凭证号"] = r.Voucher,
            ["资金来源"] = r.Source,
        }), sheetName: ImportExpenditures.SheetName);
        return stream.ToArray();
    }
}
