using Jixiao.Features.Audit;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Organization;
using Jixiao.Features.Performance;
using Jixiao.Features.Reconsideration;
using Jixiao.Features.Setup;
using Jixiao.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jixiao.Features;

public static class DependencyInjection
{
    /// <summary>Every use case handler, registered explicitly, one per line.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<ListUnits>();
        services.AddScoped<SaveUnit>();
        services.AddScoped<ListUsers>();
        services.AddScoped<AddUser>();
        services.AddScoped<ManageUser>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<RecordSecurityEvent>();
        services.AddScoped<TodoList>();
        services.AddScoped<CreateFirstAdministrator>();
        services.AddScoped<DemoData>();
        services.AddScoped<PerformanceDemo>();

        services.AddScoped<ScoringProfileStore>();
        services.AddScoped<ListProjects>();
        services.AddScoped<GetProject>();
        services.AddScoped<SaveProject>();
        services.AddScoped<EditBudget>();
        services.AddScoped<EditTargets>();
        services.AddScoped<EditEvaluation>();
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<ScoreEvaluation>();
        services.AddScoped<MonitorProjects>();
        services.AddScoped<ImportExpenditures>();
        services.AddScoped<EvaluationOutputs>();
        services.AddScoped<ManageEvidence>();
        services.AddSingleton<Reports.CheckReport>();
        services.AddScoped<Reports.ReportSentences>();
        services.AddScoped<EvaluationFiguresLoader>();
        services.AddSingleton(new Infrastructure.Documents.PdfConverter());

