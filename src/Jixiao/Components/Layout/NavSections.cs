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
            ("报告语句模板", "performance/sentences"),
            ("批量生成", "performance/batches"),
        ]),
        new(Area.Reconsideration, Icons.Material.Filled.Gavel,
        [
            ("案件台账", "reconsideration/cases"),
            ("期限监控", "reconsideration/deadlines"),
            ("复议统计", "reconsideration/statistics"),
        ]),
        new(Area.Litigation, Icons.Material.Filled.AccountBalance,
        [
            ("应诉台账", "litigation/cases"),
            ("应诉统计", "litigation/statistics"),
        ]),
        new(Area.Activities, Icons.Material.Filled.EventNote,
        [
            ("工作台账", "activities"),
            ("评选候选项目", "activities/candidates"),
            ("台账统计", "activities/statistics"),
        ]),
        new(Area.Rectification, Icons.Material.Filled.FactCheck,
        [
            ("整改台账", "rectification"),
            ("整改统计", "rectification/statistics"),
        ]),
        new(Area.Assessment, Icons.Material.Filled.Leaderboard,
        [
            ("考评结果", "assessment/results"),
            ("评分录入", "assessment/scores"),
            ("考评方案", "assessment/scheme"),
            ("法治广东考评", "assessment/provincial"),
            ("咨询专家库", "assessment/experts"),
            ("考评统计", "assessment/statistics"),
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
        new(Area.Legislation, Icons.Material.Filled.HistoryEdu,
        [
            ("立法项目", "legislation/projects"),
            ("立法统计", "legislation/statistics"),
        ]),
        new(Area.Statistics, Icons.Material.Filled.QueryStats,
        [
            ("领导驾驶舱", "dashboard"),
            ("报告数据核对", "reports/check"),
            ("指标口径目录", "statistics/metrics"),
        ]),
        new(Area.Administration, Icons.Material.Filled.Settings,
        [
            ("单位管理", "admin/units"),
            ("用户管理", "admin/users"),
            ("评分方案", "admin/profiles"),
            ("工作日历", "admin/calendar"),
            ("文书模板", "admin/notice-templates"),
            ("活动类型", "admin/activity-kinds"),
            ("审计日志", "admin/audit"),
        ]),
    ];
}
