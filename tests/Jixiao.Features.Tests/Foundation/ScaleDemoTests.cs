using Jixiao.Domain;
using Jixiao.Domain.Litigation;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Demo;
using Jixiao.Features.Demo.Scale;
using Jixiao.Features.Metrics;
using Jixiao.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Foundation;

/// <summary>`jixiao demo --scale`: the province tree, the counts, every row consistent, the figures, idempotence.</summary>
public sealed class ScaleDemoTests(Apps apps) : IClassFixture<Apps>
{
    private const int Cases = 2_000;
    private const int Projects = 300;
    private static readonly ScaleRequest Request = new(Cases, Projects, [2024, 2025], 1);

    private sealed record Before(int Reconsideration, int Litigation, int Projects);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, Task<(Before Before, ScaleResult Result)>> Runs = [];

    /// <summary>The app of the provider with the demo and the scale data set, generated once for the class.</summary>
    private async Task<(TestApp App, Before Before, ScaleResult Result)> GeneratedAsync(string provider)
    {
        var app = await apps.Get(provider);
        Task<(Before, ScaleResult)> run;
        lock (Runs)
        {
            run = Runs.GetValue(app, GenerateAsync);
        }

        var (before, result) = await run;
        return (app, before, result);
    }

    private static async Task<(Before Before, ScaleResult Result)> GenerateAsync(TestApp app)
    {
        await using (var scope = app.AsSystem())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSet>().SeedAsync();
        }

        Before before;
        await using (var db = app.Db())
        {
            before = new(
                await db.ReconsiderationCases.CountAsync(c => c.ReceivedOn.Year == 2024 || c.ReceivedOn.Year == 2025),
                await db.LitigationCases.CountAsync(c => c.FiledOn.Year == 2024 || c.FiledOn.Year == 2025),
                await db.Projects.CountAsync(p => p.Year == 2024 || p.Year == 2025));
        }

        ScaleResult result;
        await using (var scope = app.AsSystem())
        {
            result = await scope.ServiceProvider.GetRequiredService<ScaleDemo>().RunAsync(Request);
        }

