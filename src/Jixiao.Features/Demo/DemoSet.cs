namespace Jixiao.Features.Demo;

/// <summary>
/// The whole demo data set in the order `jixiao demo` seeds it: units and accounts, then every area's register.
/// The register first: the demo projects' indicators take their actuals from its figures.
/// </summary>
public sealed class DemoSet(DemoData data, ReconsiderationDemo reconsideration, PerformanceDemo performance, LitigationDemo litigation, RegistersDemo registers,
    AssessmentDemo assessment, NormativeDocumentsDemo normativeDocuments, LegalAdviceDemo legalAdvice, LegislationDemo legislation)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await data.SeedAsync(cancellationToken);
        await reconsideration.SeedAsync(cancellationToken);
        await performance.SeedAsync(cancellationToken);
        await litigation.SeedAsync(cancellationToken);
        await registers.SeedAsync(cancellationToken);
        await assessment.SeedAsync(cancellationToken);
        await normativeDocuments.SeedAsync(cancellationToken);
        await legalAdvice.SeedAsync(cancellationToken);
        await legislation.SeedAsync(cancellationToken);
    }
}
