using Jixiao.Domain.Organization;
using MudBlazor;

namespace Jixiao.Components.Layout;

/// <summary>
/// The navigation: one section per area that exists in the product. A section shows only to roles
/// that may read its area (<see cref="Roles"/>); areas are added here as they are built.
/// </summary>
public sealed record NavSection(Area Area, string Icon, IReadOnlyList<(string Title, string Href)> Links)
{
}

public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new(Area.Performance, Icons.Material.Filled.Assessment,
        [
            ("项目管理", "performance/projects"),
            ("双监控", "performance/monitoring"),
        ]),
        new(Area.Reconsideration, Icons.Material.Filled.Gavel,
        [
            ("案件台账", "reconsideration/cases"),
            ("期限监控", "reconsideration/deadlines"),
            ("复议统计", "reconsideration/statistics"),
        ]),
        new(Area.NormativeDocuments, Icons.Material.Filled.Description,
        [
            ("合法性审核", "normative/reviews"),
            ("备案审查", "normative/filings"),
            ("文件清理", "normative/cleanups"),
            ("告知承诺制", "normative/certification"),
            ("规范性文件统计", "normative/statistics"),
        ]),
        new(Area.LegalAdvice, Icons.Material.Filled.Balance,
        [
            ("法律顾问", "legal/advisers"),
            ("办件台账", "legal/matters"),
            ("会议与讲座", "legal/activities"),
            ("法律顾问统计", "legal/statistics"),
        ]),
        new(Area.Statistics, Icons.Material.Filled.QueryStats,
        [
            ("报告数据核对", "reports/check"),
            ("指标口径目录", "statistics/metrics"),
        ]),
        new(Area.Administration, Icons.Material.Filled.Settings,
        [
            ("单位管理", "admin/units"),
            ("用户管理", "admin/users"),
            ("评分方案", "admin/profiles"),
            ("工作日历", "admin/calendar"),
            ("审计日志", "admin/audit"),
        ]),
    ];
}
