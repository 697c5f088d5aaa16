using Jixiao.Domain.Organization;
using Jixiao.Domain.Metrics;
using Jixiao.Features.Audit;
using Jixiao.Features.Metrics;
using Jixiao.Features.Performance;
using Jixiao.Features.Reconsideration;
using Jixiao.Domain.Performance;
using Jixiao.Features.Organization;
using Jixiao.Features.Users;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web;

/// <summary>Body of PUT /api/units/{code}.</summary>
public sealed record UnitUpdate(string Name, string? ShortName, string? ParentCode, int? SortOrder, bool? IsActive);

internal static class Endpoints
{
    /// <summary>Sign-out (a form post with antiforgery) and the idle-timeout exit.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/logout", async (SignInManager<AppUser> signIn, CurrentUser user, RecordSecurityEvent audit, [FromForm] string? returnUrl) =>
        {
            if (user.IsAuthenticated)
            {
                await audit.HandleAsync(AuditAction.SignOut, user.UserName, user.UserId, user.DisplayName, user.UnitId, user.UnitName, user.IpAddress, "退出登录");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        account.MapGet("/timeout", async (SignInManager<AppUser> signIn, CurrentUser user, RecordSecurityEvent audit) =>
        {
            if (user.IsAuthenticated)
            {
                await audit.HandleAsync(AuditAction.SignOut, user.UserName, user.UserId, user.DisplayName, user.UnitId, user.UnitName, user.IpAddress, "会话超时或登录状态失效，已退出");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login?reason=timeout");
        }).AllowAnonymous();
    }

    /// <summary>The JSON API (documented at /api/docs). Every query runs in the caller's data scope.</summary>
    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/me", (CurrentUser user) => new
        {
            user.UserName,
            user.DisplayName,
            user.UnitId,
            user.UnitName,
            roles = user.Roles,
            user.ReadsAllUnits,
        }).WithSummary("当前登录用户及其数据范围");
        api.MapGet("/units", async (ListUnits units, CancellationToken ct) => await units.VisibleUnitsAsync(ct))
            .WithSummary("数据范围内的单位（树形顺序）");
        api.MapGet("/units/{code}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<UnitRow>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> (string code, ListUnits units, CancellationToken ct) =>
                await units.FindAsync(code, ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound())
            .WithSummary("按代码查询单位；数据范围以外的单位返回 404");
        api.MapPut("/units/{code}", async (string code, UnitUpdate update, ListUnits units, SaveUnit save, CancellationToken ct) =>
            {
                var unit = await units.FindAsync(code, ct) ?? throw new Jixiao.Domain.NotFoundException($"单位“{code}”不存在或不在您的数据范围内。");
                await save.HandleAsync(new SaveUnit.Command(unit.Id, unit.Code, update.Name, update.ShortName, unit.Level, unit.Kind, update.ParentCode, update.SortOrder ?? unit.SortOrder, update.IsActive ?? unit.IsActive), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("修改单位名称、简称、上级、排序和状态（系统管理员）");
        api.MapGet("/reconsideration/cases", async (ListCases list, string? unit, Jixiao.Domain.Reconsideration.CaseState? state,
                Jixiao.Domain.Reconsideration.ReconsiderationOutcome? outcome, Jixiao.Domain.Reconsideration.MatterCategory? matter,
                Jixiao.Domain.Reconsideration.ApplicationChannel? channel, DateOnly? from, DateOnly? to, bool? enterprise, bool? overdue, string? text,
                string? respondent, string? handler, int? page, int? pageSize, string? sort, bool? desc, CancellationToken ct) =>
                await list.HandleAsync(new ListCases.Query(unit, state, outcome, matter, channel, from, to, enterprise, overdue ?? false, text,
                    Respondent: respondent, Handler: handler), new Jixiao.Features.Common.PageRequest(page ?? 1, pageSize ?? 20, sort, desc ?? false), ct))
            .RequireAuthorization(Policies.Read(Area.Reconsideration))
            .WithSummary("行政复议台账（与台账页面相同的筛选、排序和分页；证件号码脱敏）；sort：ReceivedOn、CaseNumber、State、ClosedOn");
        api.MapGet("/litigation/cases", async (Jixiao.Features.Litigation.ListLitigation list, string? unit,
                Jixiao.Domain.Litigation.LitigationInstance? instance, bool? open, Jixiao.Domain.Litigation.FirstInstanceOutcome? outcome,
                DateOnly? from, DateOnly? to, string? defendant, string? text, int? page, int? pageSize, string? sort, bool? desc, CancellationToken ct) =>
                await list.HandleAsync(new Jixiao.Features.Litigation.ListLitigation.Query(unit, instance, open, outcome, from, to, Defendant: defendant, Text: text),
                    new Jixiao.Features.Common.PageRequest(page ?? 1, pageSize ?? 20, sort, desc ?? false), ct))
            .RequireAuthorization(Policies.Read(Area.Litigation))
            .WithSummary("行政应诉台账（与台账页面相同的筛选、排序和分页）");
        api.MapGet("/statistics/{area}", async (HttpRequest request, MetricCatalogue catalogue, Area area, string unit, int year, string? scope, bool? months, CancellationToken ct) =>
            {
                var filters = catalogue.FiltersOf(area).Keys.Where(k => !string.IsNullOrWhiteSpace(request.Query[k]))
                    .ToDictionary(k => k, k => request.Query[k].ToString());
                var chosen = scope switch
                {
                    "tree" => MetricScope.Tree,
                    "self" => MetricScope.Self,
                    null or "" => catalogue.DefaultScope(area),
                    _ => throw new Jixiao.Domain.DomainException("统计范围应为本级（self）或含下级（tree）。"),
                };
                var summary = await catalogue.SummarizeAsync(area, unit, chosen, year, months ?? false, filters, ct);
                static object Values(MetricSet set) => set.Values.ToDictionary(v => v.Key, v => v.Value);
                return new
                {
                    unit = summary.Year.UnitCode,
                    unitName = summary.Year.UnitName,
                    scope = chosen == MetricScope.Tree ? "tree" : "self",
                    year,
                    values = Values(summary.Year),
                    months = summary.Months.Select(Values),
                };
            })
            .WithSummary("一个领域一年的全部统计指标（与统计页面同一口径），months=true 时附每月数值");
    }

    /// <summary>Downloads of the performance area: lists, templates, the score table and the report.</summary>
    public static void MapPerformanceEndpoints(this IEndpointRouteBuilder app)
    {
        var performance = app.MapGroup("/export").RequireAuthorization(Policies.Read(Area.Performance));
        performance.MapGet("/projects.xlsx", async (ListProjects list, int? year, string? unit, string? text, TargetDeclarationStatus? targetStatus, SelfEvaluationStatus? evaluationStatus, CancellationToken ct) =>
            TypedResults.File(await list.ExportAsync(new ListProjects.Query(year, unit, text, targetStatus, evaluationStatus), ct), Xlsx.ContentType, $"项目_{DateTime.Now:yyyyMMdd}.xlsx"));
        performance.MapGet("/monitoring.xlsx", async (MonitorProjects monitor, int year, DateOnly date, string? unit, TrafficLight? light, string? text, CancellationToken ct) =>
            TypedResults.File(await monitor.ExportAsync(new MonitorProjects.Query(year, date, unit, light, text), ct), Xlsx.ContentType, $"双监控_{date:yyyyMMdd}.xlsx"));
        performance.MapGet("/projects/{id:int}/expenditure-template.xlsx", async (int id, ImportExpenditures import, CancellationToken ct) =>
            TypedResults.File(await import.TemplateAsync(id, ct), Xlsx.ContentType, "支出导入模板.xlsx"));
        app.MapGet("/files/evidence/{id:int}", async (int id, ManageEvidence evidence, CancellationToken ct) =>
        {
            var (content, name, type) = await evidence.OpenAsync(id, ct);
            return TypedResults.File(content, type, name);
        }).RequireAuthorization(Policies.Read(Area.Performance));
        performance.MapGet("/projects/{id:int}/{kind}.{format}", async (int id, string kind, string format, EvaluationOutputs outputs, CancellationToken ct) =>
        {
            if (!Enum.TryParse<OutputKind>(kind, ignoreCase: true, out var what) || !Enum.TryParse<OutputFormat>(format, ignoreCase: true, out var type))
            {
                throw new Jixiao.Domain.ValidationException([new("Format", $"不支持导出“{kind}.{format}”：可选 table.xlsx、table.docx、table.pdf、report.docx、report.pdf。")]);
            }

            var file = await outputs.HandleAsync(id, what, type, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
    }

    /// <summary>
    /// The reconsideration register as Excel, with the page's filters (ID numbers masked); the notices of a case
    /// (not masked: official documents, for case handlers only) and the notice templates (administrators).
    /// </summary>
    public static void MapReconsiderationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/reconsideration.xlsx", async (ListCases list, MetricCatalogue catalogue, string? unit, Jixiao.Domain.Reconsideration.CaseState? state,
                Jixiao.Domain.Reconsideration.ReconsiderationOutcome? outcome, Jixiao.Domain.Reconsideration.MatterCategory? matter,
                Jixiao.Domain.Reconsideration.ApplicationChannel? channel, DateOnly? from, DateOnly? to, bool? enterprise, bool? overdue, string? text,
                string? respondent, string? handler, PerformanceFilter? performance, bool? awaitingReply, string? drill, CancellationToken ct) =>
            {
                var ids = drill is null ? null : (await catalogue.RecordsAsync(DrillDownParameters(drill), ct)).RecordIds;
                var bytes = await list.ExportAsync(new ListCases.Query(unit, state, outcome, matter, channel, from, to, enterprise, overdue ?? false, text, ids,
                    performance, awaitingReply ?? false, respondent, handler), ct);
                return TypedResults.File(bytes, Xlsx.ContentType, $"行政复议台账_{DateTime.Now:yyyyMMdd}.xlsx");
            })
            .RequireAuthorization(Policies.Read(Area.Reconsideration));
        app.MapGet("/export/litigation.xlsx", async (Jixiao.Features.Litigation.ListLitigation list, MetricCatalogue catalogue, string? unit,
                Jixiao.Domain.Litigation.LitigationInstance? instance, bool? open, Jixiao.Domain.Litigation.FirstInstanceOutcome? outcome,
                DateOnly? from, DateOnly? to, string? defendant, string? text, string? drill, CancellationToken ct) =>
            {
                var ids = drill is null ? null : (await catalogue.RecordsAsync(DrillDownParameters(drill), ct)).RecordIds;
                var bytes = await list.ExportAsync(new Jixiao.Features.Litigation.ListLitigation.Query(unit, instance, open, outcome, from, to, Defendant: defendant, Text: text, Ids: ids), ct);
                return TypedResults.File(bytes, Xlsx.ContentType, $"行政应诉台账_{DateTime.Now:yyyyMMdd}.xlsx");
            })
            .RequireAuthorization(Policies.Read(Area.Litigation));
        app.MapGet("/files/reconsideration/{id:int}", async (int id, OnlineApplicationFiles files, CancellationToken ct) =>
        {
            var (content, name, type) = await files.OpenAsync(id, ct);
            return TypedResults.File(content, type, name);
        }).RequireAuthorization(Policies.Read(Area.Reconsideration));
        app.MapGet("/export/reconsideration/cases/{id:int}/notices/{kind}.docx", async (int id, string kind, GenerateNotice notices, CancellationToken ct) =>
            {
                var file = await notices.HandleAsync(id, Jixiao.Domain.Reconsideration.Notices.Parse(kind), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Read(Area.Reconsideration))
            .WithSummary("生成案件的行政复议文书（accept、answer、supplement、refuse、extend、decision）；数据范围以外的案件返回 404");
        app.MapGet("/export/notice-templates/{kind}.docx", async (string kind, bool? @default, ManageNoticeTemplates templates, CancellationToken ct) =>
            {
                var file = await templates.DownloadAsync(Jixiao.Domain.Reconsideration.Notices.Parse(kind), @default ?? false, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Administration);
    }

    /// <summary>The activity and rectification registers as Excel with the pages' filters, and their evidence files.</summary>
    public static void MapRegisterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/activities.xlsx", async (Jixiao.Features.Activities.ListActivities list, MetricCatalogue catalogue, string? unit, int? kind,
                DateOnly? from, DateOnly? to, string? text, string? drill, CancellationToken ct) =>
            {
                var ids = drill is null ? null : (await catalogue.RecordsAsync(DrillDownParameters(drill), ct)).RecordIds;
                var bytes = await list.ExportAsync(new Jixiao.Features.Activities.ListActivities.Query(unit, kind, from, to, text, ids), ct);
                return TypedResults.File(bytes, Xlsx.ContentType, $"工作台账_{DateTime.Now:yyyyMMdd}.xlsx");
            })
            .RequireAuthorization(Policies.Read(Area.Activities));
        app.MapGet("/export/rectification.xlsx", async (Jixiao.Features.Rectification.ListRectifications list, MetricCatalogue catalogue, string? unit,
                Jixiao.Domain.Rectification.RectificationSource? source, Jixiao.Domain.Rectification.RectificationStatus? status,
                DateOnly? from, DateOnly? to, bool? overdue, string? text, string? drill, CancellationToken ct) =>
            {
                var ids = drill is null ? null : (await catalogue.RecordsAsync(DrillDownParameters(drill), ct)).RecordIds;
                var bytes = await list.ExportAsync(new Jixiao.Features.Rectification.ListRectifications.Query(unit, source, status, from, to, overdue ?? false, null, text, ids), ct);
                return TypedResults.File(bytes, Xlsx.ContentType, $"问题整改台账_{DateTime.Now:yyyyMMdd}.xlsx");
            })
            .RequireAuthorization(Policies.Read(Area.Rectification));
        app.MapGet("/files/registers/{id:int}", async (int id, Jixiao.Features.Activities.RegisterEvidenceFiles files, CancellationToken ct) =>
        {
            var (content, name, type) = await files.OpenAsync(id, ct);
            return TypedResults.File(content, type, name);
        }).RequireAuthorization();
    }

    /// <summary>The results of a year's rule-of-law assessment as Excel.</summary>
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/assessment/{year:int}/results.xlsx", async (int year, Jixiao.Features.Assessment.AssessmentResults results, CancellationToken ct) =>
                TypedResults.File(await results.ExportAsync(year, ct), Xlsx.ContentType, $"{year}年度法治建设考评结果.xlsx"))
            .RequireAuthorization(Policies.Read(Area.Assessment));
    }

    /// <summary>The parameters of a drill-down link (<c>metric=…&amp;unit=…</c>) carried as one encoded value.</summary>
    public static Dictionary<string, string?> DrillDownParameters(string drill) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(drill).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());

    /// <summary>Excel downloads of the lists, with the same filters as the pages.</summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireAuthorization();
        export.MapGet("/metrics.xlsx", async (HttpRequest request, MetricCatalogue catalogue, Area area, string unit, int year, string? scope, CancellationToken ct) =>
        {
            var filters = catalogue.FiltersOf(area).Keys.Where(k => !string.IsNullOrWhiteSpace(request.Query[k]))
                .ToDictionary(k => k, k => request.Query[k].ToString());
            var set = (await catalogue.SummarizeAsync(area, unit, scope == "tree" ? MetricScope.Tree : MetricScope.Self, year, months: false, filters, ct)).Year;
            var bytes = Xlsx.Write(set.Values,
            [
                ("指标键", v => v.Key),
                ("指标", v => v.Definition.Name),
                ("数值", v => v.Value),
                ("单位", v => v.Definition.UnitLabel),
                ("分子", v => v.Numerator),
                ("分母", v => v.Denominator),
                ("口径", v => v.Definition.Definition),
            ], "统计");
            return TypedResults.File(bytes, Xlsx.ContentType, $"统计_{set.UnitName}_{year}_{set.ScopeName}.xlsx");
        });
        export.MapGet("/ledgers/{name}/template.xlsx", (string name, Jixiao.Features.Ledgers.Ledgers ledgers, CurrentUser user) =>
        {
            var ledger = ledgers.Get(name);
            user.Require(ledger.Area);
            return TypedResults.File(ledger.Template(), Xlsx.ContentType, $"{ledger.Title}导入模板.xlsx");
        });
        export.MapGet("/ledgers/{name}.xlsx", async (string name, string? unit, int? year, Jixiao.Features.Ledgers.Ledgers ledgers, CancellationToken ct) =>
        {
            var ledger = ledgers.Get(name);
            return TypedResults.File(await ledger.ExportAsync(unit, year, ct), Xlsx.ContentType, $"{ledger.Title}_{DateTime.Now:yyyyMMdd}.xlsx");
        });
        export.MapGet("/metric-catalogue.xlsx", (MetricCatalogue catalogue) => TypedResults.File(Xlsx.Write(catalogue.Definitions,
            [
                ("指标键", d => d.Key),
                ("指标", d => d.Name),
                ("领域", d => Roles.AreaName(d.Area)),
                ("单位", d => d.UnitLabel),
                ("口径", d => d.Definition),
                ("统计对象", d => d.Records),
                ("分子", d => d.NumeratorKey),
                ("分母", d => d.DenominatorKey),
            ], "指标目录"), Xlsx.ContentType, "指标目录.xlsx"));
        var admin = export.MapGroup(string.Empty).RequireAuthorization(Policies.Administration);
        admin.MapGet("/users.xlsx", async (ListUsers users, string? text, string? unit, string? role, bool? disabled, CancellationToken ct) =>
            TypedResults.File(await users.ExportAsync(new ListUsers.Query(text, unit, role, disabled), ct), Xlsx.ContentType, $"用户_{DateTime.Now:yyyyMMdd}.xlsx"));
        admin.MapGet("/audit.xlsx", async (SearchAudit audit, DateTime? from, DateTime? to, string? user, string? entity, string? entityId, AuditAction? action, string? text, CancellationToken ct) =>
            TypedResults.File(await audit.ExportAsync(new SearchAudit.Query(from, to, user, entity, entityId, action, text), ct), Xlsx.ContentType, $"审计日志_{DateTime.Now:yyyyMMdd}.xlsx"));
        admin.MapGet("/units.xlsx", async (ListUnits units, CancellationToken ct) =>
        {
            var rows = await units.HandleAsync(ct);
            return TypedResults.File(Xlsx.Write(rows,
            [
                ("单位代码", r => r.Code),
                ("单位名称", r => r.Name),
                ("简称", r => r.ShortName),
                ("级别", r => r.LevelName),
                ("类型", r => r.KindName),
                ("上级单位", r => r.ParentName),
                ("用户数", r => r.UserCount),
                ("状态", r => r.IsActive ? "正常" : "已撤销"),
            ], "单位"), Xlsx.ContentType, $"单位_{DateTime.Now:yyyyMMdd}.xlsx");
        });
    }
}
