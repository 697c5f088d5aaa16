using Jixiao.Domain;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jixiao.Web;

/// <summary>Security headers on every response; no resource may come from outside the product.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    private const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Content-Security-Policy"] = context.Request.Path.StartsWithSegments("/api/docs") ? DocsPolicy : Policy;
        return next(context);
    }
}

/// <summary>Turns errors a user can cause into clear answers (400, 403, 404, 413) instead of 500.</summary>
internal static class ErrorHandling
{
    public static void Configure(IApplicationBuilder app) => app.Run(async context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title) = context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
            ? (StatusCodes.Status400BadRequest, "表单已过期或来源不可信，请刷新页面后重试。")
            : Classify(error);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status500InternalServerError)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Jixiao.Errors")
                .LogError(error, "Unhandled error on {Path}", context.Request.Path);
        }

        if (context.Request.Path.StartsWithSegments(PublicPages.Root))
        {
            await PublicPages.WriteAsync(context, status, status == StatusCodes.Status500InternalServerError ? "提交失败" : "无法处理您的请求", title, context.RequestAborted);
            return;
        }

        var problems = (error as ValidationException)?.Problems.Select(p => new { field = p.Field, message = p.Message });
        await context.Response.WriteAsJsonAsync(new { status, title, problems }, cancellationToken: context.RequestAborted);
    });

    public static (int Status, string Title) Classify(Exception? error) => error switch
    {
        ValidationException v => (StatusCodes.Status400BadRequest, v.Message),
        NotFoundException n => (StatusCodes.Status404NotFound, n.Message),
        ForbiddenException f => (StatusCodes.Status403Forbidden, f.Message),
        DomainException d => (StatusCodes.Status400BadRequest, d.Message),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? $"上传内容过大：最大 {WebApp.MaxRequestBodyBytes / 1024 / 1024} MB。" : "请求格式不正确。"),
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "表单已过期或来源不可信，请刷新页面后重试。"),
        _ => (StatusCodes.Status500InternalServerError, "服务器内部错误，已记录日志。请稍后重试或联系管理员。"),
    };
}

/// <summary>/healthz: healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = settings.Create(CurrentUser.System("健康检查"));
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{settings.Provider} 可用")
                : HealthCheckResult.Unhealthy($"{settings.Provider} 无法连接");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} 无法连接", ex);
        }
    }
}
