using Jixiao.Domain.Legislation;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Demo;

/// <summary>
/// The demo legislation projects of 江门市司法局 (440700) for 2023 (seed-figures.md): 2 local regulations drafted on
/// commission and 1 researched on commission, all completed on time. Titles and bodies are fictitious. Running it
/// again replaces its own projects.
/// </summary>
public sealed class LegislationDemo(IDbContextFactory<JixiaoDbContext> dbFactory)
{
    private static readonly (string Title, LegislationStage Stage, LegislationCommission Commission, string Body, DateOnly Due, DateOnly Completed)[] Projects =
    [
        ("《江门市侨乡文化保护条例》", LegislationStage.Adopted, LegislationCommission.Drafting, "五邑大学政法学院", new DateOnly(2023, 6, 30), new DateOnly(2023, 6, 16)),
        ("《江门市养犬管理条例》", LegislationStage.Deliberation, LegislationCommission.Drafting, "广东五邑律师事务所", new DateOnly(2023, 9, 30), new DateOnly(2023, 9, 22)),
        ("《江门市电动自行车管理条例》", LegislationStage.Research, LegislationCommission.Research, "江门市法学会", new DateOnly(2023, 11, 30), new DateOnly(2023, 11, 10)),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var city = await db.Units.SingleAsync(u => u.Code == DemoData.CityBureau, cancellationToken);
        var titles = Projects.Select(p => p.Title).ToList();
        db.LegislationProjects.RemoveRange(await db.LegislationProjects.Where(p => p.UnitId == city.Id && p.PlanYear == 2023 && titles.Contains(p.Title))
            .ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        db.LegislationProjects.AddRange(Projects.Select(p => new LegislationProject(city.Id, 2023, LegislationKind.LocalRegulation, p.Title, p.Stage, p.Commission,
            p.Body, p.Due, p.Completed, null)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
