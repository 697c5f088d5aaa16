using System.Text;
using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Features.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Features.Tests.Performance;

public sealed class EvidenceTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_StoresByHashOutsideWebRoot_AndOnlyTheScopeCanOpenIt(string provider)
    {
        var app = await apps.Get(provider);
        var (projectId, indicatorId) = await EvaluatingProjectAsync(app, "T-EVID-" + provider);
        await using (var officer = await app.As("pj.perf"))
        {
            var evidence = officer.ServiceProvider.GetRequiredService<ManageEvidence>();
            var id = await evidence.UploadAsync(projectId, indicatorId, "调解台账.pdf", new MemoryStream(Pdf));
            var (content, name, type) = await evidence.OpenAsync(id);
            await using (content)
            {
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                copy.ToArray().ShouldBe(Pdf);
            }

            name.ShouldBe("调解台账.pdf");
            type.ShouldBe("application/pdf");

            (await Should.ThrowAsync<DomainException>(() => evidence.UploadAsync(projectId, indicatorId, "程序.exe", new MemoryStream(Pdf)))).Message.ShouldContain("不支持");
            (await Should.ThrowAsync<DomainException>(() => evidence.UploadAsync(projectId, indicatorId, "伪装.pdf", new MemoryStream("MZ\x90\0"u8.ToArray())))).Message.ShouldContain("不符");
            (await Should.ThrowAsync<DomainException>(() => evidence.UploadAsync(projectId, indicatorId, "空.pdf", new MemoryStream()))).Message.ShouldContain("为空");
        }

        await using (var system = app.AsSystem())
        {
            var users = system.ServiceProvider.GetRequiredService<Jixiao.Features.Users.AddUser>();
            await users.HandleAsync(new Jixiao.Features.Users.AddUser.Command("jh.perf." + provider, "江海填报人", "440704", [Jixiao.Domain.Organization.Roles.PerformanceOfficer], "Valid1234"));
        }

        await using (var other = await app.As("jh.perf." + provider))
        {
            var evidence = other.ServiceProvider.GetRequiredService<ManageEvidence>();
            (await evidence.ListAsync(projectId)).ShouldBeEmpty();
            var fileId = (await app.Db().EvidenceFiles.SingleAsync(f => f.ProjectId == projectId)).Id;
            await Should.ThrowAsync<NotFoundException>(() => evidence.OpenAsync(fileId));
            await Should.ThrowAsync<NotFoundException>(() => evidence.RemoveAsync(fileId));
        }

        await using var db = app.Db();
        var stored = await db.EvidenceFiles.SingleAsync(f => f.ProjectId == projectId);
        stored.Sha256.Length.ShouldBe(64);
        stored.Size.ShouldBe(Pdf.Length);
        (await db.EvidenceFiles.CountAsync(f => f.ProjectId == projectId)).ShouldBe(1);
    }

    /// <summary>A project of 蓬江 whose targets are approved and whose self-evaluation has started.</summary>
    private static async Task<(int ProjectId, int IndicatorId)> EvaluatingProjectAsync(TestApp app, string code)
    {
        await using var scope = app.AsSystem();
        var sp = scope.ServiceProvider;
        var id = await sp.GetRequiredService<SaveProject>().HandleAsync(new SaveProject.Command(null, "440703", code, 2025,
            new ProjectDetails("蓬江区调解经费", "蓬江区司法局", null, null, null, null, null)));
        await sp.GetRequiredService<EditBudget>().SetInitialAsync(id, FundSource.CurrentYearAppropriation, 10_000m);
        var targets = sp.GetRequiredService<EditTargets>();
        var indicatorId = await targets.AddAsync(id, Indicator.AtLeast("调解案件数", IndicatorLevel2.Quantity, 50, 100, "件"));
        await targets.AddAsync(id, Indicator.Qualitative("基层稳定", IndicatorLevel2.SocialBenefit, 30, "有提高"));
        await targets.AddAsync(id, Indicator.AtLeast("满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"));
        var workflow = sp.GetRequiredService<ReviewWorkflow>();
        await workflow.SubmitTargetsAsync(id);
        await workflow.ApproveTargetsAsync(id);
        await sp.GetRequiredService<EditEvaluation>().StartAsync(id);
        return (id, indicatorId);
    }
}