        services.AddSingleton<Infrastructure.Calendar.WorkdayCalendarProvider>();
        services.AddScoped<Calendar.ManageCalendar>();
        services.AddScoped<RegisterApplication>();
        services.AddScoped<CaseActions>();
        services.AddScoped<FollowUpActions>();
        services.AddScoped<ListAgencies>();
        services.AddScoped<ReconsiderationFollowUpFigures>();
        services.AddScoped<ListCases>();
        services.AddScoped<GetCase>();
        services.AddScoped<ReconsiderationMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<ReconsiderationMetrics>());
        services.AddScoped<Metrics.MetricCatalogue>();
        services.AddScoped<Metrics.LeaderDashboard>();
        services.AddScoped<Ledgers.Ledgers>();
        services.AddScoped<Ledgers.ILedger, ReconsiderationLedger>();
        services.AddScoped<ReconsiderationDemo>();
        services.AddScoped<ITodoSource, PerformanceTodos>();
        services.AddScoped<Reconsideration.OpenCaseDeadlines>();
        services.AddScoped<Reconsideration.ImportCases>();
        services.AddScoped<GenerateNotice>();
        services.AddScoped<ManageNoticeTemplates>();
        services.AddScoped<ITodoSource, Reconsideration.ReconsiderationTodos>();
        services.AddScoped<Litigation.RegisterLitigation>();
        services.AddScoped<Litigation.LitigationActions>();
        services.AddScoped<Litigation.ListLitigation>();
        services.AddScoped<Litigation.GetLitigation>();
        services.AddScoped<Litigation.LitigationMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Litigation.LitigationMetrics>());
        services.AddScoped<Ledgers.ILedger, Litigation.LitigationLedger>();
        services.AddScoped<ITodoSource, Litigation.LitigationTodos>();
        services.AddScoped<LitigationDemo>();
        services.AddOptions<OnlineApplicationOptions>().BindConfiguration(OnlineApplicationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OnlineApplicationForm>();
        services.AddScoped<SubmitOnlineApplication>();
        services.AddScoped<OnlineApplicationStatus>();
        services.AddScoped<OnlineApplicationFiles>();

        services.AddScoped<Activities.ManageActivityKinds>();
        services.AddScoped<Activities.ListActivities>();
        services.AddScoped<Activities.SaveActivity>();
        services.AddScoped<Activities.RegisterEvidenceFiles>();
        services.AddScoped<Activities.ActivityMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Activities.ActivityMetrics>());
        services.AddScoped<Activities.SelectionMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Activities.SelectionMetrics>());
        services.AddScoped<Ledgers.ILedger, Activities.ActivityLedger>();
        services.AddScoped<Rectification.ListRectifications>();
        services.AddScoped<Rectification.SaveRectification>();
        services.AddScoped<Rectification.RectifyEvaluation>();
        services.AddScoped<Rectification.RectificationMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Rectification.RectificationMetrics>());
        services.AddScoped<Ledgers.ILedger, Rectification.RectificationLedger>();
        services.AddScoped<ITodoSource, Rectification.RectificationTodos>();
        services.AddScoped<RegistersDemo>();

        services.AddScoped<Assessment.ManageScheme>();
        services.AddScoped<Assessment.ScoreEntry>();
        services.AddScoped<Assessment.AssessmentResults>();
        services.AddScoped<Assessment.ProvincialResults>();
        services.AddScoped<Assessment.ExpertPools>();
        services.AddScoped<Assessment.ImportScores>();
        services.AddScoped<Assessment.ImportExperts>();
        services.AddScoped<Assessment.AssessmentMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Assessment.AssessmentMetrics>());
        services.AddScoped<Assessment.ExpertMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Assessment.ExpertMetrics>());
        services.AddScoped<Assessment.ProvincialMetrics>();
        services.AddScoped<Metrics.IMetricSource>(sp => sp.GetRequiredService<Assessment.ProvincialMetrics>());
        services.AddScoped<Ledgers.ILedger, Assessment.AssessmentScoresLedger>();
        services.AddScoped<Ledgers.ILedger, Assessment.ExpertsLedger>();
        services.AddScoped<AssessmentDemo>();

        services.AddScoped<Ledgers.LedgerWriter>();
        services.AddScoped<NormativeDocuments.ListReviews>();
        services.AddScoped<NormativeDocuments.SaveReview>();
        services.AddScoped<NormativeDocuments.ListFilings>();
        services.AddScoped<NormativeDocuments.SaveFiling>();
        services.AddScoped<NormativeDocuments.ListCleanups>();
        services.AddScoped<NormativeDocuments.SaveCleanup>();
        services.AddScoped<NormativeDocuments.ListCertificationItems>();
        services.AddScoped<NormativeDocuments.SaveCertificationItem>();
        services.AddScoped<Ledgers.ILedger, NormativeDocuments.ReviewsLedger>();
        services.AddScoped<Ledgers.ILedger, NormativeDocuments.FilingsLedger>();
        services.AddScoped<Ledgers.ILedger, NormativeDocuments.CleanupLedger>();
        services.AddScoped<Ledgers.ILedger, NormativeDocuments.CertificationLedger>();
        services.AddScoped<Metrics.IMetricSource, NormativeDocuments.ReviewMetrics>();
        services.AddScoped<Metrics.IMetricSource, NormativeDocuments.FilingMetrics>();
        services.AddScoped<Metrics.IMetricSource, NormativeDocuments.CleanupMetrics>();
        services.AddScoped<Metrics.IMetricSource, NormativeDocuments.CertificationMetrics>();
        services.AddScoped<NormativeDocumentsDemo>();

        services.AddScoped<LegalAdvice.ListAdvisers>();
        services.AddScoped<LegalAdvice.SaveAdviser>();
        services.AddScoped<LegalAdvice.ListMatters>();
        services.AddScoped<LegalAdvice.ListActivities>();
        services.AddScoped<LegalAdvice.SaveMatter>();
        services.AddScoped<Ledgers.ILedger, LegalAdvice.AdvisersLedger>();
        services.AddScoped<Ledgers.ILedger, LegalAdvice.MattersLedger>();
        services.AddScoped<Metrics.IMetricSource, LegalAdvice.AdviserMetrics>();
        services.AddScoped<Metrics.IMetricSource, LegalAdvice.MatterMetrics>();
        services.AddScoped<Metrics.IMetricSource, LegalAdvice.ActivityMetrics>();
        services.AddScoped<LegalAdviceDemo>();
        return builder;
    }
}
