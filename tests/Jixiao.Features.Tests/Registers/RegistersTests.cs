using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Rectification;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Activities;
using Jixiao.Features.Common;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Ledgers;
using Jixiao.Features.Metrics;
using Jixiao.Features.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Registers;

public sealed class RegistersTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly MetricPeriod Year2023 = MetricPeriod.Year(2023);

    private async Task<TestApp> AppAsync(string provider) =>
        await (await apps.Get(provider)).WithDemoAsync<RegistersDemo>(d => d.SeedAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statistics_ReproduceTheSeedFigures(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("jx.leader");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var tree = await catalogue.EvaluateAsync(Area.Activities, DemoData.CityBureau, MetricScope.Tree, Year2023);
        tree["activities.kind.open_day"].Value.ShouldBe(4);
        tree["activities.kind.consultation"].Value.ShouldBe(65);
        tree["activities.kind.meeting"].Value.ShouldBe(4);
        tree["activities.kind.instruction"].Value.ShouldBe(10);
        tree["activities.kind.training"].Value.ShouldBe(12);
        tree["activities.kind.campaign"].Value.ShouldBe(1);
        tree["activities.kind.selection"].Value.ShouldBe(1);
        tree["activities.selection_candidates"].Value.ShouldBe(34);
        tree["activities.selection_selected"].Value.ShouldBe(10);
        tree["activities.selection_rate"].Value.ShouldBe(29.41m);
        var self = await catalogue.EvaluateAsync(Area.Activities, DemoData.CityBureau, MetricScope.Self, Year2023);
        self["activities.kind.consultation"].Value.ShouldBe(23);
        self["activities.kind.open_day"].Value.ShouldBe(4);

        var rectification = await catalogue.EvaluateAsync(Area.Rectification, DemoData.CityBureau, MetricScope.Self, Year2023);
        var quality = RectificationMetrics.KeyOf(RectificationSource.QualityReview);
        rectification[quality + ".found"].Value.ShouldBe(3);
        rectification[quality + ".rectified"].Value.ShouldBe(3);
        rectification[quality + ".rate"].Display.ShouldBe("100.00%");
        rectification[RectificationMetrics.KeyOf(RectificationSource.ProblemLead) + ".found"].Value.ShouldBe(5);
        rectification[RectificationMetrics.KeyOf(RectificationSource.ProblemLead) + ".rectified"].Value.ShouldBe(4);
        rectification["rectification.found"].Value.ShouldBe(8);

        // The drill-down lists the records behind a figure: the consultations of the whole tree.
        var records = await catalogue.RecordsAsync(new Dictionary<string, string?>
        {
            ["metric"] = "activities.kind.consultation", ["unit"] = DemoData.CityBureau, ["from"] = "2023-01-01", ["to"] = "2023-12-31", ["scope"] = "tree",
        });
        var rows = await scope.ServiceProvider.GetRequiredService<ListActivities>().HandleAsync(new ListActivities.Query(Ids: records.RecordIds), new PageRequest(1, 100));
        rows.Total.ShouldBe(65);
        rows.Items.ShouldAllBe(r => r.Kind == "咨询论证");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CountyUser_SeesAndWritesOnlyTheirBureau(string provider)
    {
        var app = await AppAsync(provider);
        await using var scope = await app.As("pj.perf");
        var list = await scope.ServiceProvider.GetRequiredService<ListActivities>().HandleAsync(new ListActivities.Query(), new PageRequest(1, 100));
        list.Total.ShouldBe(8);
        list.Items.ShouldAllBe(r => r.UnitCode == "440703");
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        (await catalogue.EvaluateAsync(Area.Activities, "440703", MetricScope.Tree, Year2023))["activities.kind.consultation"].Value.ShouldBe(8);
        await Should.ThrowAsync<NotFoundException>(() => catalogue.EvaluateAsync(Area.Activities, DemoData.CityBureau, MetricScope.Tree, Year2023));
        (await scope.ServiceProvider.GetRequiredService<ListRectifications>().HandleAsync(new ListRectifications.Query(), new PageRequest())).Total.ShouldBe(0);
        var refused = await Should.ThrowAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveRectification>().CreateAsync(
            new SaveRectification.Command(DemoData.CityBureau, RectificationSource.Other, new DateOnly(2023, 5, 1), new RectificationDetails("越权登记", "区嘉欣"))));
        refused.Message.ShouldContain("不在您的数据范围内");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TodoList_OwnerSeesOverdueAndDueSoonItems_OthersDoNot(string provider)
    {
        var app = await AppAsync(provider);
        await using (var owner = await app.As("jx.case"))
        {
            var todos = (await owner.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).Where(t => t.Area == "问题整改").ToList();
            todos.Count.ShouldBe(2);
            todos.ShouldContain(t => t.Urgency == TodoUrgency.Overdue && t.Title.StartsWith("整改已逾期", StringComparison.Ordinal) && t.Title.Contains("卷宗电子化归档"));
            todos.ShouldContain(t => t.Urgency == TodoUrgency.DueSoon && t.Title.StartsWith("整改临期", StringComparison.Ordinal));
            todos.ShouldAllBe(t => t.Link.StartsWith("rectification?item=", StringComparison.Ordinal));

            // Once rectified, the warning goes.
            var id = int.Parse(todos.Single(t => t.Urgency == TodoUrgency.Overdue).Link.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            var save = owner.ServiceProvider.GetRequiredService<SaveRectification>();
            var refusal = await Should.ThrowAsync<DomainException>(() => save.ActAsync(id, RectificationAction.Verify, null, null));
            refusal.Message.ShouldContain("尚未整改完成");
            await save.ActAsync(id, RectificationAction.Complete, null, "已全部归档");
            (await owner.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).Count(t => t.Area == "问题整改").ShouldBe(1);
            await save.ActAsync(id, RectificationAction.Reject, null, "抽查仍有2卷未归档");
        }

        // The head owns the campaign's problem leads: the one still in progress is long overdue; the leader owns none.
        await using (var head = await app.As("jx.head"))
        {
            (await head.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).Where(t => t.Area == "问题整改")
                .ShouldHaveSingleItem().Title.ShouldContain("罚没收入与考核挂钩");
        }

        await using var leader = await app.As("jx.leader");
        (await leader.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).ShouldNotContain(t => t.Area == "问题整改");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SelfEvaluation_ProblemsAndUnmetIndicators_BecomeRectificationItems_ShownNextYear(string provider)
    {
        var app = await apps.Get(provider);
        var code = "RECT-" + provider;
        int projectId, nextYearId, indicatorId;
        await using (var db = app.Db())
        {
            var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau);
            var project = new Project(city.Id, code, 2023, new ProjectDetails("法治培训经费", "江门市司法局", "专项业务费", "黄国强", null, null, null));
            project.SetInitialBudget(FundSource.CurrentYearAppropriation, 100_000m);
            project.AddExpenditure(new DateOnly(2023, 6, 1), 100_000m, "培训费", null, FundSource.CurrentYearAppropriation);
            project.AddIndicator(Indicator.AtLeast("培训人次", IndicatorLevel2.Quantity, 50, 1000, "人次"));
            project.AddIndicator(Indicator.AtLeast("培训期数", IndicatorLevel2.Quantity, 40, 12, "期"));
            db.Projects.Add(project);
            var next = new Project(city.Id, code, 2024, new ProjectDetails("法治培训经费", "江门市司法局", "专项业务费", "黄国强", null, null, null));
            db.Projects.Add(next);
            await db.SaveChangesAsync();
            project.Indicators.Single(i => i.Name == "培训人次").RecordActual(800, null, null, null, "受场地限制，部分培训改为线上，参训人次未达目标");
            project.Indicators.Single(i => i.Name == "培训期数").RecordActual(12, null, null, null, null);
            var evaluation = new SelfEvaluation(project.Id, city.Id, ScoringProfiles.National2020.Name, ScoringProfiles.National2020.Version);
            evaluation.UpdateTexts(new EvaluationTexts(null, null, null, null, null, null, "1. 基层执法人员参训率偏低。\n2. 培训后效果评估不足。", null, null));
            db.SelfEvaluations.Add(evaluation);
            await db.SaveChangesAsync();
            (projectId, nextYearId, indicatorId) = (project.Id, next.Id, project.Indicators.Single(i => i.Name == "培训人次").Id);
        }

        await using var scope = await app.As("jx.perf");
        var rectify = scope.ServiceProvider.GetRequiredService<RectifyEvaluation>();
        (await rectify.HandleAsync(projectId)).ShouldBe(3);
        (await rectify.HandleAsync(projectId)).ShouldBe(0);
        var shown = await rectify.OfProjectAsync(nextYearId);
        shown.Count.ShouldBe(3);
        shown.Select(r => r.Problem).ShouldBe(["基层执法人员参训率偏低。", "培训后效果评估不足。", "指标“培训人次”未完成：受场地限制，部分培训改为线上，参训人次未达目标"], ignoreOrder: true);
        shown.ShouldAllBe(r => r.EvaluationYear == 2023 && r.Status == RectificationStatus.Open && r.OwnerName == "黄国强");
        shown.Count(r => r.Source == RectificationSource.EvaluationDeviation).ShouldBe(1);
        await using var check = app.Db();
        (await check.RectificationItems.SingleAsync(r => r.ProjectId == projectId && r.Source == RectificationSource.EvaluationDeviation)).IndicatorId.ShouldBe(indicatorId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithErrors_WritesNothing_ThenAGoodFileWritesAll(string provider)
    {
        var app = await apps.Get(provider);
        await using var scope = await app.As("jh.case");
        var ledgers = scope.ServiceProvider.GetRequiredService<Ledgers.Ledgers>();
        int activities, items;
        await using (var before = app.Db())
        {
            (activities, items) = (await before.Activities.CountAsync(), await before.RectificationItems.CountAsync());
        }

        var activity = ledgers.Get("activities");
        var bad = Workbook(ActivityLedger.SheetName,
            Activity("440704", "培训讲座", "2023-05-18", "执法人员培训"),
            Activity("440704", "没有的类型", "2023-05-19", "宣讲"),
            Activity("440700", "开放日", "2023-05-20", "越权"));
        var error = await Should.ThrowAsync<ValidationException>(() => activity.ImportAsync(new MemoryStream(bad), bad.Length, default));
        error.Message.ShouldContain("没有的类型");
        var outside = Workbook(ActivityLedger.SheetName, Activity("440704", "培训讲座", "2023-05-18", "执法人员培训"), Activity("440700", "开放日", "2023-05-20", "越权"));
        (await Should.ThrowAsync<ValidationException>(() => activity.ImportAsync(new MemoryStream(outside), outside.Length, default))).Message.ShouldContain("第2条活动");
        var badDate = Workbook(ActivityLedger.SheetName, Activity("440704", "培训讲座", "2023-13-18", "执法人员培训"));
        (await Should.ThrowAsync<ValidationException>(() => activity.ImportAsync(new MemoryStream(badDate), badDate.Length, default))).Problems
            .ShouldContain(p => p.Field == $"{ActivityLedger.SheetName}!C2");

        var rectification = ledgers.Get("rectification");
        var badItems = Workbook(RectificationLedger.SheetName,
            Item("440704", "问题线索", "2023-05-08", "已整改", measure: null),
            Item("440704", "质量评查", "2023-05-09", "待整改", measure: null));
        (await Should.ThrowAsync<ValidationException>(() => rectification.ImportAsync(new MemoryStream(badItems), badItems.Length, default))).Message
            .ShouldContain("第1条整改事项：开始整改前须填写整改措施");

        await using (var unchanged = app.Db())
        {
            (await unchanged.Activities.CountAsync()).ShouldBe(activities);
            (await unchanged.RectificationItems.CountAsync()).ShouldBe(items);
        }

        // Dated 2024: the tests of this class share one database, and 2023 holds the seed figures other tests check.
        var good = Workbook(ActivityLedger.SheetName, Activity("440704", "培训讲座", "2024-05-18", "执法人员培训"), Activity("440704", "开放日", "2024-05-20", "复议开放日"));
        (await activity.ImportAsync(new MemoryStream(good), good.Length, default)).ShouldBe(2);
        var goodItems = Workbook(RectificationLedger.SheetName, Item("440704", "问题线索", "2023-05-08", "已整改", measure: "专项纠查"), Item("440704", "质量评查", "2023-05-09", "待整改", null));
        (await rectification.ImportAsync(new MemoryStream(goodItems), goodItems.Length, default)).ShouldBe(2);
        await using var after = app.Db();
        (await after.Activities.CountAsync()).ShouldBe(activities + 2);
        (await after.RectificationItems.CountAsync()).ShouldBe(items + 2);

        // Export gives the same columns the import reads, and imports back.
        var exported = await rectification.ExportAsync("440704", 2023, default);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(exported), useHeaderRow: true, sheetName: RectificationLedger.SheetName).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => (string)r["状态"] == "已整改" && (string)r["整改措施"] == "专项纠查");
    }

    private static Dictionary<string, object> Activity(string unit, string kind, string date, string title) => new()
    {
        ["组织单位代码"] = unit, ["活动类型"] = kind, ["活动日期"] = date, ["活动名称"] = title, ["参加人数"] = 40,
    };

    private static Dictionary<string, object> Item(string unit, string source, string found, string status, string? measure) => new()
    {
        ["责任单位代码"] = unit, ["问题来源"] = source, ["发现日期"] = found, ["问题描述"] = "执法文书送达不规范", ["整改责任人"] = "冯文杰",
        ["整改措施"] = measure ?? string.Empty, ["整改期限"] = "2023-08-31", ["状态"] = status,
        ["整改完成日期"] = status == "已整改" ? "2023-07-15" : string.Empty, ["整改情况"] = status == "已整改" ? "已统一送达文书格式" : string.Empty,
    };

    private static byte[] Workbook(string sheet, params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: sheet);
        return stream.ToArray();
    }
}
