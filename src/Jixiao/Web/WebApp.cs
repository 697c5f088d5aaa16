using System.Threading.RateLimiting;
using Jixiao.Cli;
using Jixiao.Components;
using Jixiao.Domain.Organization;
using Jixiao.Features;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Jixiao.Web;

/// <summary>The web application: Blazor pages, downloads, the JSON API, health and security.</summary>
public static class WebApp
{
    /// <summary>Largest request body accepted (uploads included); larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 30 * 1024 * 1024;

    public static WebApplication Build(string dataDirectory, string? urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseStaticWebAssets();
        HostFactory.ApplyCommonConfiguration(builder.Configuration, dataDirectory);
        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        configure?.Invoke(builder);
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.AddInfrastructure().AddFeatures().AddBackgroundJobs();
        AddWeb(builder);
        var app = builder.Build();
        UseWeb(app);
        return app;
    }

    /// <summary>Applies migrations when configured to, before the first request.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.MigrateAtStartup)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
    }

    private static void AddWeb(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text as text, not as &#x...; entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddScoped<SessionActivity>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>().AddSignInManager<JixiaoSignInManager>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "jixiao.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(security.SessionLifetimeHours);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator));
        foreach (var area in Enum.GetValues<Area>())
        {
            services.AddAuthorizationBuilder().AddPolicy(Policies.Read(area), p => p.RequireAssertion(c => Roles.MayRead(c.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => r.Value), area)));
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jixiao.af";
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.AddServerHeader = false;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi();
        services.AddProblemDetails();
        var online = builder.Configuration.GetSection(OnlineApplicationOptions.Section).Get<OnlineApplicationOptions>() ?? new OnlineApplicationOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.SignIn, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
            o.AddPublicRateLimits(online);
        });
        if (security.TrustedProxies.Length > 0)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.ForwardLimit = 1;
                o.KnownProxies.Clear();
                foreach (var proxy in security.TrustedProxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                        ? address
                        : throw new Jixiao.Domain.DomainException($"配置项 Jixiao:Security:TrustedProxies 中的“{proxy}”不是 IP 地址。"));
                }
            });
        }
        if (security.RequireHttps)
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        }
    }

    private static void UseWeb(WebApplication app)
    {
        var security = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (security.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler(ErrorHandling.Configure);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePublicFormErrors();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Jixiao API").DisableDefaultFonts()).RequireAuthorization();
        app.MapAccountEndpoints();
        app.MapApiEndpoints();
        app.MapExportEndpoints();
        app.MapPerformanceEndpoints();
        app.MapBatchEndpoints();
        app.MapReconsiderationEndpoints();
        app.MapRegisterEndpoints();
        app.MapAssessmentEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sends frame-ancestors none
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/export"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Administration = "administration";

    public static string Read(Area area) => $"read:{area}";
}

public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Posts of the public application form, per client address.</summary>
    public const string OnlineApplication = "online-application";

    /// <summary>Posts of the public status form, per client address.</summary>
    public const string OnlineStatus = "online-status";
}
