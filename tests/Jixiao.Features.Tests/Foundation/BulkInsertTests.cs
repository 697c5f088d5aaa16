using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Reconsideration;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Demo;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Tests.Foundation;

/// <summary>The bulk writer: what it writes reads back through EF exactly as EF would have written it.</summary>
public sealed class BulkInsertTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAsync_Aggregates_ReadBackThroughEfUnchanged_AndIdsFollowOn(string provider)
    {
        var app = await apps.Get(provider);
        await using var setup = app.Db();
        var unitId = await setup.Units.Where(u => u.Code == DemoData.CityBureau).Select(u => u.Id).SingleAsync();
        var number = $"江府复〔2024〕{Random.Shared.Next(100_000, 999_999)}号";
        var actor = new CaseActor(0, "吴家豪", "jx.case");
        var received = new DateOnly(2024, 3, 4);
        var c = new ReconsiderationCase(unitId, number, received, MatterCategory.InformationDisclosure, ApplicationChannel.Online, ApplicantKind.Enterprise,
            "江门市恒达贸易有限公司", "江门市自然资源局", actor, new DateTimeOffset(2024, 3, 4, 9, 30, 15, TimeSpan.FromHours(8)));
        c.Accept(Procedure.Ordinary, actor, new DateTimeOffset(2024, 3, 6, 10, 0, 0, TimeSpan.FromHours(8)), new("江府复受〔2024〕1号", "行政复议受理通知书"));
        c.Suspend(SuspensionGround.DependsOnOtherCase, actor, new DateTimeOffset(2024, 3, 8, 11, 0, 0, TimeSpan.FromHours(8)));
        var project = new Project(unitId, $"2024-BULK-{Random.Shared.Next(1000, 9999)}", 2024, new ProjectDetails("批量写入测试项目", "江门市司法局", null, "李晓燕", "0750-3272156", null, null));
        project.SetInitialBudget(FundSource.CurrentYearAppropriation, 1_234_567.89m);
        project.AddExpenditure(new DateOnly(2024, 5, 20), 98_765.43m, "法律顾问服务费", "记-20240520", FundSource.CurrentYearAppropriation);
        project.AddIndicator(Indicator.AtLeast("办理案件数量", IndicatorLevel2.Quantity, 20, 123.4567m, "件"));

        int lastCaseId;
        await using (var db = app.Db())
        {
            lastCaseId = await db.ReconsiderationCases.MaxAsync(x => (int?)x.Id) ?? 0;
            await using var bulk = await BulkInsert.BeginAsync(db);
            (await bulk.InsertAsync([c])).ShouldBe(1 + 3 + 1);
            (await bulk.InsertAsync([project])).ShouldBe(1 + 1 + 1 + 1);
            bulk.RowsPerTable["ReconsiderationSteps"].ShouldBe(3);
            await bulk.CommitAsync();
        }

        c.Id.ShouldBe(lastCaseId + 1);
        await using var read = app.Db();
        var stored = await read.ReconsiderationCases.Include(x => x.Steps).Include(x => x.Suspensions).SingleAsync(x => x.CaseNumber == number);
        stored.Id.ShouldBe(c.Id);
        stored.State.ShouldBe(CaseState.Suspended);
        stored.Matter.ShouldBe(MatterCategory.InformationDisclosure);
        stored.ReceivedOn.ShouldBe(received);
        stored.AcceptedOn.ShouldBe(new DateOnly(2024, 3, 6));
        stored.LawVersion.ShouldBe(c.LawVersion);
        stored.HandlerUserName.ShouldBe("jx.case");
        stored.Steps.OrderBy(s => s.At).Select(s => (s.Kind, s.At, s.DocumentNumber)).ShouldBe([
            (CaseStepKind.Received, c.Steps[0].At, null),
            (CaseStepKind.Accepted, c.Steps[1].At, "江府复受〔2024〕1号"),
            (CaseStepKind.Suspended, c.Steps[2].At, null)]);
        stored.Suspensions.Single().Ground.ShouldBe(SuspensionGround.DependsOnOtherCase);
        stored.Suspensions.Single().To.ShouldBeNull();

        var storedProject = await read.Projects.Include(p => p.BudgetLines).Include(p => p.Expenditures).Include(p => p.Indicators).SingleAsync(p => p.Id == project.Id);
        storedProject.BudgetLines.Single().Amount.ShouldBe(1_234_567.89m);
        storedProject.Expenditures.Single().Amount.ShouldBe(98_765.43m);
        storedProject.Expenditures.Single().Date.ShouldBe(new DateOnly(2024, 5, 20));
        storedProject.Indicators.Single().Target.ShouldBe(123.4567m);
        storedProject.Indicators.Single().UnitId.ShouldBe(unitId);

        // The next case saved the ordinary way takes the id after the written ones (PostgreSQL's sequence was moved on).
        var next = new ReconsiderationCase(unitId, number.Replace("号", "0号", StringComparison.Ordinal), received, MatterCategory.Other, ApplicationChannel.Post, ApplicantKind.Citizen,
            "陈伟", "江门市公安局", actor, new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        read.ReconsiderationCases.Add(next);
        await read.SaveChangesAsync();
        next.Id.ShouldBeGreaterThan(c.Id);
    }
}
