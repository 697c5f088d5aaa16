using System.Net;
using System.Threading.RateLimiting;
using Jixiao.Features.Reconsideration;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web;

/// <summary>
/// The public pages' protection at the HTTP level (ADR-012): per-address rate limits on posting the
/// application and status forms, and plain Chinese pages for a refusal (429) or an error, since a
/// citizen's browser should not show JSON.
/// </summary>
internal static class PublicPages
{
    /// <summary>The path under which the public pages live.</summary>
    public const string Root = "/apply";

    /// <summary>The client's address as one string, IPv4 addresses given as such even when they arrive IPv6-mapped.</summary>
    public static string? ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>
    /// Form posts are limited per client address in fixed windows; the pages themselves (GET) are not.
    /// A node counts its own requests; the database limit on accepted applications holds across nodes.
    /// </summary>
    public static void AddPublicRateLimits(this RateLimiterOptions options, OnlineApplicationOptions limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        options.AddPolicy(RateLimits.OnlineApplication, context => PostsOnly(context, "apply", limits.SubmissionsPerHour, TimeSpan.FromHours(1)));
        options.AddPolicy(RateLimits.OnlineStatus, context => PostsOnly(context, "status", limits.StatusQueriesPerMinute, TimeSpan.FromMinutes(1)));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            var (title, text) = context.Request.Path.StartsWithSegments(Root + "/status")
                ? ("查询过于频繁", $"同一网络地址每分钟最多查询 {limits.StatusQueriesPerMinute} 次。请 {minutes} 分钟后再查询。")
                : context.Request.Path.StartsWithSegments(Root)
                    ? ("提交过于频繁", $"同一网络地址每小时最多提交 {limits.SubmissionsPerHour} 次。请 {minutes} 分钟后再提交；也可以到行政复议机关当面或邮寄提交申请。")
                    : ("请求过于频繁", $"请 {minutes} 分钟后再试。");
            await WriteAsync(context, StatusCodes.Status429TooManyRequests, title, text, cancellationToken);
        };
    }

    /// <summary>
    /// A public form posted without a valid antiforgery token gets a page that says what to do instead
    /// of Blazor's empty 400 (an expired page, or cookies turned off).
    /// </summary>
    public static void UsePublicFormErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Request.Path.StartsWithSegments(Root) && HttpMethods.IsPost(context.Request.Method)
            && context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted
            && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
        {
            context.Response.ContentLength = null;
            if (TooLarge(antiforgery.Error))
            {
                // The token could not be read because the form was larger than the server takes.
                await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "上传内容过大",
                    $"本次提交超过 {WebApp.MaxRequestBodyBytes / 1024 / 1024} MB，未能接收。附件每个不超过 {Domain.Reconsideration.OnlineAttachment.MaxBytes / 1024 / 1024} MB、"
                    + $"合计不超过 {Domain.Reconsideration.OnlineAttachment.MaxTotalBytes / 1024 / 1024} MB，请压缩或减少附件后重新填写提交。", context.RequestAborted);
                return;
            }

            await WriteAsync(context, StatusCodes.Status400BadRequest, "页面已过期",
                "表单已过期或来源无法确认（可能页面打开时间过长，或浏览器禁用了 Cookie）。请刷新页面后重新填写提交。", context.RequestAborted);
        }
    });

    private static bool TooLarge(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes a small Chinese page in the public pages' look, e.g. for a refused or failed request.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var back = context.Request.Path.StartsWithSegments(Root + "/status") ? Root + "/status" : Root;
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{WebUtility.HtmlEncode(title)}} - 行政复议网上申请</title>
            <link rel="stylesheet" href="/css/app.css" />
            </head>
            <body>
            <div class="jx-public">
            <header class="jx-public-head"><div class="jx-public-brand"><span class="jx-public-logo">复</span>行政复议网上申请</div></header>
            <main class="jx-public-main"><div class="jx-public-card">
            <h1 class="jx-h1" id="public-message-title">{{WebUtility.HtmlEncode(title)}}</h1>
            <p id="public-message">{{WebUtility.HtmlEncode(text)}}</p>
            <p><a href="{{back}}">返回</a></p>
            </div></main>
            </div>
            </body>
            </html>
            """, cancellationToken);
    }

    private static RateLimitPartition<string> PostsOnly(HttpContext context, string form, int permits, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{form}:{ClientAddress(context) ?? "unknown"}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty);
}
