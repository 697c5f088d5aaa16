using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jixiao.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database (SQLite or PostgreSQL from configuration), the user's scope, the audit log,
    /// identity stores and Data Protection keys in the database. Used by the web server and the
    /// command line alike.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JixiaoOptions>().BindConfiguration(JixiaoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        var dataDirectory = builder.Configuration[$"{JixiaoOptions.Section}:{nameof(JixiaoOptions.DataDirectory)}"] ?? "data";
        var (provider, connectionString) = DatabaseSettings.Resolve(builder.Configuration, dataDirectory);
        services.AddSingleton(sp => new DatabaseSettings(provider, connectionString, sp.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<Documents.FileStore>();
        services.AddSingleton<Challenges.ProofOfWorkChallenges>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CurrentUserLoader>();
        services.AddScoped<JixiaoDbContextFactory>();
        services.AddScoped<IDbContextFactory<JixiaoDbContext>>(sp => sp.GetRequiredService<JixiaoDbContextFactory>());
        services.AddScoped<JixiaoDbContext>(sp => sp.GetRequiredService<JixiaoDbContextFactory>().CreateDbContext());
        services.AddOptions<Jobs.JobOptions>().BindConfiguration(Jobs.JobOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneKnown(o.TimeZone), "配置项 Jixiao:Jobs:TimeZone 不是已知的时区名（例如 Asia/Shanghai）。").ValidateOnStart();
        services.AddSingleton<Jobs.JobQueue>();
        services.AddSingleton<Jobs.JobWorker>();
        services.AddSingleton<Jobs.DailyJobScheduler>();

        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<JixiaoDbContext>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("Jixiao")
            .PersistKeysToDbContext<JixiaoDbContext>();
        return builder;
    }

    /// <summary>
    /// Runs the batch worker and the daily jobs on this node (<c>jixiao serve</c>; every node may, the database lets each
    /// piece of work run once). Off when <c>Jixiao:Jobs:RunOnThisNode</c> is false.
    /// </summary>
    public static IHostApplicationBuilder AddBackgroundJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue($"{Jobs.JobOptions.Section}:{nameof(Jobs.JobOptions.RunOnThisNode)}", true))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Jobs.JobWorker>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Jobs.DailyJobScheduler>());
        }

        return builder;
    }

    private static bool TimeZoneKnown(string name)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