        return (before, result);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Small_ProvinceTreeAndCounts(string provider)
    {
        var (app, before, result) = await GeneratedAsync(provider);
        result.AlreadyExisted.ShouldBeFalse();
        await using var db = app.Db();
        var units = await db.Units.ToListAsync();
        var province = units.Single(u => u.Code == ProvinceUnits.ProvinceCode);
        province.Level.ShouldBe(UnitLevel.Province);
        province.ParentId.ShouldBeNull();
        units.Count(u => u.Level == UnitLevel.Province).ShouldBe(1);
        var cities = units.Where(u => u.ParentId == province.Id && u.Level == UnitLevel.City).ToList();
        cities.Count.ShouldBe(21);
        cities.ShouldContain(c => c.Code == DemoData.CityBureau);
        var cityIds = cities.Select(c => c.Id).ToHashSet();
        units.Count(u => u.Level == UnitLevel.County && u.ParentId is { } p && cityIds.Contains(p)).ShouldBe(122);

        (await db.ReconsiderationCases.CountAsync(c => c.ReceivedOn.Year == 2024 || c.ReceivedOn.Year == 2025)).ShouldBe(before.Reconsideration + Cases);
        (await db.LitigationCases.CountAsync(c => c.FiledOn.Year == 2024 || c.FiledOn.Year == 2025)).ShouldBe(before.Litigation + (Cases / 2));
        (await db.Projects.CountAsync(p => p.Year == 2024 || p.Year == 2025)).ShouldBe(before.Projects + Projects);
        result.RowsPerTable["ReconsiderationCases"].ShouldBe(Cases);
        result.RowsPerTable["LitigationCases"].ShouldBe(Cases / 2);
        (await db.ReconsiderationCases.Where(c => c.ReceivedOn.Year >= 2024 && c.HandlerUserName!.Contains(".h")).SumAsync(c => c.Steps.Count)).ShouldBe((int)result.RowsPerTable["ReconsiderationSteps"]);
        (await db.AuditEntries.CountAsync(a => a.EntityType == ScaleDemo.MarkerType)).ShouldBe(1);

        // Every unit of the province handles cases: the province itself, each city and county.
        var withCases = await db.ReconsiderationCases.Where(c => c.ReceivedOn.Year >= 2024).Select(c => c.UnitId).Distinct().ToListAsync();
        withCases.ShouldContain(province.Id);
        cityIds.ShouldBeSubsetOf(withCases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Small_EveryReconsiderationCaseConsistent(string provider)
    {
        var (app, _, _) = await GeneratedAsync(provider);
        await using var db = app.Db();
        var cases = db.ReconsiderationCases.Where(c => c.ReceivedOn.Year == 2024 || c.ReceivedOn.Year == 2025);
        var performing = new[] { ReconsiderationOutcome.Vary, ReconsiderationOutcome.RevokeAndRedo, ReconsiderationOutcome.RevokePartlyAndRedo, ReconsiderationOutcome.OrderPerformance, ReconsiderationOutcome.MediationStatement };
        var open = new[] { CaseState.UnderReview, CaseState.AwaitingSupplement, CaseState.Accepted, CaseState.Suspended };

        (await cases.CountAsync(c => c.State == CaseState.Closed && (c.AcceptedOn == null || c.ClosedOn == null || c.Outcome == null || c.DecisionNumber == null || c.ClosedOn < c.AcceptedOn))).ShouldBe(0);
        (await cases.CountAsync(c => c.State != CaseState.Closed && (c.ClosedOn != null || c.Outcome != null || c.DecisionNumber != null || c.Performance != null))).ShouldBe(0);
        (await cases.CountAsync(c => c.State == CaseState.EndedBeforeAcceptance && (c.EndedBeforeAcceptanceAs == null || c.EndedBeforeAcceptanceOn == null || c.AcceptedOn != null))).ShouldBe(0);
        (await cases.CountAsync(c => (c.State == CaseState.UnderReview || c.State == CaseState.AwaitingSupplement) && (c.AcceptedOn != null || c.EndedBeforeAcceptanceOn != null))).ShouldBe(0);
        (await cases.CountAsync(c => (c.State == CaseState.Accepted || c.State == CaseState.Suspended) && c.AcceptedOn == null)).ShouldBe(0);
        (await cases.CountAsync(c => c.AcceptedOn < c.ReceivedOn || c.EndedBeforeAcceptanceOn < c.ReceivedOn || c.CopySentOn < c.AcceptedOn || c.AnswerReceivedOn < c.CopySentOn)).ShouldBe(0);
        (await cases.CountAsync(c => c.State == CaseState.Closed && (performing.Contains(c.Outcome!.Value) ? c.Performance == null : c.Performance != null))).ShouldBe(0);
        (await cases.CountAsync(c => c.PerformedOn != null && (c.Performance != PerformanceStatus.Performed || c.PerformedOn < c.ClosedOn))).ShouldBe(0);
        (await cases.CountAsync(c => c.PerformanceDueOn < c.ClosedOn)).ShouldBe(0);
        (await cases.CountAsync(c => (c.ExtensionDays > 0) != (c.ExtendedOn != null) || (c.ExtensionDays > 0 && (c.ExtensionApprovedBy == null || c.ExtensionDays > 30 || c.Procedure != Procedure.Ordinary)))).ShouldBe(0);
        (await cases.CountAsync(c => c.Outcome == ReconsiderationOutcome.SettlementWithdrawal && c.SettledOn == null)).ShouldBe(0);
        (await cases.CountAsync(c => c.State == CaseState.Suspended && !c.Suspensions.Any(s => s.To == null))).ShouldBe(0);
        (await cases.CountAsync(c => c.State != CaseState.Suspended && c.Suspensions.Any(s => s.To == null))).ShouldBe(0);
        (await cases.CountAsync(c => !c.Steps.Any(s => s.Kind == CaseStepKind.Received))).ShouldBe(0);
        (await cases.CountAsync(c => c.State == CaseState.Closed && c.Steps.Count(s => s.Kind == CaseStepKind.Closed) != 1)).ShouldBe(0);
        (await cases.CountAsync(c => c.HandlerName == null || c.ApplicantIdNumber == null || c.Requests == null)).ShouldBe(0);

        var matters = Enum.GetValues<MatterCategory>();
        var outcomes = Enum.GetValues<ReconsiderationOutcome>();
        var channels = Enum.GetValues<ApplicationChannel>();
        (await cases.CountAsync(c => !matters.Contains(c.Matter) || !channels.Contains(c.Channel) || (c.Outcome != null && !outcomes.Contains(c.Outcome.Value)) || !open.Contains(c.State) && c.State != CaseState.Closed && c.State != CaseState.EndedBeforeAcceptance)).ShouldBe(0);

        var numbers = await cases.Select(c => c.CaseNumber).ToListAsync();
        numbers.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^\p{IsCJKUnifiedIdeographs}+府复〔20(24|25)〕[1-9][0-9]*号$"));
        numbers.Distinct().Count().ShouldBe(numbers.Count);

        // The distributions: a few percent ended before acceptance, some still open at the end of the period, most decisions uphold.
        var states = await cases.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var total = states.Values.Sum();
        states[CaseState.EndedBeforeAcceptance].ShouldBeInRange(total / 100, total / 10);
        open.Sum(s => states.GetValueOrDefault(s)).ShouldBeInRange(total / 50, total / 8);
        var decided = await cases.Where(c => c.Outcome != null).GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count);
        var upheld = decided.GetValueOrDefault(ReconsiderationOutcome.Uphold) + decided.GetValueOrDefault(ReconsiderationOutcome.DismissClaim);
        upheld.ShouldBeGreaterThan(decided.Values.Sum() / 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Small_EveryLawsuitAndProjectConsistent(string provider)
    {
        var (app, _, _) = await GeneratedAsync(provider);
        await using var db = app.Db();
        var lawsuits = db.LitigationCases.Where(c => c.FiledOn.Year == 2024 || c.FiledOn.Year == 2025);
        (await lawsuits.CountAsync(c => (c.Outcome == null) != (c.ConcludedOn == null) || c.ConcludedOn < c.FiledOn || c.ServedOn < c.ConcludedOn || c.ComplaintReceivedOn < c.FiledOn)).ShouldBe(0);
        (await lawsuits.CountAsync(c => c.DefenceSubmittedOn < c.ComplaintReceivedOn)).ShouldBe(0);
        (await lawsuits.CountAsync(c => c.AppealFiledOn != null && (c.ConcludedOn == null || c.AppealFiledOn < c.ConcludedOn || c.Appellant == null))).ShouldBe(0);
        (await lawsuits.CountAsync(c => c.AppealConcludedOn != null && (c.AppealFiledOn == null || c.AppealConcludedOn < c.AppealFiledOn || c.AppealOutcome == null))).ShouldBe(0);
        (await lawsuits.CountAsync(c => c.Hearings.Any(h => h.UnitId != c.UnitId || h.HeldOn < c.FiledOn || (h.Instance == LitigationInstance.Second && c.AppealFiledOn == null) || (!h.HeadAppeared && h.AppearedInstead == null)))).ShouldBe(0);
        (await lawsuits.CountAsync(c => c.Instance != LitigationInstance.First)).ShouldBe(0);
        var keys = await lawsuits.Select(c => c.Court + "|" + c.CaseNumber).ToListAsync();
        keys.Distinct().Count().ShouldBe(keys.Count);
        keys.ShouldAllBe(k => System.Text.RegularExpressions.Regex.IsMatch(k, @"\|（20(24|25)）粤[0-9]{2,4}行初[1-9][0-9]*号$"));
        (await lawsuits.CountAsync(c => c.Hearings.Any())).ShouldBeGreaterThan(Cases / 4);
        (await db.LitigationHearings.CountAsync(h => !h.HeadAppeared)).ShouldBeGreaterThan(0);

        var projects = db.Projects.Where(p => (p.Year == 2024 || p.Year == 2025) && p.Code.Contains("-44"));
        (await projects.CountAsync()).ShouldBe(Projects);
        (await projects.CountAsync(p => p.TargetStatus != TargetDeclarationStatus.Approved || p.BudgetLines.Count != 1 || p.Indicators.Sum(i => i.Points) != 90 || !p.Expenditures.Any())).ShouldBe(0);
        (await projects.CountAsync(p => p.Expenditures.Any(e => e.Date.Year != p.Year || e.Amount <= 0 || e.UnitId != p.UnitId) || p.Adjustments.Any(a => a.Date.Year != p.Year))).ShouldBe(0);
        var ids = await projects.Select(p => p.Id).ToListAsync();
        (await db.SelfEvaluations.CountAsync(e => ids.Contains(e.ProjectId))).ShouldBe(Projects);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Small_FiguresOfTheProvinceAndSeedYearsUnchanged(string provider)
    {
        var (app, _, _) = await GeneratedAsync(provider);
        await using var scope = app.AsSystem();
        var catalogue = scope.ServiceProvider.GetRequiredService<MetricCatalogue>();
        var province = await catalogue.EvaluateAsync(Area.Reconsideration, ProvinceUnits.ProvinceCode, MetricScope.Tree, MetricPeriod.Year(2025));
        await using var db = app.Db();
        province["reconsideration.received"].Value.ShouldBe(await db.ReconsiderationCases.CountAsync(c => c.ReceivedOn.Year == 2025));
        province["reconsideration.received"].Value!.Value.ShouldBeGreaterThan(Cases / 3);

        var city = await catalogue.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Self, MetricPeriod.Year(2023));
        city["reconsideration.received"].Value.ShouldBe(190);
        city["reconsideration.settlement_withdrawal_rate"].Value.ShouldBe(34.81m);
        var cityWide = await catalogue.EvaluateAsync(Area.Reconsideration, DemoData.CityBureau, MetricScope.Tree, MetricPeriod.Year(2023));
        cityWide["reconsideration.corrected"].Value.ShouldBe(64);
        cityWide["reconsideration.enterprise_related"].Value.ShouldBe(220);

        var code = await db.Projects.Where(p => p.Year == 2024 && p.Code.Contains("-44")).OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
        var score = await scope.ServiceProvider.GetRequiredService<ScoreEvaluation>().HandleAsync(code, 2024);
        score.Total.ShouldBeInRange(60m, 100m);
        score.Indicators.Count.ShouldBe(7);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_Again_FindsTheDataSetAndWritesNothing(string provider)
    {
        var (app, _, first) = await GeneratedAsync(provider);
        await using var scope = app.AsSystem();
        var generator = scope.ServiceProvider.GetRequiredService<ScaleDemo>();
        var again = await generator.RunAsync(Request);
        again.AlreadyExisted.ShouldBeTrue();
        again.RowsPerTable.ShouldBe(first.RowsPerTable, ignoreOrder: true);
        await using (var db = app.Db())
        {
            (await db.ReconsiderationCases.CountAsync(c => c.ReceivedOn.Year == 2024 || c.ReceivedOn.Year == 2025)).ShouldBe((await GeneratedAsync(provider)).Before.Reconsideration + Cases);
            (await db.Units.CountAsync(u => u.Code == ProvinceUnits.ProvinceCode)).ShouldBe(1);
        }

        (await Should.ThrowAsync<DomainException>(() => generator.RunAsync(Request with { Cases = 3_000 }))).Message.ShouldContain("已有另一组规模演示数据");
        (await Should.ThrowAsync<DomainException>(() => generator.RunAsync(Request with { Years = [2023, 2024] }))).Message.ShouldContain("2023");
        Should.Throw<DomainException>(() => ScaleRequest.ParseYears("2025-2024")).Message.ShouldContain("--years");
        ScaleRequest.ParseYears("2024-2025").ShouldBe([2024, 2025]);
    }
}
