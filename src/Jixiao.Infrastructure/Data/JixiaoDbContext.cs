using System.Linq.Expressions;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Privacy;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// The database. One context per operation (handlers create it from the factory). Every entity that
/// belongs to a unit is filtered to the current user's data scope by one named query filter, so no
/// handler has to remember it; writes outside the scope are refused by the audit interceptor.
/// </summary>
public abstract class JixiaoDbContext(DbContextOptions options, CurrentUser currentUser)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Name of the query filter that limits every unit-scoped entity to the user's scope.</summary>
    public const string ScopeFilter = "UnitScope";

    public CurrentUser CurrentUser { get; } = currentUser;

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<SelfEvaluation> SelfEvaluations => Set<SelfEvaluation>();

    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();

    public DbSet<Domain.Reports.ReportSentenceTemplate> ReportSentenceTemplates => Set<Domain.Reports.ReportSentenceTemplate>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<Calendar.CalendarYear> CalendarYears => Set<Calendar.CalendarYear>();

    public DbSet<StoredScoringProfile> ScoringProfiles => Set<StoredScoringProfile>();

    public DbSet<ReconsiderationCase> ReconsiderationCases => Set<ReconsiderationCase>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Domain.Litigation.LitigationCase> LitigationCases => Set<Domain.Litigation.LitigationCase>();

    public DbSet<Domain.Litigation.LitigationHearing> LitigationHearings => Set<Domain.Litigation.LitigationHearing>();
    public DbSet<OnlineApplication> OnlineApplications => Set<OnlineApplication>();

    public DbSet<OnlineAttachment> OnlineAttachments => Set<OnlineAttachment>();

    public DbSet<Challenges.UsedChallenge> UsedChallenges => Set<Challenges.UsedChallenge>();
    public DbSet<Documents.NoticeTemplate> NoticeTemplates => Set<Documents.NoticeTemplate>();
    public DbSet<Domain.Activities.ActivityKind> ActivityKinds => Set<Domain.Activities.ActivityKind>();

    public DbSet<Domain.Activities.Activity> Activities => Set<Domain.Activities.Activity>();

    public DbSet<Domain.Activities.SelectionCandidate> SelectionCandidates => Set<Domain.Activities.SelectionCandidate>();

    public DbSet<Domain.Rectification.RectificationItem> RectificationItems => Set<Domain.Rectification.RectificationItem>();

    public DbSet<Domain.Activities.RegisterEvidence> RegisterEvidence => Set<Domain.Activities.RegisterEvidence>();
    public DbSet<Domain.Assessment.AssessmentScheme> AssessmentSchemes => Set<Domain.Assessment.AssessmentScheme>();

    public DbSet<Domain.Assessment.AssessmentScore> AssessmentScores => Set<Domain.Assessment.AssessmentScore>();

    public DbSet<Domain.Assessment.ProvincialAssessment> ProvincialAssessments => Set<Domain.Assessment.ProvincialAssessment>();

    public DbSet<Domain.Assessment.ExpertPool> ExpertPools => Set<Domain.Assessment.ExpertPool>();
    public DbSet<Domain.NormativeDocuments.LegalityReview> LegalityReviews => Set<Domain.NormativeDocuments.LegalityReview>();

    public DbSet<Domain.NormativeDocuments.FilingReview> FilingReviews => Set<Domain.NormativeDocuments.FilingReview>();

    public DbSet<Domain.NormativeDocuments.CleanupCampaign> CleanupCampaigns => Set<Domain.NormativeDocuments.CleanupCampaign>();

    public DbSet<Domain.NormativeDocuments.CleanupItem> CleanupItems => Set<Domain.NormativeDocuments.CleanupItem>();

    public DbSet<Domain.NormativeDocuments.CertificationItem> CertificationItems => Set<Domain.NormativeDocuments.CertificationItem>();

    public DbSet<Domain.LegalAdvice.LegalAdviser> LegalAdvisers => Set<Domain.LegalAdvice.LegalAdviser>();

    public DbSet<Domain.LegalAdvice.AdviceMatter> AdviceMatters => Set<Domain.LegalAdvice.AdviceMatter>();

    public DbSet<Domain.LegalAdvice.AdviserActivity> AdviserActivities => Set<Domain.LegalAdvice.AdviserActivity>();

    public DbSet<Domain.Legislation.LegislationProject> LegislationProjects => Set<Domain.Legislation.LegislationProject>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Jobs.BackgroundJob> BackgroundJobs => Set<Jobs.BackgroundJob>();

    public DbSet<Jobs.BackgroundJobItem> BackgroundJobItems => Set<Jobs.BackgroundJobItem>();

    public DbSet<Jobs.BackgroundJobOutput> BackgroundJobOutputs => Set<Jobs.BackgroundJobOutput>();

    public DbSet<Jobs.ScheduledRun> ScheduledRuns => Set<Jobs.ScheduledRun>();

    public DbSet<Jobs.Notification> Notifications => Set<Jobs.Notification>();

    /// <summary>Uploaded file contents shared by all nodes (ADR-016); read and written by <see cref="Documents.FileStore"/>.</summary>
    public DbSet<Documents.StoredFile> StoredFiles => Set<Documents.StoredFile>();

    /// <summary>Read by the scope filter: evaluated per query, per context instance.</summary>
    protected bool ScopeAll => CurrentUser.ReadsAllUnits;

    /// <summary>Read by the scope filter: the unit ids the current user may see.</summary>
    protected int[] ScopeUnitIds => CurrentUser.ScopeUnitIds;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);

        builder.Entity<AppUser>(user =>
        {
            user.HasDisplayName("用户");
            user.Property(u => u.DisplayName).HasMaxLength(64).HasLabel("姓名");
            user.Property(u => u.UserName).HasLabel("用户名");
            user.Property(u => u.NormalizedUserName).HasLabel("用户名（规范化）");
            user.Property(u => u.UnitId).HasLabel("所属单位");
            user.Property(u => u.IsDisabled).HasLabel("已停用");
            user.Property(u => u.MustChangePassword).HasLabel("须修改密码");
            user.Property(u => u.CreatedAt).HasLabel("创建时间");
            user.Property(u => u.LastSignInAt).HasLabel("最近登录");
            user.Property(u => u.PhoneNumber).HasLabel("手机号");
            user.Property(u => u.PhoneNumberConfirmed).HasLabel("手机号已验证");
            user.Property(u => u.Email).HasLabel("电子邮箱");
            user.Property(u => u.NormalizedEmail).HasLabel("电子邮箱（规范化）");
            user.Property(u => u.EmailConfirmed).HasLabel("邮箱已验证");
            user.Property(u => u.PasswordHash).HasLabel("密码");
            user.Property(u => u.SecurityStamp).HasLabel("安全戳");
            user.Property(u => u.ConcurrencyStamp).HasLabel("并发标记");
            user.Property(u => u.AccessFailedCount).HasLabel("连续登录失败次数");
            user.Property(u => u.LockoutEnabled).HasLabel("启用锁定");
            user.Property(u => u.LockoutEnd).HasLabel("锁定至");
            user.Property(u => u.TwoFactorEnabled).HasLabel("双因素认证");
            user.Property(u => u.PhoneNumber).IsPersonalData(PersonalDataKind.Phone);
            user.Property(u => u.Email).IsPersonalData(PersonalDataKind.Other);
            user.Property(u => u.NormalizedEmail).IsPersonalData(PersonalDataKind.Other);
            user.Property(u => u.PasswordHash).IsSecret();
            user.Property(u => u.SecurityStamp).IsSecret();
            user.Property(u => u.ConcurrencyStamp).IsSecret();
            user.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.UnitId);
        });
        builder.Entity<IdentityRole>().HasDisplayName("角色");
        builder.Entity<IdentityRole>().Property(r => r.Name).HasLabel("角色名");
        builder.Entity<IdentityUserRole<string>>().Property(r => r.UserId).HasLabel("用户");
        builder.Entity<IdentityUserRole<string>>().Property(r => r.RoleId).HasLabel("角色");
        builder.Entity<IdentityUserRole<string>>().HasDisplayName("用户角色");
        builder.Entity<IdentityRole>().Property(r => r.ConcurrencyStamp).IsSecret();
        builder.Entity<IdentityUserToken<string>>().Property(t => t.Value).IsSecret();

        // Units are scoped by their own id: a county user sees their bureau and what lies below it.
        builder.Entity<Unit>().HasQueryFilter(ScopeFilter, u => ScopeAll || ScopeUnitIds.Contains(u.Id));

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var parameter = Expression.Parameter(type.ClrType, "e");
            var body = Expression.OrElse(
                Expression.Property(Expression.Constant(this), nameof(ScopeAll)),
                Expression.Call(
                    typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
                    Expression.Property(Expression.Constant(this), nameof(ScopeUnitIds)),
                    Expression.Property(parameter, nameof(IUnitScoped.UnitId))));
            builder.Entity(type.ClrType).HasQueryFilter(ScopeFilter, Expression.Lambda(body, parameter));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>The SQLite database (the embedded default); its own migration set.</summary>
public sealed class SqliteJixiaoDbContext(DbContextOptions<SqliteJixiaoDbContext> options, CurrentUser currentUser)
    : JixiaoDbContext(options, currentUser);

/// <summary>The PostgreSQL database (production, several nodes); its own migration set.</summary>
public sealed class PostgresJixiaoDbContext(DbContextOptions<PostgresJixiaoDbContext> options, CurrentUser currentUser)
    : JixiaoDbContext(options, currentUser);
